using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Dates;

/// <summary>
/// More mixed forms (second round): a month linked to its year by a word of the data ("June in 2017", "26 june in
/// 2019"), the lead word of a range of years ("in 2014 through 2018") and two full dates joined by a hyphen glued to the
/// first year ("Nov 18 2014-Dec 19 2015").
/// </summary>
internal sealed partial class DateExtractor
{
    /// <summary>
    /// A month or a day of a month without a year, then a link word of the data (monthYearLinks) and a four-digit year:
    /// "June in 2017", "26 june in 2019". Only tried where such a link and year follow within four tokens.
    /// </summary>
    private bool TryMonthLinkedYear(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int last = Math.Min(i + 4, _hi - 1);
        int link = -1;
        for (int k = i + 1; k < last; k++)
        {
            if (_tokens[k].Kind == TokenKind.Word && _tokens[k + 1].Kind == TokenKind.Number && _tokens[k + 1].Length == 4
                && _lex.IsSideCue(Span(k), DateLexicon.SideCue.MonthYearLink))
            {
                link = k;
                break;
            }
        }

        if (link < 0)
        {
            return false;
        }

        // a month alone is no atom of TryAbsolute ("June" is also a name); the year after the link makes it a date
        bool atom = TryAbsolute(i, allowBareDay: false, out DateSpec s, out int e) || TryBareMonth(i, out s, out e);
        if (!atom || e != link
            || s.Kind is not (SpecKind.Day or SpecKind.Month) || s.Month == 0 || s.Year != 0 || s.Weekday != 0
            || !TryYearAt(link + 1, out int year, out int yEnd))
        {
            return false;
        }

        s.Year = year;
        spec = s;
        end = yEnd;
        return true;
    }

    /// <summary>
    /// "the year 2020" right after a one-word lead of an open range ("after the year 2020", "since the year 2011"): the
    /// article belongs to the expression there (elsewhere "the" stays out: "in the year 2020" is "year 2020").
    /// </summary>
    private bool TryOpenTheYear(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int al = Match(i, LexKind.Article, out _);
        if (al == 0 || i == _lo || !TryYearWordYear(i + al, out spec, out end))
        {
            return false;
        }

        foreach (LexKind kind in OpenKinds)
        {
            if (Match(i - 1, kind, out _) == 1)
            {
                return true;
            }
        }

        spec = default;
        end = i;
        return false;
    }

    /// <summary>A lead word of the data before a range of two years (yearRangeLeads: "in 2014 through 2018").</summary>
    private bool IsYearRangeLead(int i) =>
        _tokens[i].Kind == TokenKind.Word && i + 1 < _hi && _tokens[i + 1].Kind == TokenKind.Number && _tokens[i + 1].Length >= 4
        && _lex.IsSideCue(Span(i), DateLexicon.SideCue.YearRangeLead);

    /// <summary>
    /// Two dates of month, day and year joined by a hyphen glued to the first year, which the tokenizer keeps with the
    /// next month as one token: "Nov 18 2014-Dec 19 2015".
    /// </summary>
    private bool TryGluedDateRange(int i, out DateCandidate c)
    {
        c = default;
        int ml = MatchEither(i, LexKind.Month, LexKind.MonthAbbr, out int m1);
        if (ml == 0 || !TryDayNumber(i + ml, out int d1, out int dEnd) || dEnd + 2 >= _hi || _tokens[dEnd].Kind != TokenKind.Number)
        {
            return false;
        }

        // "2014-Dec": a year, one hyphen, a month
        ReadOnlySpan<char> s = Span(dEnd);
        if (s.Length < 8 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[1]) || !char.IsAsciiDigit(s[2]) || !char.IsAsciiDigit(s[3])
            || s[4] is not ('-' or '\u2013') || !MonthValue(s[5..], out int m2))
        {
            return false;
        }

        int y1 = ((s[0] - '0') * 1000) + ((s[1] - '0') * 100) + ((s[2] - '0') * 10) + (s[3] - '0');
        if (!TryDayNumber(dEnd + 1, out int d2, out int d2End) || !TryYearAt(SkipComma(d2End), out int y2, out int yEnd)
            || y1 < 1000 || y2 < y1 || d1 > DateTime.DaysInMonth(y1, m1) || d2 > DateTime.DaysInMonth(y2, m2))
        {
            return false;
        }

        c = new DateCandidate { First = i, End = yEnd, Type = TimeExpressionType.DateRange, A = NumericDay(y1, m1, d1), B = NumericDay(y2, m2, d2), IsRange = true };
        return true;
    }
}
