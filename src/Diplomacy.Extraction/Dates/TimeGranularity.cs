namespace Diplomacy.Extraction.Dates;

/// <summary>How precise a resolved time is.</summary>
public enum TimeGranularity
{
    /// <summary>A time of day.</summary>
    Time,

    /// <summary>A day.</summary>
    Day,

    /// <summary>A week, or a few days within one.</summary>
    Week,

    /// <summary>A month, or part of one.</summary>
    Month,

    /// <summary>A season.</summary>
    Season,

    /// <summary>A quarter or half year.</summary>
    Quarter,

    /// <summary>A year.</summary>
    Year,
}
