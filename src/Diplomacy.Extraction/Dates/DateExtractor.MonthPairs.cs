using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Dates;

/// <summary>Two month names joined by a slash, as commodity and trade news write a shipment or crop period.</summary>
internal sealed partial class DateExtractor
{
    /// <summary>
    /// "April/May shipment", "January/March 1987", "Oct/Sept 1987/88 season": two different month names joined by a glued
    /// slash are the months from the first through the second (a second month before the first falls in the next year).
    /// A year after them, or a split year ("1987/88"), is the first month's year.
    /// </summary>
    private bool TryMonthSlashMonth(int i, out DateCandidate c)
    {
        c = default;
        int ml = MatchEither(i, LexKind.Month, LexKind.MonthAbbr, out int m1);
        int slash = i + ml;
        if (ml != 1 || slash + 1 >= _hi || !IsPunct(slash, '/') || !_tokens[slash].Has(TokenFlags.Glued) || !_tokens[slash + 1].Has(TokenFlags.Glued))
        {
            return false;
        }

        int ml2 = MatchEither(slash + 1, LexKind.Month, LexKind.MonthAbbr, out int m2);
        if (ml2 != 1 || m2 == m1)
        {
            return false;
        }

        DateSpec a = DateSpec.Of(SpecKind.Month);
        a.Month = m1;
        DateSpec b = DateSpec.Of(SpecKind.Month);
        b.Month = m2;
        int end = slash + 2;
        if (TryYearAt(end, out int year, out int yEnd) || TrySplitYear(end, out year, out yEnd))
        {
            a.Year = year;
            b.Year = m2 < m1 ? year + 1 : year;
            end = yEnd;
        }

        c = new DateCandidate { First = i, End = end, Type = TimeExpressionType.DateRange, A = a, B = b, IsRange = true };
        return true;
    }

    /// <summary>A split year of a season or fiscal year, "1987/88" or "1987/1988" (the second year the next one): its first year.</summary>
    private bool TrySplitYear(int i, out int year, out int end)
    {
        year = 0;
        end = i;
        if (i >= _hi || _tokens[i].Kind != TokenKind.Number)
        {
            return false;
        }

        ReadOnlySpan<char> s = Span(i);
        if (s.Length is not (7 or 9) || s[4] != '/' || !int.TryParse(s[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int first)
            || !int.TryParse(s[5..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int second)
            || first is < 1000 or > 2999 || (s.Length == 7 ? second != (first + 1) % 100 : second != first + 1))
        {
            return false;
        }

        year = first;
        end = i + 1;
        return true;
    }
}
