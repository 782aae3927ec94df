using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Dates;

/// <summary>A time expression found in the text and, where possible, resolved to a calendar interval.</summary>
public sealed record TimeExpression
{
    /// <summary>Where it is in the original text.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>The text as written (from the normalized text).</summary>
    public required string Text { get; init; }

    /// <summary>What kind of expression it is.</summary>
    public required TimeExpressionType Type { get; init; }

    /// <summary>A TIMEX3-style value: <c>2025-02-27</c>, <c>2025-W09</c>, <c>2025-09</c>, <c>2025-FA</c>, <c>P2D</c>; null when unresolved.</summary>
    public string? Timex { get; init; }

    /// <summary>First day of the interval (inclusive), when resolved.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>Last day of the interval (inclusive), when resolved.</summary>
    public DateOnly? End { get; init; }

    /// <summary>Time of day at the start, where the text gives one.</summary>
    public TimeOnly? StartTime { get; init; }

    /// <summary>Time of day at the end, where the text gives one.</summary>
    public TimeOnly? EndTime { get; init; }

    /// <summary>How precise the interval is.</summary>
    public TimeGranularity? Granularity { get; init; }

    /// <summary>Whether the interval has no first day ("before 2018", "until Friday"): <see cref="Start"/> is then null.</summary>
    public bool OpenStart { get; init; }

    /// <summary>Whether the interval has no last day ("since August", "after 2010"): <see cref="End"/> is then null.</summary>
    public bool OpenEnd { get; init; }

    /// <summary>Whether the expression was resolved to dates (false without a reference date, or for durations).</summary>
    public bool Resolved { get; init; }
}
