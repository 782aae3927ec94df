using System.Collections.Concurrent;
using System.Globalization;

namespace Diplomacy.Extraction.Dates;

/// <summary>
/// Holiday date rules from the data: <c>MM-dd</c> (fixed), <c>easter±N</c> (Gregorian Easter plus days),
/// <c>nth:M:W:N[+D]</c> (the N-th weekday W of month M, -1 = last, plus D days), <c>advent±N</c> (first Advent Sunday plus days),
/// <c>hijri:MM-dd</c> (a day of the tabular Islamic calendar: its first occurrence in the Gregorian year).
/// </summary>
internal static class HolidayRules
{
    private static readonly ConcurrentDictionary<string, int> Index = new(StringComparer.Ordinal);
    private static readonly List<string> Rules = [];
    private static readonly Lock Gate = new();

    /// <summary>Validates a rule and returns its id.</summary>
    public static int Register(string rule)
    {
        if (Index.TryGetValue(rule, out int id))
        {
            return id;
        }

        _ = DateIn(rule, 2000) ?? throw new InvalidDataException($"Invalid holiday rule '{rule}' in dates.json.");
        lock (Gate)
        {
            if (!Index.TryGetValue(rule, out id))
            {
                id = Rules.Count;
                Rules.Add(rule);
                Index[rule] = id;
            }
        }

        return id;
    }

    /// <summary>The holiday's date in a year.</summary>
    public static DateOnly? DateOf(int id, int year)
    {
        string rule;
        lock (Gate)
        {
            rule = Rules[id];
        }

        return DateIn(rule, year);
    }

    private static DateOnly? DateIn(string rule, int year)
    {
        if (year is < 1 or > 9998)
        {
            return null;
        }

        CultureInfo inv = CultureInfo.InvariantCulture;
        if (rule.StartsWith("easter", StringComparison.Ordinal))
        {
            return Easter(year).AddDays(int.Parse(rule.AsSpan(6), NumberStyles.AllowLeadingSign, inv));
        }

        if (rule.StartsWith("advent", StringComparison.Ordinal))
        {
            // First Advent: the fourth Sunday before Christmas Day.
            var fourth = new DateOnly(year, 12, 24);
            fourth = fourth.AddDays(-(int)fourth.DayOfWeek);
            return fourth.AddDays(-21 + int.Parse(rule.AsSpan(6), NumberStyles.AllowLeadingSign, inv));
        }

        if (rule.StartsWith("nth:", StringComparison.Ordinal))
        {
            string body = rule[4..];
            int plus = 0;
            int p = body.IndexOf('+', StringComparison.Ordinal);
            if (p > 0)
            {
                plus = int.Parse(body.AsSpan(p + 1), inv);
                body = body[..p];
            }

            string[] parts = body.Split(':');
            int month = int.Parse(parts[0], inv), weekday = int.Parse(parts[1], inv), n = int.Parse(parts[2], NumberStyles.AllowLeadingSign, inv);
            return DateSpec.NthWeekday(year, month, weekday, n).AddDays(plus);
        }

        if (rule.StartsWith("hijri:", StringComparison.Ordinal) && rule.Length == 11 && rule[8] == '-')
        {
            return Hijri(year, int.Parse(rule.AsSpan(6, 2), inv), int.Parse(rule.AsSpan(9, 2), inv));
        }

        if (rule.Length == 5 && rule[2] == '-')
        {
            return new DateOnly(year, int.Parse(rule.AsSpan(0, 2), inv), int.Parse(rule.AsSpan(3, 2), inv));
        }

        return null;
    }

    /// <summary>
    /// The first Gregorian date in <paramref name="year"/> of day <paramref name="day"/> of month <paramref name="month"/> of
    /// the tabular (arithmetic) Islamic calendar: civil epoch 16 July 622, leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29
    /// of each 30-year cycle. Observed dates depend on the sighting of the moon and may differ by a day or two.
    /// </summary>
    public static DateOnly? Hijri(int year, int month, int day)
    {
        if (month is < 1 or > 12 || day is < 1 or > 30 || year < 700)
        {
            return null;
        }

        int approx = (int)((year - 622) * 33L / 32);
        for (int h = approx - 1; h <= approx + 2; h++)
        {
            // Julian day number of the Islamic date, then days since 0001-01-01
            long jd = day + (((59 * (month - 1)) + 1) / 2) + ((h - 1) * 354L) + ((3 + (11L * h)) / 30) + 1948439 - 1;
            var date = DateOnly.FromDayNumber((int)(jd - 1721426));
            if (date.Year == year)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>Gregorian Easter Sunday (anonymous Gregorian algorithm).</summary>
    public static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7, m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
