using System.Globalization;

namespace Diplomacy.Extraction.Dates;

/// <summary>What a parsed date expression denotes, before resolution.</summary>
internal enum SpecKind : byte
{
    None,
    Day,
    Month,
    Year,
    Weekday,
    RelDay,
    RelPeriod,
    Offset,
    Season,
    Holiday,

    /// <summary>N units up to (N &lt; 0) or from (N &gt; 0) the reference date: "last 3 months", "next two days"; Rel = 0: "within 5 days" (from the reference date itself).</summary>
    Counted,

    /// <summary>The ten years from <see cref="DateSpec.Year"/>: "the 1990s".</summary>
    Decade,

    /// <summary>N hours or minutes from the reference time: "in 5 minutes", "3 hours ago" (resolved only with a reference time).</summary>
    TimeOffset,
}

/// <summary>The parsed meaning of one date expression (or one end of a range); resolved by <see cref="Resolve"/>.</summary>
internal partial struct DateSpec
{
    public const int PartEarly = 1;
    public const int PartMid = 2;
    public const int PartLate = 3;
    public const int PartRest = 4;
    public const int OpenBefore = 1;
    public const int OpenAfter = 2;
    public const int OpenSince = 3;
    public const int OpenUntil = 4;
    public const int SubWeek = 1;
    public const int SubQuarter = 2;
    public const int SubHalf = 3;
    public const int SubDay = 4;
    public const int SubWeekday = 5;
    public const int SubMonth = 6;
    public const int SubWeekOf = 7;
    public const int NoRel = int.MinValue;
    public const int DayPartMorning = 1;
    public const int DayPartAfternoon = 2;
    public const int DayPartEvening = 3;
    public const int DayPartNight = 4;

    public SpecKind Kind;
    public int Year;
    public int Month;
    public int Day;
    public int Weekday;
    public int Rel;
    public DateUnit Unit;
    public int N;
    public int Season;
    public int Holiday;
    public int Part;
    public int LaterEarlier;

    /// <summary>A selection inside the period: the N-th week/quarter/half/day/weekday/month of it (0 = none).</summary>
    public int Sub;

    /// <summary>Which one of <see cref="Sub"/>: 1-based, -1 for the last.</summary>
    public int SubN;

    /// <summary>The weekday for <see cref="SubWeekday"/>.</summary>
    public int SubWeekdayValue;

    /// <summary>A part of the day named with the date ("tomorrow morning", "tonight"): one of the DayPart constants, 0 = none.</summary>
    public int DayPart;

    /// <summary>Days added after the months of a compound offset or count ("1 month 21 days ago", "within 5 years 1 month 12 days"; for a count always positive).</summary>
    public int ExtraDays;

    /// <summary>A direction fixed by the expression itself ("last Easter" = -1, "following Easter" = 1); 0 = from the sentence.</summary>
    public int Dir;

    /// <summary>
    /// A quarter or half written without its year ("in the first quarter", "fourth-quarter profit", "Q4"): the reference
    /// year's, or, when that one begins after the reference date, the year before's in a past sentence, and in a sentence
    /// without a tense cue when it ended nearer to the reference ("fourth-quarter earnings", written in March).
    /// </summary>
    public bool YearFromDirection;

    public static DateSpec Of(SpecKind kind) => new() { Kind = kind, Rel = NoRel };

    public static int SeasonIndex(string code) => code switch
    {
        "SP" => 0,
        "SU" => 1,
        "FA" => 2,
        "WI" => 3,
        _ => throw new InvalidDataException($"Unknown season '{code}' in dates.json (use SP, SU, FA, WI)."),
    };

    public static int DayPartIndex(string code) => code switch
    {
        "MO" => DayPartMorning,
        "AF" => DayPartAfternoon,
        "EV" => DayPartEvening,
        "NI" => DayPartNight,
        _ => throw new InvalidDataException($"Unknown day part '{code}' in dates.json (use MO, AF, EV, NI)."),
    };

