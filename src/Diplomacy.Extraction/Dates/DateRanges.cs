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
    /// missing year (XXXX-02-30), so the mention keeps what it says while it stays unresolved; null for anything else.
    /// </summary>
    public static string? InvalidDayTimex(bool range, int anchorOffset, in DateSpec a, TimeOnly? time)
    {
        if (range || anchorOffset != 0 || a.Kind != SpecKind.Day || a.Month is < 1 or > 12 || a.Day is < 1 or > 31 || a.Sub != 0 || a.Part != 0 || a.Weekday != 0)
        {
            return null;
        }

        string timex = (a.Year == 0 ? "XXXX" : a.Year.ToString("D4", CultureInfo.InvariantCulture)) + "-"
            + a.Month.ToString("D2", CultureInfo.InvariantCulture) + "-" + a.Day.ToString("D2", CultureInfo.InvariantCulture);
        return time is { } t ? timex + "T" + t.ToString(t.Second != 0 ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture) : timex;
    }
}
