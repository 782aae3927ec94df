using System.Globalization;

namespace Diplomacy.Extraction.Dates;

/// <summary>Resolution of the period words with a determiner and of "to date" (<see cref="DateExtractor"/>, Anaphora).</summary>
internal partial struct DateSpec
{
    /// <summary>From the start of the period up to the reference date: "year to date".</summary>
    public const int PartToDate = 5;

    /// <summary>The first <see cref="SubN"/> units of the period ("the first two months of the year"); the unit is in <see cref="SubWeekdayValue"/>.</summary>
    public const int SubFirstUnits = 20;

    /// <summary>The last <see cref="SubN"/> units of the period ("the last 10 days of March").</summary>
    public const int SubLastUnits = 21;

    /// <summary>The weekend at a holiday ("the Easter weekend", "labor day 2021 weekend").</summary>
    public const int SubHolidayWeekend = 22;

    /// <summary>
    /// The first or last N days, weeks, months or quarters of a period. Weeks are whole Monday-to-Sunday weeks that belong to
    /// the period by their Thursday (as ISO weeks): "the last 3 weeks of 2019" = 9 to 29 December.
    /// </summary>
    private readonly ResolvedInterval? FirstOrLastUnits(ResolvedInterval v)
    {
        var unit = (DateUnit)SubWeekdayValue;
        int n = SubN;
        bool first = Sub == SubFirstUnits;
        DateOnly start, endExclusive;
        string code;
        switch (unit)
        {
            case DateUnit.Day:
                start = first ? v.Start : v.End.AddDays(1 - n);
                endExclusive = first ? v.Start.AddDays(n) : v.End.AddDays(1);
                code = "D";
                break;
            case DateUnit.Week:
                {
                    DateOnly monday = first ? WeekStart(v.Start) : WeekStart(v.End);
                    if (first && monday.AddDays(3) < v.Start)
                    {
                        monday = monday.AddDays(7);
                    }
                    else if (!first && monday.AddDays(3) > v.End)
                    {
                        monday = monday.AddDays(-7);
                    }

                    start = first ? monday : monday.AddDays(-7 * (n - 1));
                    endExclusive = first ? monday.AddDays(7 * n) : monday.AddDays(7);
                    code = "W";
                    break;
                }

            case DateUnit.Month or DateUnit.Quarter:
                {
                    int months = unit == DateUnit.Quarter ? 3 * n : n;
                    start = first ? v.Start : v.End.AddDays(1).AddMonths(-months);
                    endExclusive = first ? v.Start.AddMonths(months) : v.End.AddDays(1);
                    code = unit == DateUnit.Quarter ? "Q" : "M";
                    break;
                }

            default:
                return null;
        }

        if (start < v.Start || endExclusive > v.End.AddDays(1) || endExclusive <= start)
        {
            // "the first 14 months of the year": more units than the period has
            return null;
        }

        return RangeOf(start, endExclusive, "P" + n.ToString(CultureInfo.InvariantCulture) + code, unit == DateUnit.Day ? TimeGranularity.Day : unit == DateUnit.Week ? TimeGranularity.Week : TimeGranularity.Month);
    }

    /// <summary>
    /// The weekend at a holiday: a Monday holiday ends it (Saturday to Monday), a Friday one starts it (Friday to Sunday), one
    /// on a weekend is in it, one on Tuesday or Wednesday follows it, one on Thursday comes before it.
    /// </summary>
    private static ResolvedInterval HolidayWeekend(ResolvedInterval v)
    {
        DateOnly d = v.Start;
        DateOnly start, end;
        switch (IsoDay(d))
        {
            case 1:
                start = d.AddDays(-2);
                end = d;
                break;
            case 5:
                start = d;
                end = d.AddDays(2);
                break;
            case 2 or 3:
                start = WeekStart(d).AddDays(-2);
                end = start.AddDays(1);
                break;
            default:
                start = WeekStart(d).AddDays(5);
                end = start.AddDays(1);
                break;
        }

        DateOnly sat = IsoDay(start) == 5 ? start.AddDays(1) : IsoDay(start) == 1 ? start.AddDays(-2) : start;
        return new ResolvedInterval(start, end, WeekTimex(sat) + "-WE", TimeGranularity.Week);
    }

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