    /// <summary>Whether the spec names a single day (so a time of day can attach to it).</summary>
    public readonly bool IsSingleDay => (Sub is SubDay or SubWeekday) || (Sub == 0 && Part == 0 && LaterEarlier == 0 && Kind is SpecKind.Day or SpecKind.Weekday or SpecKind.RelDay or SpecKind.Holiday or SpecKind.Offset);

    /// <summary>Whether the spec is fixed by the reference date itself (today, next week, this month), not by the other end of a range.</summary>
    public readonly bool IsAnchoredToReference => Kind is SpecKind.RelDay or SpecKind.RelPeriod or SpecKind.Counted or SpecKind.Offset || (Rel != NoRel && Kind is SpecKind.Weekday or SpecKind.Month);

    /// <summary>The N-th weekday (1 = Monday) of a month; N = -1 for the last.</summary>
    public static DateOnly NthWeekday(int year, int month, int weekday, int n)
    {
        if (n < 0)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-((IsoDay(last) - weekday + 7) % 7));
        }

        var first = new DateOnly(year, month, 1);
        return first.AddDays(((weekday - IsoDay(first) + 7) % 7) + (7 * (n - 1)));
    }

    public static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    public static DateOnly WeekStart(DateOnly d) => d.AddDays(1 - IsoDay(d));

    /// <summary>Resolves against a reference date; <paramref name="direction"/> is -1 (past), 1 (future) or 0 (unknown).</summary>
    public readonly ResolvedInterval? Resolve(DateOnly reference, int direction)
    {
        if (Dir != 0)
        {
            direction = Dir;
        }

        if (YearFromDirection)
        {
            DateSpec own = this;
            own.YearFromDirection = false;
            ResolvedInterval? current = own.Resolve(reference, direction);
            if (current is { } c && c.Start > reference && direction <= 0 && own.Kind == SpecKind.RelPeriod && own.Rel == 0)
            {
                // in a past sentence last year's ("output rose 3.3 pct in the fourth quarter", written in March); with
                // no tense cue the nearer of this year's (still ahead) and last year's (over): "fourth-quarter results"
                // in March are last year's, "its second quarter production schedule" in March this year's
                own.Rel = -1;
                if (own.Resolve(reference, direction) is { } before
                    && (direction < 0 || reference.DayNumber - before.End.DayNumber < c.Start.DayNumber - reference.DayNumber))
                {
                    return before;
                }
            }

            return current;
        }

        ResolvedInterval? r = ResolveBase(reference, direction);
        if (r is not { } v)
        {
            return null;
        }

        if (Sub != 0)
        {
            if (ApplySub(v) is not { } sub)
            {
                return null;
            }

            v = sub;
        }

        if (Part == PartRest)
        {
            DateOnly from = reference > v.Start && reference <= v.End ? reference : v.Start;
            v = RangeOf(from, v.End.AddDays(1), "P" + (v.End.DayNumber - from.DayNumber).ToString(CultureInfo.InvariantCulture) + "D", v.Granularity);
        }
        else if (Part == PartToDate)
        {
            v = UpToReference(v, reference);
        }
        else if (Part != 0)
        {
            v = ApplyPart(v, Part, explicitYear: Kind == SpecKind.Year);
        }

        if (LaterEarlier != 0)
        {
            v = ApplyLaterEarlier(v, reference, LaterEarlier);
        }

        return v;
    }

    private readonly ResolvedInterval? ResolveBase(DateOnly reference, int direction)
    {
        switch (Kind)
        {
            case SpecKind.Day when Month == 0:
                return ResolveDayOfUnknownMonth(reference, direction);
            case SpecKind.Counted:
                return ResolveCounted(reference);
            case SpecKind.Decade:
                {
                    // N: the length in years (10, a century 100, "the next 3 decades" 30); Rel: decades from the reference's;
                    // a Year below 100 names a decade of an unnamed century (the latest not after the reference)
                    int years = N == 0 ? 10 : N;
                    int first = Year;
                    if (Rel != NoRel)
                    {
                        int current = reference.Year / 10 * 10;
                        first = Rel > 0 ? current + 10 : Rel < 0 ? current - years : current;
                    }
                    else if (Year < 100)
                    {
                        first = (reference.Year / 100 * 100) + Year;
                        if (first > reference.Year)
                        {
                            first -= 100;
                        }
                    }

                    if (first is < 1 or > 9000)
                    {
                        return null;
                    }

                    var start = new DateOnly(first, 1, 1);
                    return RangeOf(start, start.AddYears(years), "P" + years.ToString(CultureInfo.InvariantCulture) + "Y", TimeGranularity.Year);
                }

            case SpecKind.Day:
                {
                    int year = Year;
                    if (year == 0 && Rel == 0)
                    {
                        // "this Aug 31"
                        year = reference.Year;
                    }
                    else if (year == 0)
                    {
                        int mm = Month, dd = Day;
                        year = PickYear(reference, Rel == NoRel ? direction : Math.Sign(Rel), y => SafeDate(y, mm, dd));
                    }

                    DateOnly? d = SafeDate(year, Month, Day);
                    return d is { } day ? ResolvedInterval.ForDay(day) : null;
                }

            case SpecKind.Month:
                {
                    int year = Year;
                    if (year == 0)
                    {
                        if (Rel != NoRel)
                        {
                            year = Rel switch
                            {
                                > 0 => Month > reference.Month ? reference.Year : reference.Year + 1,
                                < 0 => Month < reference.Month ? reference.Year : reference.Year - 1,
                                _ => reference.Year,
                            };
                        }
                        else
                        {
                            year = PickMonthYear(reference, direction, Month);
                        }
                    }

                    return ResolvedInterval.ForMonth(year, Month);
                }

            case SpecKind.Year:
                return ResolvedInterval.ForYear(Year);
            case SpecKind.Weekday:
                return ResolvedInterval.ForDay(ResolveWeekday(reference, direction));
            case SpecKind.RelDay:
                return ResolvedInterval.ForDay(reference.AddDays(N));
            case SpecKind.RelPeriod when Rel == NoRel && Unit == DateUnit.Weekend:
                return ResolveNearestWeekend(reference, direction);
            case SpecKind.RelPeriod:
                return ResolveRelPeriod(reference);
            case SpecKind.Offset:
                {
                    DateOnly d = Unit switch
                    {
                        DateUnit.Day => reference.AddDays(N),
                        DateUnit.BusinessDay => AddBusinessDays(reference, N),
                        DateUnit.Week => reference.AddDays(7 * N),
                        DateUnit.Fortnight => reference.AddDays(14 * N),
                        DateUnit.Quarter => reference.AddMonths(3 * N),
                        DateUnit.Half => reference.AddMonths(6 * N),
                        DateUnit.Month => reference.AddMonths(N),
                        DateUnit.Year => reference.AddYears(N),
                        _ => reference.AddDays(7 * N),
                    };
                    return ResolvedInterval.ForDay(d.AddDays(ExtraDays));
                }

            case SpecKind.Season:
                return ResolveSeason(reference, direction);
            case SpecKind.Holiday:
                {
                    int year = Year;
                    if (year == 0 && Rel != NoRel)
                    {
                        year = reference.Year + Rel;
                    }
                    else if (year == 0)
                    {
                        int id = Holiday;
                        year = PickYear(reference, direction, y => HolidayRules.DateOf(id, y));
                    }

                    DateOnly? d = HolidayRules.DateOf(Holiday, year);
                    return d is { } day ? ResolvedInterval.ForDay(day) : null;
                }

            default:
                return null;
        }
    }

    /// <summary>"the 27th", "Thursday the 21st": the nearest month (in the direction) that has the day (on the weekday).</summary>
    private readonly ResolvedInterval? ResolveDayOfUnknownMonth(DateOnly reference, int direction)
    {
        var month = new DateOnly(reference.Year, reference.Month, 1);
        for (int k = 0; k < 24; k++)
        {
            // 0, then alternately back and forward when the direction is unknown
            int step = direction < 0 ? -k : direction > 0 ? k : ((k & 1) == 0 ? k / 2 : -((k + 1) / 2));
            DateOnly m = month.AddMonths(step);
            if (Day > DateTime.DaysInMonth(m.Year, m.Month))
            {
                continue;
            }

            var d = new DateOnly(m.Year, m.Month, Day);
            if ((direction < 0 && d > reference) || (direction > 0 && d < reference) || (Weekday != 0 && IsoDay(d) != Weekday))
            {
                continue;
            }

            return ResolvedInterval.ForDay(d);
        }

        return null;
    }

    private readonly ResolvedInterval ResolveCounted(DateOnly reference)
    {
        int n = Math.Abs(N);
        DateOnly start, end;
        if (Unit is DateUnit.Quarter && Rel != 0 && ExtraDays == 0)
        {
            // "last 2 quarters", "the coming three quarters": whole calendar quarters before or after the current one
            var current = new DateOnly(reference.Year, 1 + ((reference.Month - 1) / 3 * 3), 1);
            start = N > 0 ? current.AddMonths(3) : current.AddMonths(-3 * n);
            return ForMonths(start, 3 * n) with { Granularity = TimeGranularity.Quarter };
        }

        if (N > 0)
        {
            // "next 3 days" starts tomorrow, "within 3 days" (Rel = 0) today
            start = Rel == 0 ? reference : reference.AddDays(1);
            end = AddUnits(start, Unit, n).AddDays(ExtraDays);
            if (Unit == DateUnit.BusinessDay)
            {
                // "next 4 business days": the first four weekdays from the start on
                start = AddBusinessDays(start.AddDays(-1), 1);
                end = AddBusinessDays(start, n - 1).AddDays(1);
            }
        }
        else
        {
            end = reference;
            start = AddUnits(reference, Unit, -n).AddDays(-ExtraDays);
        }

        string unit = Unit switch
        {
            DateUnit.Day => "D",
            DateUnit.BusinessDay => "BD",
            DateUnit.Week or DateUnit.WorkWeek => "W",
            DateUnit.Fortnight => "W",
            DateUnit.Month => "M",
            DateUnit.Quarter => "Q",
            _ => "Y",
        };
        int count = Unit == DateUnit.Fortnight ? 2 * n : n;
        TimeGranularity g = Unit switch
        {
            DateUnit.Day or DateUnit.BusinessDay => TimeGranularity.Day,
            DateUnit.Week or DateUnit.Fortnight or DateUnit.WorkWeek => TimeGranularity.Week,
            DateUnit.Month => TimeGranularity.Month,
            DateUnit.Quarter => TimeGranularity.Quarter,
            _ => TimeGranularity.Year,
        };
        if (ExtraDays != 0)
        {
            // a compound count ("5 years 1 month 12 days"): months and days
            return RangeOf(start, end, "P" + count.ToString(CultureInfo.InvariantCulture) + unit + ExtraDays.ToString(CultureInfo.InvariantCulture) + "D", TimeGranularity.Day);
        }

        return RangeOf(start, end, "P" + count.ToString(CultureInfo.InvariantCulture) + unit, g);
    }

    /// <summary>The day <paramref name="n"/> weekdays (Monday to Friday) after (n &gt; 0) or before (n &lt; 0) <paramref name="d"/>.</summary>
    internal static DateOnly AddBusinessDays(DateOnly d, int n)
    {
        int step = Math.Sign(n);
        for (int k = Math.Abs(n); k > 0;)
        {
            d = d.AddDays(step);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                k--;
            }
        }

        return d;
    }

    private static DateOnly AddUnits(DateOnly d, DateUnit unit, int n) => unit switch
    {
        DateUnit.Day => d.AddDays(n),
        DateUnit.BusinessDay => AddBusinessDays(d, n),
        DateUnit.Week or DateUnit.WorkWeek => d.AddDays(7 * n),
        DateUnit.Fortnight => d.AddDays(14 * n),
        DateUnit.Month => d.AddMonths(n),
        DateUnit.Quarter => d.AddMonths(3 * n),
        _ => d.AddYears(n),
    };

    /// <summary>The days [start, endExclusive) with a TIMEX3 range value "(start,endExclusive,duration)".</summary>
    private static ResolvedInterval RangeOf(DateOnly start, DateOnly endExclusive, string duration, TimeGranularity granularity) =>
        new(start, endExclusive.AddDays(-1), "(" + start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "," + endExclusive.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "," + duration + ")", granularity);

    private readonly DateOnly ResolveWeekday(DateOnly reference, int direction)
    {
        DateOnly monday = WeekStart(reference);
        if (Rel != NoRel)
        {
            return monday.AddDays((7 * Rel) + Weekday - 1);
        }

        int diff = Weekday - IsoDay(reference);
        if (direction < 0)
        {
            return reference.AddDays(diff > 0 ? diff - 7 : diff);
        }

        if (direction > 0)
        {
            return reference.AddDays(diff < 0 ? diff + 7 : diff);
        }

        if (diff > 3)
        {
            diff -= 7;
        }
        else if (diff < -3)
        {
            diff += 7;
        }

        return reference.AddDays(diff);
    }

    private readonly ResolvedInterval ResolveRelPeriod(DateOnly reference)
    {
        int rel = Rel == NoRel ? 0 : Rel;
        switch (Unit)
        {
            case DateUnit.Day:
                return ResolvedInterval.ForDay(reference.AddDays(rel));
            case DateUnit.BusinessDay:
                return ResolvedInterval.ForDay(AddBusinessDays(reference, rel));
            case DateUnit.Month:
                {
                    DateOnly m = new DateOnly(reference.Year, reference.Month, 1).AddMonths(rel);
                    return ResolvedInterval.ForMonth(m.Year, m.Month);
                }

            case DateUnit.Year:
                return ResolvedInterval.ForYear(reference.Year + rel);
            case DateUnit.Quarter:
            case DateUnit.Half:
                {
                    int months = Unit == DateUnit.Quarter ? 3 : 6;
                    var first = new DateOnly(reference.Year, 1 + ((reference.Month - 1) / months * months), 1);
                    DateOnly start = first.AddMonths(months * rel);
                    return ForMonths(start, months);
                }

            case DateUnit.Weekend:
                {
                    DateOnly sat = WeekStart(reference).AddDays((7 * rel) + 5);
                    return new ResolvedInterval(sat, sat.AddDays(1), WeekTimex(sat) + "-WE", TimeGranularity.Week);
                }

            case DateUnit.WorkWeek:
                {
                    // this working week: Monday to Friday
                    DateOnly mon = WeekStart(reference).AddDays(7 * rel);
                    return RangeOf(mon, mon.AddDays(5), "P5D", TimeGranularity.Week);
                }

            case DateUnit.Fortnight:
                {
                    // next fortnight: the two weeks from the Monday after next
                    DateOnly mon = WeekStart(reference).AddDays(14 * rel);
                    return RangeOf(mon, mon.AddDays(14), "P2W", TimeGranularity.Week);
                }

            default:
                {
                    DateOnly mon = WeekStart(reference).AddDays(7 * rel);
                    return new ResolvedInterval(mon, mon.AddDays(6), WeekTimex(mon), TimeGranularity.Week);
                }
        }
    }

    private static ResolvedInterval ForMonths(DateOnly start, int months)
    {
        DateOnly end = start.AddMonths(months).AddDays(-1);
        string timex = "(" + start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "," + end.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ",P" + months.ToString(CultureInfo.InvariantCulture) + "M)";
        return new ResolvedInterval(start, end, timex, months == 3 ? TimeGranularity.Quarter : TimeGranularity.Month);
    }

    /// <summary>The N-th week (weeks whose Thursday lies in the period), quarter, half, day, weekday or month of a period.</summary>
    private readonly ResolvedInterval? ApplySub(ResolvedInterval v)
    {
        switch (Sub)
        {
            case SubFirstUnits or SubLastUnits:
                return FirstOrLastUnits(v);
            case SubHolidayWeekend:
                return HolidayWeekend(v);
            case SubWeek:
                {
                    DateOnly first = WeekStart(v.Start);
                    if (first.AddDays(3) < v.Start)
                    {
                        first = first.AddDays(7);
                    }

                    DateOnly last = WeekStart(v.End);
                    if (last.AddDays(3) > v.End)
                    {
                        last = last.AddDays(-7);
                    }

                    DateOnly monday = SubN < 0 ? last : first.AddDays(7 * (SubN - 1));
                    return monday > last ? null : new ResolvedInterval(monday, monday.AddDays(6), WeekTimex(monday), TimeGranularity.Week);
                }

            case SubQuarter:
            case SubHalf:
                {
                    int months = Sub == SubQuarter ? 3 : 6;
                    int count = 12 / months;
                    int n = SubN < 0 ? count : SubN;
                    return n > count ? null : ForMonths(new DateOnly(v.Start.Year, 1 + (months * (n - 1)), 1), months);
                }

            case SubDay:
                {
                    DateOnly d = SubN < 0 ? v.End : v.Start.AddDays(SubN - 1);
                    return d > v.End ? null : ResolvedInterval.ForDay(d);
                }

            case SubWeekday:
                {
                    DateOnly d = NthWeekday(v.Start.Year, v.Start.Month, SubWeekdayValue, SubN);
                    return d > v.End ? null : ResolvedInterval.ForDay(d);
                }

            case SubWeekOf:
                {
                    DateOnly monday = WeekStart(v.Start);
                    return new ResolvedInterval(monday, monday.AddDays(6), WeekTimex(monday), TimeGranularity.Week);
                }

            case SubMonth:
                return SubN is >= 1 and <= 12 ? ResolvedInterval.ForMonth(v.Start.Year, SubN) : null;
            default:
                return v;
        }
    }

    private readonly ResolvedInterval? ResolveSeason(DateOnly reference, int direction)
    {
        if (Year != 0)
        {
            return ForSeason(Year, Season);
        }

        int current = reference.Month <= 2 && Season == 3 ? reference.Year - 1 : reference.Year;
        ResolvedInterval thisOne = ForSeason(current, Season);
        int rel = Rel != NoRel ? Rel : direction;
        if (rel > 0 && (Rel != NoRel ? thisOne.Start <= reference : thisOne.End < reference))
        {
            return ForSeason(current + 1, Season);
        }

        if (rel < 0 && (Rel != NoRel ? thisOne.End >= reference : thisOne.Start > reference))
        {
            return ForSeason(current - 1, Season);
        }

        return thisOne;
    }

    private static ResolvedInterval ForSeason(int year, int season)
    {
        // Meteorological seasons: spring March-May, summer June-August, autumn September-November, winter December-February.
        int startMonth = 3 + (3 * season);
        var start = new DateOnly(year, startMonth, 1);
        DateOnly end = start.AddMonths(3).AddDays(-1);
        string code = season switch { 0 => "SP", 1 => "SU", 2 => "FA", _ => "WI" };
        return new ResolvedInterval(start, end, year.ToString("D4", CultureInfo.InvariantCulture) + "-" + code, TimeGranularity.Season);
    }

    private static int PickYear(DateOnly reference, int direction, Func<int, DateOnly?> dateIn)
    {
        int best = reference.Year;
        int bestDistance = int.MaxValue;
        for (int y = reference.Year - 1; y <= reference.Year + 1; y++)
        {
            if (dateIn(y) is not { } d)
            {
                continue;
            }

            int diff = d.DayNumber - reference.DayNumber;
            if ((direction < 0 && diff > 0) || (direction > 0 && diff < 0))
            {
                continue;
            }

            int distance = Math.Abs(diff);
            if (distance < bestDistance)
            {
                best = y;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int PickMonthYear(DateOnly reference, int direction, int month)
    {
        if (direction < 0)
        {
            return month <= reference.Month ? reference.Year : reference.Year - 1;
        }

        if (direction > 0)
        {
            return month >= reference.Month ? reference.Year : reference.Year + 1;
        }

        int diff = month - reference.Month;
        return diff > 6 ? reference.Year - 1 : diff < -6 ? reference.Year + 1 : reference.Year;
    }

    private static DateOnly? SafeDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    public static string WeekTimex(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return ISOWeek.GetYear(dt).ToString("D4", CultureInfo.InvariantCulture) + "-W" + ISOWeek.GetWeekOfYear(dt).ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The early, middle or late part of a period. A year named by its number ("end of 2000", "Ende 1989") is cut in
    /// thirds (January–April, May–August, September–December); a relative year ("early next year", "late this year",
    /// "dieses Jahr früh") in halves, with May–August as its middle.
    /// </summary>
    private static ResolvedInterval ApplyPart(ResolvedInterval v, int part, bool explicitYear)
    {
        int days = v.End.DayNumber - v.Start.DayNumber + 1;
        (int from, int to) = v.Granularity switch
        {
            TimeGranularity.Week => part switch { PartEarly => (0, 2), PartMid => (1, 4), _ => (3, 6) },
            TimeGranularity.Month => part switch { PartEarly => (0, 14), PartMid => (9, 19), _ => (15, days - 1) },
            TimeGranularity.Year when explicitYear => part switch
            {
                PartEarly => (0, v.Start.AddMonths(4).DayNumber - v.Start.DayNumber - 1),
                PartMid => (v.Start.AddMonths(4).DayNumber - v.Start.DayNumber, v.Start.AddMonths(8).DayNumber - v.Start.DayNumber - 1),
                _ => (v.Start.AddMonths(8).DayNumber - v.Start.DayNumber, days - 1),
            },
            TimeGranularity.Year => part switch
            {
                PartEarly => (0, v.Start.AddMonths(6).DayNumber - v.Start.DayNumber - 1),
                PartMid => (v.Start.AddMonths(4).DayNumber - v.Start.DayNumber, v.Start.AddMonths(8).DayNumber - v.Start.DayNumber - 1),
                _ => (v.Start.AddMonths(6).DayNumber - v.Start.DayNumber, days - 1),
            },
            _ => part switch { PartEarly => (0, (days / 3) - 1), PartMid => (days / 3, (2 * days / 3) - 1), _ => (2 * days / 3, days - 1) },
        };
        return v with { Start = v.Start.AddDays(from), End = v.Start.AddDays(Math.Min(to, days - 1)) };
    }

    private static ResolvedInterval ApplyLaterEarlier(ResolvedInterval v, DateOnly reference, int direction)
    {
        DateOnly mid = v.Granularity switch
        {
            TimeGranularity.Week => v.Start.AddDays(3),
            TimeGranularity.Month => v.Start.AddDays(15),
            TimeGranularity.Year => v.Start.AddMonths(6),
            _ => v.Start.AddDays((v.End.DayNumber - v.Start.DayNumber + 1) / 2),
        };
        if (direction > 0)
        {
            DateOnly start = reference > mid && reference <= v.End ? reference : mid;
            return v with { Start = start };
        }

        // "earlier this month" ends the day before the reference date (on the first day of the period, that day itself)
        DateOnly end = reference < mid && reference > v.Start ? reference.AddDays(-1) : reference == v.Start ? reference : mid.AddDays(-1);
        return v with { End = end };
    }
}

/// <summary>A resolved calendar interval (inclusive) with its TIMEX3-style value and granularity.</summary>
internal readonly record struct ResolvedInterval(DateOnly Start, DateOnly End, string Timex, TimeGranularity Granularity)
{
    public static ResolvedInterval ForDay(DateOnly d) => new(d, d, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TimeGranularity.Day);

    public static ResolvedInterval ForMonth(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(start, start.AddMonths(1).AddDays(-1), start.ToString("yyyy-MM", CultureInfo.InvariantCulture), TimeGranularity.Month);
    }

    public static ResolvedInterval ForYear(int year) =>
        new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), year.ToString("D4", CultureInfo.InvariantCulture), TimeGranularity.Year);

    /// <summary>A range from the start of one interval to the end of another.</summary>
    public static ResolvedInterval Between(ResolvedInterval a, ResolvedInterval b)
    {
        DateOnly start = a.Start, end = b.End;
        int days = end.DayNumber - start.DayNumber + 1;
        TimeGranularity g = days <= 1 ? TimeGranularity.Day : days <= 7 ? TimeGranularity.Week : days <= 31 ? TimeGranularity.Month : days <= 92 ? TimeGranularity.Season : TimeGranularity.Year;
        string timex = "(" + start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "," + end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ",P" + days.ToString(CultureInfo.InvariantCulture) + "D)";
        return new ResolvedInterval(start, end, timex, g);
    }
}
