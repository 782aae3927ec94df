using System.Globalization;

namespace Diplomacy.Extraction.Dates;

/// <summary>Resolution rules for ranges and for days that do not exist (used by <see cref="DateRecognizer"/>).</summary>
internal static class DateRanges
{
    /// <summary>
    /// A range of two months without a year that holds the reference month ("between August and October" written in
    /// September) is the one of the reference year, whatever the tense: the speaker is inside it.
    /// </summary>
    public static void PinToReferenceYear(ref DateSpec a, ref DateSpec b, DateOnly reference)
    {
        if (a.Kind != SpecKind.Month || b.Kind != SpecKind.Month || a.Year != 0 || b.Year != 0 || a.Rel != DateSpec.NoRel || b.Rel != DateSpec.NoRel
            || a.Sub != 0 || b.Sub != 0 || a.Part != 0 || b.Part != 0 || a.Month > b.Month || reference.Month < a.Month || reference.Month > b.Month)
        {
            return;
        }

        a.Year = reference.Year;
        b.Year = reference.Year;
    }

    /// <summary>
    /// The value of a single day that does not exist ("Feb 30", "2/29/2019", "30/2"): the date as written, with X for a
    /// missing year (XXXX-02-30), so the mention keeps what it says while it stays unresolved; a day past the end of a
    /// named month ("31st of this month" in November: 2016-11-31) likewise; null for anything else.
    /// </summary>
    public static string? InvalidDayTimex(bool range, int anchorOffset, in DateSpec a, TimeOnly? time, DateOnly reference, int direction)
    {
        if (range || anchorOffset != 0 || a.Part != 0 || a.Weekday != 0)
        {
            return null;
        }

        int year = a.Year;
        int month = a.Month;
        int day = a.Day;
        if (a.Sub == DateSpec.SubDay && a.SubN is >= 29 and <= 31)
        {
            DateSpec month0 = a;
            month0.Sub = 0;
            if (month0.Resolve(reference, direction) is not { Granularity: TimeGranularity.Month } m)
            {
                return null;
            }

            (year, month, day) = (m.Start.Year, m.Start.Month, a.SubN);
        }
        else if (a.Kind != SpecKind.Day || a.Sub != 0)
        {
            return null;
        }

        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return null;
        }

        string timex = (year == 0 ? "XXXX" : year.ToString("D4", CultureInfo.InvariantCulture)) + "-"
            + month.ToString("D2", CultureInfo.InvariantCulture) + "-" + day.ToString("D2", CultureInfo.InvariantCulture);
        return time is { } t ? timex + "T" + t.ToString(t.Second != 0 ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture) : timex;
    }
}
