using System.Globalization;

namespace Diplomacy.Extraction.Dates;

/// <summary>Resolution of the period words with a determiner and of "to date" (<see cref="DateExtractor"/>, Anaphora).</summary>
internal partial struct DateSpec
{
    /// <summary>From the start of the period up to the reference date: "year to date".</summary>
    public const int PartToDate = 5;

    /// <summary>The days from the start of <paramref name="v"/> up to (not including) the reference date; the first day alone when the reference is that day.</summary>
    private static ResolvedInterval UpToReference(ResolvedInterval v, DateOnly reference)
    {
        DateOnly endExclusive = reference > v.Start ? reference : v.Start.AddDays(1);
        if (endExclusive > v.End.AddDays(1))
        {
            endExclusive = v.End.AddDays(1);
        }

        return RangeOf(v.Start, endExclusive, "P" + (endExclusive.DayNumber - v.Start.DayNumber).ToString(CultureInfo.InvariantCulture) + "D", TimeGranularity.Day);
    }

    /// <summary>
    /// "the weekend", "my weekend", "on weekend": the weekend of the reference week; in a past sentence the latest weekend
    /// that has begun by the reference date ("met over the weekend" in a Monday article is the one just gone).
    /// </summary>
    private static ResolvedInterval ResolveNearestWeekend(DateOnly reference, int direction)
    {
        DateOnly sat = WeekStart(reference).AddDays(5);
        if (direction < 0 && reference < sat)
        {
            sat = sat.AddDays(-7);
        }

        return new ResolvedInterval(sat, sat.AddDays(1), WeekTimex(sat) + "-WE", TimeGranularity.Week);
    }
}
