using System.Globalization;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Dates;

/// <summary>
/// Numeric and mixed forms: decades written with digits ("70's", "the '40s", "1990 s"), a month with a two-digit year
/// ("August 99", "April of 87"), "16. Nov. 2016", "08/12,2015", "2016 10 16", "on 4.22", ranges of years ("2014 to
/// 2018", "between 2014~2018"), ISO date-times ("2016-12-16T12:23:59") and a year or time after a date with a time
/// ("wed Oct 26 15:50:06 2016", "6 jan 2017 - 6:37am").
/// </summary>
internal sealed partial class DateExtractor
{
    /// <summary>The numeric atoms, tried before <see cref="TryAbsolute"/> (which would take a bare day or a month alone).</summary>
    private bool TryNumericAtom(int i, ulong kinds, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        TokenKind kind = _tokens[i].Kind;
        if ((kind == TokenKind.Number || Any(kinds, Bit(LexKind.Month) | Bit(LexKind.MonthAbbr))) && TryMonthLinkedYear(i, out spec, out end))
        {
            return true;
        }

        if (kind == TokenKind.Number)
        {
            return TryDigitDecade(i, out spec, out end) || TryDayDotMonth(i, out spec, out end) || TryCommaYear(i, out spec, out end)
                || TrySpacedYearMonthDay(i, out spec, out end) || TryLeadMonthDay(i, out spec, out end);
        }

        if (Any(kinds, Bit(LexKind.Month) | Bit(LexKind.MonthAbbr)))
        {
            return TryMonthShortYear(i, out spec, out end);
        }

        return Any(kinds, Bit(LexKind.Article)) && (TryOpenTheYear(i, out spec, out end) || TryDigitDecade(i, out spec, out end));
    }

