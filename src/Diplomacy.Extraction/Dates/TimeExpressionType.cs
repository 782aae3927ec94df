namespace Diplomacy.Extraction.Dates;

/// <summary>The kind of a <see cref="TimeExpression"/>.</summary>
public enum TimeExpressionType
{
    /// <summary>A single day (<c>on Thursday</c>, <c>27. Februar 2025</c>).</summary>
    Date,

    /// <summary>A period: week, month, season, year, part of one, or a range (<c>later this week</c>, <c>im Herbst</c>, <c>March 3-5</c>).</summary>
    DateRange,

    /// <summary>A day with a time of day (<c>Thursday at 10 a.m.</c>).</summary>
    DateTime,

    /// <summary>A time of day alone (<c>um 14 Uhr</c>).</summary>
    Time,

    /// <summary>A length of time (<c>two-day talks</c>, <c>for three days</c>).</summary>
    Duration,
}
