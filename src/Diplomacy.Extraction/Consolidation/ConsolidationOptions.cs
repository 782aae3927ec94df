namespace Diplomacy.Extraction.Consolidation;

/// <summary>How reports of one meeting are recognized across documents. Every value is in days.</summary>
public sealed record ConsolidationOptions
{
    /// <summary>A report saying "held" without a date is taken to cover the meeting of at most this many days before it. Default 14.</summary>
    public int HeldLookbackDays { get; init; } = 14;

    /// <summary>A report saying "planned" (proposed, postponed) without a date is taken to cover a meeting within this many days after it. Default 60.</summary>
    public int PlannedHorizonDays { get; init; } = 60;

    /// <summary>
    /// The same for a report of a numbered round ("the second round will be held"), which names one meeting of its
    /// participants however far ahead it lies. Default 365.
    /// </summary>
    public int RoundHorizonDays { get; init; } = 365;

    /// <summary>Times that miss each other by at most this many days are still compatible (time zones, late reports). Default 1.</summary>
    public int ToleranceDays { get; init; } = 1;

    /// <summary>
    /// Streaming only: how far (by reference date) an event may arrive out of order. Events are held back this long,
    /// so that within this bound the output does not depend on the input order. Default 7.
    /// </summary>
    public int MaxLatenessDays { get; init; } = 7;

    /// <summary>Streaming only: a meeting is closed and written this many days after the last day it can fall on. Default 30.</summary>
    public int RetentionDays { get; init; } = 30;

    /// <summary>The defaults.</summary>
    public static ConsolidationOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a negative value.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(HeldLookbackDays);
        ArgumentOutOfRangeException.ThrowIfNegative(PlannedHorizonDays);
        ArgumentOutOfRangeException.ThrowIfNegative(RoundHorizonDays);
        ArgumentOutOfRangeException.ThrowIfNegative(ToleranceDays);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxLatenessDays);
        ArgumentOutOfRangeException.ThrowIfNegative(RetentionDays);
    }
}