    /// <summary>
    /// A decade in digits that <see cref="TryDecade"/> does not take: "in 70's" (after a date preposition), "the '40s" (the
    /// apostrophe of the left-out century), "1990 s" (the s apart). A two-digit decade is the latest one not after the
    /// reference date.
    /// </summary>
    private bool TryDigitDecade(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int j = i;
        bool apostrophe = false;
        if (_tokens[i].Kind == TokenKind.Word)
        {
            // the '40s
            int al = Match(i, LexKind.Article, out _);
            if (al == 0 || !IsPunct(i + al, '\'') || i + al + 1 >= _hi || !_tokens[i + al + 1].Has(TokenFlags.Glued))
            {
                return false;
            }

            j = i + al + 1;
            apostrophe = true;
        }

        if (j >= _hi || _tokens[j].Kind != TokenKind.Number)
        {
            return false;
        }

        ReadOnlySpan<char> s = Span(j);
        int digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        if (digits is not (2 or 4) || s[digits - 1] != '0')
        {
            return false;
        }

        int e = j + 1;
        if (digits == 2 && digits == s.Length - 1 && s[digits] is 's' or 'S')
        {
            // 70s, '40s
        }
        else if (digits == 2 && digits == s.Length && e < _hi && _tokens[e].Has(TokenFlags.Glued) && DateLexicon.TokenEquals(Span(e), "'s"))
        {
            e++;
        }
        else if (digits == 4 && digits == s.Length && e < _hi && !_tokens[e].Has(TokenFlags.Glued) && DateLexicon.TokenEquals(Span(e), "s")
            && (e + 1 >= _hi || _tokens[e + 1].Kind is TokenKind.Punctuation))
        {
            // 1990 s.
            e++;
        }
        else
        {
            return false;
        }

        if (digits == 2 && !apostrophe && (i == _lo || !Has(i - 1, LexKind.DatePreposition)))
        {
            // "the 70's" is TryDecade's; a bare "70's" only after "in", "during", ...
            return false;
        }

        int year = int.Parse(s[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
        if (digits == 4 && year is < 1000 or > 2990)
        {
            return false;
        }

        spec = DateSpec.Of(SpecKind.Decade);
        spec.Year = year;
        end = e;
        return true;
    }

    /// <summary>
    /// A month with a two-digit year that cannot be a day (32 to 99): "August 99", "April of 87", "Dec 87". The year
    /// follows the two-digit rule of numeric dates (below 50: 20xx, else 19xx).
    /// </summary>
    private bool TryMonthShortYear(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int ml = MatchEither(i, LexKind.Month, LexKind.MonthAbbr, out int month);
        if (ml == 0)
        {
            return false;
        }

        int j = i + ml;
        j += Match(j, LexKind.Of, out _);
        if (j >= _hi || _tokens[j].Kind != TokenKind.Number || _tokens[j].Length != 2 || _tokens[j].Has(TokenFlags.Glued))
        {
            return false;
        }

        ReadOnlySpan<char> s = Span(j);
        if (!char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[1]))
        {
            return false;
        }

        int yy = ((s[0] - '0') * 10) + (s[1] - '0');
        int e = j + 1;
        if (yy < 32 || (e < _hi && (_tokens[e].Kind is TokenKind.Number or TokenKind.Symbol || (_tokens[e].Has(TokenFlags.Glued) && _tokens[e].Kind == TokenKind.Punctuation && !IsPunct(e, ',') && !IsPunct(e, '.')) || Has(e, LexKind.Unit))))
        {
            return false;
        }

        if (e < _hi && _tokens[e].Kind == TokenKind.Word && !_tokens[e].Has(TokenFlags.Capitalized) && KindsAt(e) == 0)
        {
            // a price after a delivery month: "May 85 unch", "June/Aug 60 stg"
            return false;
        }

        spec = DateSpec.Of(SpecKind.Month);
        spec.Month = month;
        spec.Year = yy < 50 ? 2000 + yy : 1900 + yy;
        end = e;
        return true;
    }

    /// <summary>A day with a period before a month and a year, also where the period marks no ordinal: "16. Nov. 2016".</summary>
    private bool TryDayDotMonth(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        if (_tokens[i].Length > 2 || !IsPunct(i + 1, '.') || !_tokens[i + 1].Has(TokenFlags.Glued) || !int.TryParse(Span(i), NumberStyles.None, CultureInfo.InvariantCulture, out int day) || day is < 1 or > 31)
        {
            return false;
        }

        int ml = MatchEither(i + 2, LexKind.Month, LexKind.MonthAbbr, out int month);
        if (ml == 0)
        {
            return false;
        }

        int j = i + 2 + ml;
        if (IsPunct(j, '.') && _tokens[j].Has(TokenFlags.Glued))
        {
            j++;
        }

        if (!TryYearAt(SkipComma(j), out int year, out int yEnd) || _tokens[SkipComma(j)].Kind != TokenKind.Number)
        {
            return false;
        }

        spec = NumericDay(year, month, day);
        end = yEnd;
        return true;
    }

    /// <summary>A day with its year after a comma in one number: "08/12,2015", "08/12,15".</summary>
    private bool TryCommaYear(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        ReadOnlySpan<char> s = Span(i);
        int slash = s.IndexOf('/');
        int comma = s.IndexOf(',');
        if (slash is < 1 or > 2 || comma != slash + 3 || s.Length - comma - 1 is not (2 or 4)
            || !int.TryParse(s[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out int a)
            || !int.TryParse(s[(slash + 1)..comma], NumberStyles.None, CultureInfo.InvariantCulture, out int b)
            || !int.TryParse(s[(comma + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int y))
        {
            return false;
        }

        bool monthFirst = _lex.MonthFirstNumeric ? a <= 12 : b > 12;
        (int month, int day) = monthFirst ? (a, b) : (b, a);
        int year = s.Length - comma - 1 == 2 ? (y < 50 ? 2000 + y : 1900 + y) : y;
        if (month is < 1 or > 12 || day is < 1 or > 31 || year is < 1000 or > 2999)
        {
            return false;
        }

        spec = NumericDay(year, month, day);
        end = i + 1;
        return true;
    }

    /// <summary>Year, month and day as three numbers apart after a date preposition: "On 2016 10 16".</summary>
    private bool TrySpacedYearMonthDay(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        if (i == _lo || i + 2 >= _hi || _tokens[i].Length != 4 || !Has(i - 1, LexKind.DatePreposition)
            || _tokens[i + 1].Kind != TokenKind.Number || _tokens[i + 2].Kind != TokenKind.Number || _tokens[i + 1].Length != 2 || _tokens[i + 2].Length > 2
            || _tokens[i + 1].Has(TokenFlags.Glued) || _tokens[i + 2].Has(TokenFlags.Glued) || (i + 3 < _hi && _tokens[i + 3].Kind == TokenKind.Number)
            || !int.TryParse(Span(i), NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !int.TryParse(Span(i + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int month)
            || !int.TryParse(Span(i + 2), NumberStyles.None, CultureInfo.InvariantCulture, out int day)
            || year is < 1000 or > 2999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        spec = NumericDay(year, month, day);
        end = i + 3;
        return true;
    }

    /// <summary>
    /// A month and day as a decimal or with a hyphen after a lead word of the data (numericDayLeads: "on 4.22", "in 4-22"),
    /// only at the end of a clause (a price or amount goes on: "on 4.22 mln").
    /// </summary>
    private bool TryLeadMonthDay(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        if (i == _lo || _tokens[i - 1].Kind != TokenKind.Word || !_lex.IsNumericDayLead(Span(i - 1)))
        {
            return false;
        }

        ReadOnlySpan<char> s = Span(i);
        int a, b, e;
        int dot = s.IndexOf('.');
        if (dot > 0)
        {
            // 4.22: the day has two digits
            if (dot > 2 || s.Length - dot - 1 != 2 || !int.TryParse(s[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out a) || !int.TryParse(s[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out b))
            {
                return false;
            }

            e = i + 1;
        }
        else
        {
            // 4-22
            if (s.Length > 2 || !IsPunct(i + 1, '-') || !_tokens[i + 1].Has(TokenFlags.Glued) || i + 2 >= _hi || _tokens[i + 2].Kind != TokenKind.Number
                || !_tokens[i + 2].Has(TokenFlags.Glued) || _tokens[i + 2].Length > 2
                || !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out a) || !int.TryParse(Span(i + 2), NumberStyles.None, CultureInfo.InvariantCulture, out b))
            {
                return false;
            }

            e = i + 3;
        }

        (int month, int day) = _lex.MonthFirstNumeric ? (a, b) : (b, a);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month) || !ClauseEndsAt(e))
        {
            return false;
        }

        spec = NumericDay(0, month, day);
        end = e;
        return true;
    }

    /// <summary>Whether nothing but the end of the sentence or a clause mark follows token <paramref name="e"/> - 1.</summary>
    private bool ClauseEndsAt(int e) =>
        e >= _hi || _tokens[e].Kind == TokenKind.ParagraphBreak
        || (_tokens[e].Kind == TokenKind.Punctuation && _tokens[e].Length == 1 && _text[_tokens[e].Start] is '.' or ',' or ';' or '!' or '?' or ')');

    // ---- whole candidates (from TryParse) -------------------------------------------------------------------

    /// <summary>The numeric candidates and extensions of <see cref="TryParse"/>: ranges of years, ISO date-times, a year or a time after a date.</summary>
    private void TryNumericCandidates(int i, ref DateCandidate best, ref bool found)
    {
        Token t = _tokens[i];
        bool year4 = t.Kind == TokenKind.Number && t.Length == 4;
        if ((year4 || (t.Kind == TokenKind.Word && (Any(KindsAt(i), Bit(LexKind.RangeFrom)) || IsYearRangeLead(i)))) && TryYearSpan(i, out DateCandidate ys) && (!found || ys.End > best.End))
        {
            best = ys;
            found = true;
        }

        if (year4 && TryIsoDateTime(i, out DateCandidate iso) && (!found || iso.End > best.End))
        {
            best = iso;
            found = true;
        }

        if (t.Kind == TokenKind.Word && Any(KindsAt(i), Bit(LexKind.Month) | Bit(LexKind.MonthAbbr)))
        {
            if (TryGluedDateRange(i, out DateCandidate gr) && (!found || gr.End > best.End))
            {
                best = gr;
                found = true;
            }

            if (TryMonthSlashMonth(i, out DateCandidate sm) && (!found || sm.End > best.End))
            {
                best = sm;
                found = true;
            }
        }

        if (found)
        {
            ExtendWithYearOrTime(ref best);
        }
        else if (year4 && TryYearAt(i, out int year, out int yEnd) && Has(yEnd, LexKind.OpenSinceSuffix))
        {
            // "2012 or after": the suffix makes the lone number a year (TryParse adds the open end)
            DateSpec a = DateSpec.Of(SpecKind.Year);
            a.Year = year;
            best = new DateCandidate { First = i, End = yEnd, A = a, Type = TimeExpressionType.DateRange };
            found = true;
        }
    }

    /// <summary>
    /// A range of two years: "2014 to 2018", "2014~2018", "from 2014~2018", "between 2014-2018" (the lead word joins the
    /// range already read as one number). The second year must be later, by at most a century.
    /// </summary>
    private bool TryYearSpan(int i, out DateCandidate c)
    {
        c = default;
        int fromLen = Match(i, LexKind.RangeFrom, out _);
        bool lead = false;
        if (fromLen == 0 && IsYearRangeLead(i))
        {
            // in 2014 through 2018 (not "in 2014-2018", one number: the lead stays out there, as before a single year)
            fromLen = 1;
            lead = true;
        }

        int j = i + fromLen;
        if (j >= _hi || _tokens[j].Kind != TokenKind.Number)
        {
            return false;
        }

        DateSpec a = DateSpec.Of(SpecKind.Year);
        DateSpec b = DateSpec.Of(SpecKind.Year);
        int end;
        if (fromLen > 0 && !lead && TryNumericStart(j, allowBareDay: false, out DateSpec joined, out int jEnd) && joined.Kind == SpecKind.Year && joined.N > 0)
        {
            // between 2014-2018
            a.Year = joined.Year;
            b.Year = joined.N;
            end = jEnd;
        }
        else
        {
            if (!TryYearAt(j, out int y1, out int y1End) || _tokens[j].Kind != TokenKind.Number)
            {
                return false;
            }

            int toLen = RangeToAt(y1End, between: fromLen > 0 && DateLexicon.TokenEquals(Span(i), "between"));
            if (toLen == 0 || !TryYearAt(y1End + toLen, out int y2, out end) || _tokens[y1End + toLen].Kind != TokenKind.Number || y2 <= y1 || y2 - y1 > 100)
            {
                return false;
            }

            a.Year = y1;
            b.Year = y2;
        }

        c = new DateCandidate { First = i, End = end, Type = TimeExpressionType.DateRange, A = a, B = b, IsRange = true };
        return true;
    }

    /// <summary>The length of a range word at token <paramref name="k"/> ("to", "through", "-", also the symbol "~" of the data); "and" only after "between".</summary>
    private int RangeToAt(int k, bool between)
    {
        if (k >= _hi)
        {
            return 0;
        }

        if (_tokens[k].Kind == TokenKind.Symbol)
        {
            // symbols are not looked up for every token; the range symbols of the data are checked here
            LexEntry? entry = _lex.Entry(Span(k));
            return entry is not null && (entry.Kinds & Bit(LexKind.RangeTo)) != 0 ? 1 : 0;
        }

        int len = Match(k, LexKind.RangeTo, out _);
        return len > 0 && !between && (DateLexicon.TokenEquals(Span(k), "and") || DateLexicon.TokenEquals(Span(k), "und")) ? 0 : len;
    }

    /// <summary>An ISO 8601 date-time: "2016-12-16T12:23:59", "2016-12-16T12:23".</summary>
    private bool TryIsoDateTime(int i, out DateCandidate c)
    {
        c = default;
        ReadOnlySpan<char> text = _text;
        int p = _tokens[i].Start;
        // yyyy-MM-ddTHH:mm[:ss]
        if (p + 16 > text.Length || text[p + 4] != '-' || text[p + 7] != '-' || text[p + 10] is not ('T' or 't') || text[p + 13] != ':'
            || !Digits2(text, p + 11, out int hour) || !Digits2(text, p + 14, out int minute)
            || !int.TryParse(text.Slice(p, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !Digits2(text, p + 5, out int month) || !Digits2(text, p + 8, out int day))
        {
            return false;
        }

        int q = p + 16;
        int second = 0;
        if (q + 2 < text.Length && text[q] == ':' && Digits2(text, q + 1, out second))
        {
            q += 3;
        }

        if ((q < text.Length && char.IsAsciiDigit(text[q])) || year is < 1000 or > 2999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        int k = i;
        while (k < _hi && _tokens[k].End < q)
        {
            k++;
        }

        if (k >= _hi || _tokens[k].End != q)
        {
            return false;
        }

        DateSpec a = NumericDay(year, month, day);
        c = new DateCandidate { First = i, End = k + 1, A = a, Type = TimeExpressionType.DateTime, TimeSeconds = (hour * 3600) + (minute * 60) + second };
        return true;
    }

    /// <summary>A day of a month (of a year; 0 = not given).</summary>
    private static DateSpec NumericDay(int year, int month, int day)
    {
        DateSpec spec = DateSpec.Of(SpecKind.Day);
        spec.Year = year;
        spec.Month = month;
        spec.Day = day;
        return spec;
    }

    private static bool Digits2(ReadOnlySpan<char> text, int p, out int value)
    {
        value = 0;
        if (p + 1 >= text.Length || !char.IsAsciiDigit(text[p]) || !char.IsAsciiDigit(text[p + 1]))
        {
            return false;
        }

        value = ((text[p] - '0') * 10) + (text[p + 1] - '0');
        return true;
    }

    /// <summary>
    /// A year after a month-day date with a time ("wed Oct 26 15:50:06 2016", the order of a C time stamp), and a clock time
    /// after a hyphen behind a full date ("6 jan 2017 - 6:37am").
    /// </summary>
    private void ExtendWithYearOrTime(ref DateCandidate best)
    {
        if (best.IsRange || best.Open != 0 || best.AnchorOffset != 0 || best.A.Kind != SpecKind.Day || best.A.Month == 0 || best.End >= _hi)
        {
            return;
        }

        if (best.Type == TimeExpressionType.DateTime && best.A.Year == 0 && _tokens[best.End].Kind == TokenKind.Number && TryYearAt(best.End, out int year, out int yEnd))
        {
            best.A.Year = year;
            best.End = yEnd;
            return;
        }

        if (best.Type == TimeExpressionType.Date && best.A.Year != 0 && IsPunct(best.End, '-') && !_tokens[best.End].Has(TokenFlags.Glued)
            && TryTime(best.End + 1, 0, out int seconds, out int tEnd, out _) && _text.AsSpan(_tokens[best.End + 1].Start, _tokens[tEnd - 1].End - _tokens[best.End + 1].Start).Contains(':'))
        {
            best.End = tEnd;
            best.TimeSeconds = seconds;
            best.Type = TimeExpressionType.DateTime;
        }
    }
}
