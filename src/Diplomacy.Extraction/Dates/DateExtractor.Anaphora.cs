using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Dates;

/// <summary>
/// Period words with a determiner and relative day words (the anaphora table of <see cref="DateLexicon"/>): "my week",
/// "in the week.", "at the weekend", "on weekend", "June next year", "December of last year", "year to date", "the next
/// day", "the eod", "dieses Jahr früh", "rest of my week".
/// </summary>
internal sealed partial class DateExtractor
{
    /// <summary>Period units that a determiner may name alone ("the week", "my weekend").</summary>
    private static bool DeterminedUnit(DateUnit u) => u is DateUnit.Week or DateUnit.Weekend or DateUnit.Month or DateUnit.Year or DateUnit.Fortnight;

    /// <summary>A singular period word of the data at <paramref name="i"/> ("week", not "weeks"): its length (0: none) and unit.</summary>
    private int PeriodWord(int i, out DateUnit unit)
    {
        int len = AnaMatch(i, AnaKind.PeriodWord, out int value);
        unit = (DateUnit)value;
        return len;
    }

    /// <summary>At a word the main lexicon does not know: "my week", "eod", "year-to-date".</summary>
    private bool TryAnaphoraUnknown(int i, out DateCandidate c)
    {
        c = default;
        if (_lex.Anaphora(Span(i)) is null)
        {
            return false;
        }

        return TryPossessive(i, out c) || TryDayEndWord(i, out c) || TryToDateWord(i, out c);
    }

    /// <summary>The kinds of the first tokens of the anaphora matchers at lexicon words (numbers aside).</summary>
    private const ulong AnaphoraStarters = (1UL << (int)LexKind.Ordinal) | (1UL << (int)LexKind.Article) | RelStart | (1UL << (int)LexKind.Holiday)
        | (1UL << (int)LexKind.Month) | (1UL << (int)LexKind.MonthAbbr) | (1UL << (int)LexKind.Unit) | (1UL << (int)LexKind.OpenBefore)
        | (1UL << (int)LexKind.OpenAfter) | (1UL << (int)LexKind.Number) | (1UL << (int)LexKind.Part);

    /// <summary>At a word of the main lexicon, after the other matchers (the longest expression wins).</summary>
    private bool TryAnaphora(int i, out DateCandidate c)
    {
        // per-token pre-checks on this token's and the next token's kinds: most starts have none of them
        c = default;
        ulong k = KindsAt(i);
        if ((k & AnaphoraStarters) == 0 && _tokens[i].Kind != TokenKind.Number)
        {
            return false;
        }

        ulong n = i + 1 < _hi ? KindsAt(i + 1) : 0;
        bool numberNext = Any(k, Bit(LexKind.Ordinal)) && i + 1 < _hi && (_tokens[i + 1].Kind == TokenKind.Number || Any(n, Bit(LexKind.Number)));
        const ulong Article = 1UL << (int)LexKind.Article;
        const ulong Unit = 1UL << (int)LexKind.Unit;
        return ((Any(k, Bit(LexKind.Ordinal)) && numberNext) || (Any(k, Article) && Any(n, Bit(LexKind.Ordinal)))) && TryFirstOrLastUnits(i, out c)
            || ((Any(k, Bit(LexKind.Holiday)) || (Any(k, RelStart) && Any(n, Bit(LexKind.Holiday)))) && _lex.HasAnaphora(AnaKind.PeriodWord) && TryHolidayWeekend(i, out c))
            || (Any(k, RelStart) && Any(n, Unit) && TryWeekdaysOfWeek(i, out c))
            || (Any(k, Bit(LexKind.Month) | Bit(LexKind.MonthAbbr)) && TryMonthOfRelativeYear(i, out c))
            || (Any(k, Unit) && ((Any(n, Bit(LexKind.RangeTo)) && TryToDate(i, out c)) || (i > _lo && Any(KindsAt(i - 1), Bit(LexKind.DatePreposition)) && TryBareWeekend(i, out c))))
            || (Any(k, Article) && Any(n, Unit) && TryArticlePeriod(i, out c))
            || (Any(k, Bit(LexKind.OpenBefore) | Bit(LexKind.OpenAfter)) && Any(n, Unit | Article) && TryOpenWeekend(i, out c))
            || (((Any(k, RelStart) && Any(n, Unit)) || (Any(k, Article) && Any(n, RelStart | Unit))) && _lex.HasAnaphora(AnaKind.DayWord) && TryDayWord(i, out c))
            || ((_tokens[i].Kind == TokenKind.Number || Any(k, Bit(LexKind.Number))) && Any(n, Unit) && _lex.HasAnaphora(AnaKind.CountSuffix) && TryCountSuffix(i, out c))
            || (Any(k, Bit(LexKind.Part)) && _lex.HasAnaphora(AnaKind.Possessive) && TryPartPossessive(i, out c))
            || (Any(k, RelStart) && Any(n, Unit) && _lex.HasAnaphora(AnaKind.PartSuffix) && TryPartSuffix(i, out c));
    }

    /// <summary>Length in tokens of the longest phrase of the anaphora table of <paramref name="kind"/> at <paramref name="i"/> (0 if none).</summary>
    private int AnaMatch(int i, AnaKind kind, out int value)
    {
        value = 0;
        if (i >= _hi || _tokens[i].Kind is not (TokenKind.Word or TokenKind.Punctuation))
        {
            return 0;
        }

        AnaPhrase[]? phrases = _lex.Anaphora(Span(i));
        if (phrases is null)
        {
            return 0;
        }

        foreach (AnaPhrase p in phrases)
        {
            if (p.Kind != kind || i + p.Tokens.Length > _hi)
            {
                continue;
            }

            if (TailMatches(i, p.Tokens))
            {
                value = p.Value;
                return p.Tokens.Length;
            }
        }

        return 0;
    }

    /// <summary>Any punctuation or the end of the range (looser than <see cref="ClauseEndsAt"/>, which wants a clause mark).</summary>
    private bool PunctuationOrEndAt(int end) => end >= _hi || _tokens[end].Kind == TokenKind.Punctuation;

    /// <summary>The period a determiner names: a week, month, year or fortnight of the reference date; a weekend by the tense.</summary>
    private static DateSpec DeterminedPeriod(DateUnit unit)
    {
        if (unit == DateUnit.Day)
        {
            DateSpec day = DateSpec.Of(SpecKind.RelDay);
            return day;
        }

        DateSpec spec = DateSpec.Of(SpecKind.RelPeriod);
        spec.Unit = unit;
        if (unit != DateUnit.Weekend)
        {
            spec.Rel = 0;
        }

        return spec;
    }

    private static DateCandidate Candidate(int first, int end, in DateSpec spec) => new() { First = first, End = end, A = spec, Type = Classify(spec) };

    /// <summary>"my week", "my weekend", "my day": the period of the reference date.</summary>
    private bool TryPossessive(int i, out DateCandidate c)
    {
        c = default;
        DateUnit unit = DateUnit.Day;
        int pl = AnaMatch(i, AnaKind.Possessive, out _);
        int ul = pl > 0 ? PeriodWord(i + pl, out unit) : 0;
        if (ul == 0)
        {
            return false;
        }

        c = Candidate(i, i + pl + ul, DeterminedPeriod(unit));
        return true;
    }

    /// <summary>"rest of my week": a part word before a possessive and a period word.</summary>
    private bool TryPartPossessive(int i, out DateCandidate c)
    {
        c = default;
        int len = Match(i, LexKind.Part, out int part);
        if (len == 0)
        {
            return false;
        }

        int j = i + len;
        j += Match(j, LexKind.Of, out _);
        DateUnit unit = DateUnit.Day;
        int pl = AnaMatch(j, AnaKind.Possessive, out _);
        int ul = pl > 0 ? PeriodWord(j + pl, out unit) : 0;
        if (ul == 0 || !DeterminedUnit(unit))
        {
            return false;
        }

        DateSpec spec = DeterminedPeriod(unit);
        spec.Rel = 0;
        spec.Part = part;
        c = Candidate(i, j + pl + ul, spec);
        return true;
    }

    /// <summary>
    /// "in the week.", "of the month.", "at the weekend", "over the weekend": an article and a period word after a
    /// preposition of the data, at the end of a clause, or as a sentence of its own. "for the year" (a fiscal year in
    /// news), "the week ended February 22", "the year-ago quarter" stay out.
    /// </summary>
    private bool TryArticlePeriod(int i, out DateCandidate c)
    {
        c = default;
        DateUnit unit = DateUnit.Day;
        int al = Match(i, LexKind.Article, out _);
        int ul = al > 0 ? PeriodWord(i + al, out unit) : 0;
        if (ul == 0 || !DeterminedUnit(unit))
        {
            return false;
        }

        int end = i + al + ul;
        bool led = i > _lo && AnaMatch(i - 1, AnaKind.PeriodLead, out _) == 1;
        bool alone = i == _lo && (end >= _hi || (end == _hi - 1 && _tokens[end].Kind == TokenKind.Punctuation));
        if (!alone && !(led && PunctuationOrEndAt(end)))
        {
            return false;
        }

        if (unit != DateUnit.Weekend && (Direction(_lo, _hi, i, end) < 0 || FigureBefore(i)))
        {
            // "net income fell 47 pct in the year", "reserves fell during the month": in a past sentence the period is
            // the one reported on (often the last fiscal year or month), not the reference date's; so after a figure ("54 cts
            // in the year", "906 mln dlrs in the year")
            return false;
        }

        c = Candidate(i, end, DeterminedPeriod(unit));
        return true;
    }

    /// <summary>Whether a number comes among the four tokens before <paramref name="i"/> (in the sentence).</summary>
    private bool FigureBefore(int i)
    {
        for (int k = i - 1; k >= Math.Max(_lo, i - 4); k--)
        {
            if (_tokens[k].Kind == TokenKind.Number)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"on weekend": a bare weekend word after its lead (the lead stays out of the span).</summary>
    private bool TryBareWeekend(int i, out DateCandidate c)
    {
        c = default;
        int wl = AnaMatch(i, AnaKind.BareWeekend, out _);
        if (wl == 0 || i == _lo || AnaMatch(i - 1, AnaKind.BareWeekendLead, out _) != 1)
        {
            return false;
        }

        c = Candidate(i, i + wl, DeterminedPeriod(DateUnit.Weekend));
        return true;
    }

    /// <summary>"year to date", "month to date": from the start of the period up to the reference date.</summary>
    private bool TryToDate(int i, out DateCandidate c)
    {
        c = default;
        int ul = Match(i, LexKind.Unit, out int uv);
        int tl = ul > 0 ? AnaMatch(i + ul, AnaKind.ToDate, out _) : 0;
        if (tl == 0 || (DateUnit)uv is not (DateUnit.Week or DateUnit.Month or DateUnit.Quarter or DateUnit.Year))
        {
            return false;
        }

        DateSpec spec = DeterminedPeriod((DateUnit)uv);
        spec.Part = DateSpec.PartToDate;
        c = Candidate(i, i + ul + tl, spec);
        return true;
    }

    /// <summary>"year-to-date": the same in one word.</summary>
    private bool TryToDateWord(int i, out DateCandidate c)
    {
        c = default;
        int wl = AnaMatch(i, AnaKind.ToDateWord, out int unit);
        if (wl == 0)
        {
            return false;
        }

        DateSpec spec = DeterminedPeriod((DateUnit)unit);
        spec.Part = DateSpec.PartToDate;
        c = Candidate(i, i + wl, spec);
        return true;
    }

    /// <summary>"the eod", "eod": the end of today (23:59:59); an article before it joins the span.</summary>
    private bool TryDayEndWord(int i, out DateCandidate c)
    {
        c = default;
        int el = AnaMatch(i, AnaKind.DayEnd, out _);
        if (el == 0)
        {
            return false;
        }

        int first = i > _lo && Has(i - 1, LexKind.Article) ? i - 1 : i;
        c = new DateCandidate { First = first, End = i + el, A = DateSpec.Of(SpecKind.RelDay), Type = TimeExpressionType.DateTime, TimeSeconds = (24 * 3600) - 1 };
        return true;
    }

    /// <summary>"the next day", "last day", "this day", "the day before" at the end of a clause: a day from the reference date.</summary>
    private bool TryDayWord(int i, out DateCandidate c)
    {
        c = default;
        int dl = AnaMatch(i, AnaKind.DayWord, out int offset);
        if (dl == 0 || !PunctuationOrEndAt(i + dl) || (offset > 0 && Direction(_lo, _hi, i, i + dl) < 0))
        {
            // "bought it back the next day": in a past sentence the next day is after an event, not after the reference
            return false;
        }

        DateSpec spec = DateSpec.Of(SpecKind.RelDay);
        spec.N = offset;
        c = Candidate(i, i + dl, spec);
        return true;
    }

    /// <summary>
    /// A month with a relative year: "June next year", "December of last year", "im Dezember letzten Jahres". A lower-case
    /// full month name ("may", "march") needs a date preposition before it or the end of the clause after the year.
    /// </summary>
    private bool TryMonthOfRelativeYear(int i, out DateCandidate c)
    {
        c = default;
        int ml = MatchEither(i, LexKind.Month, LexKind.MonthAbbr, out int month);
        if (ml == 0)
        {
            return false;
        }

        int j = i + ml;
        if (IsPunct(j, '.') && Has(i, LexKind.MonthAbbr))
        {
            j++;
        }

        j += Match(j, LexKind.Of, out _);
        int uv = 0;
        int rl = RelWord(j, out int rel);
        int ul = rl > 0 ? Match(j + rl, LexKind.Unit, out uv) : 0;
        if (ul == 0 || (DateUnit)uv != DateUnit.Year)
        {
            return false;
        }

        int end = j + rl + ul;
        if (!_tokens[i].Has(TokenFlags.Capitalized) && !(i > _lo && Has(i - 1, LexKind.DatePreposition)) && !PunctuationOrEndAt(end))
        {
            return false;
        }

        DateSpec spec = DateSpec.Of(SpecKind.RelPeriod);
        spec.Unit = DateUnit.Year;
        spec.Rel = rel;
        spec.Sub = DateSpec.SubMonth;
        spec.SubN = month;
        c = Candidate(i, end, spec);
        return true;
    }

    /// <summary>
    /// "the first two months of the year", "the last 10 days of March", "first ten days of last year", "the last 3 weeks of
    /// this year": the first or last N days, weeks, months or quarters of a period (an article before it joins the span).
    /// </summary>
    private bool TryFirstOrLastUnits(int i, out DateCandidate c)
    {
        c = default;
        int j = i + Match(i, LexKind.Article, out _);
        int ol = Match(j, LexKind.Ordinal, out int which);
        if (ol == 0 || which is not (1 or -1))
        {
            return false;
        }

        if (!TryCount(j + ol, out int count, out int cEnd, out bool article) || article || count < 1)
        {
            return false;
        }

        int ul = Match(cEnd, LexKind.Unit, out int uv);
        int of = ul > 0 ? Match(cEnd + ul, LexKind.Of, out _) : 0;
        if (of == 0 || (DateUnit)uv is not (DateUnit.Day or DateUnit.Week or DateUnit.Month or DateUnit.Quarter))
        {
            return false;
        }

        int p = cEnd + ul + of;
        if (!TryPeriodForPart(p + Match(p, LexKind.Article, out _), out DateSpec spec, out int end) || spec.Sub != 0 || spec.Part != 0)
        {
            return false;
        }

        if (count > MaxUnits(spec, (DateUnit)uv))
        {
            // "the first five months of the October/September wheat year": more units than the period named has
            return false;
        }

        spec.Sub = which > 0 ? DateSpec.SubFirstUnits : DateSpec.SubLastUnits;
        spec.SubN = count;
        spec.SubWeekdayValue = uv;
        c = new DateCandidate { First = i, End = end, A = spec, Type = TimeExpressionType.DateRange };
        return true;
    }

    /// <summary>How many whole <paramref name="unit"/>s the period of <paramref name="period"/> holds at most (0: none).</summary>
    private static int MaxUnits(in DateSpec period, DateUnit unit)
    {
        DateUnit length = period.Kind switch
        {
            SpecKind.Year => DateUnit.Year,
            SpecKind.Month => DateUnit.Month,
            SpecKind.Season => DateUnit.Quarter,
            SpecKind.RelPeriod => period.Unit,
            _ => DateUnit.Day,
        };
        int days = length switch
        {
            DateUnit.Year => 366,
            DateUnit.Half => 184,
            DateUnit.Quarter => 92,
            DateUnit.Month => 31,
            DateUnit.Fortnight => 14,
            DateUnit.Week => 7,
            _ => 0,
        };
        return unit switch
        {
            DateUnit.Day => days,
            DateUnit.Week => days / 7,
            DateUnit.Month => days / 28 > 1 ? days / 30 : 0,
            DateUnit.Quarter => days / 91,
            _ => 0,
        };
    }

    /// <summary>"the Easter weekend", "labor day 2021 weekend", "halloween weekend 2021": the weekend at a holiday.</summary>
    private bool TryHolidayWeekend(int i, out DateCandidate c)
    {
        c = default;
        if (!TryHoliday(i, out DateSpec spec, out int end) || PeriodWord(end, out DateUnit unit) is not (> 0 and var wl) || unit != DateUnit.Weekend)
        {
            return false;
        }

        end += wl;
        if (spec.Year == 0 && spec.Rel == DateSpec.NoRel && TryYearAt(end, out int year, out int yEnd))
        {
            spec.Year = year;
            end = yEnd;
        }

        spec.Sub = DateSpec.SubHolidayWeekend;
        c = new DateCandidate { First = i, End = end, A = spec, Type = TimeExpressionType.DateRange };
        return true;
    }

    /// <summary>"next week between Wednesday and Friday", "this week from Tue to Thu": a range of weekdays of a relative week.</summary>
    private bool TryWeekdaysOfWeek(int i, out DateCandidate c)
    {
        c = default;
        int uv = 0;
        int rl = RelWord(i, out int rel);
        int ul = rl > 0 ? Match(i + rl, LexKind.Unit, out uv) : 0;
        if (ul == 0 || (DateUnit)uv != DateUnit.Week || !TryRange(i + rl + ul, out DateCandidate r) || !r.IsRange
            || r.A.Kind != SpecKind.Weekday || r.B.Kind != SpecKind.Weekday || r.A.Rel != DateSpec.NoRel || r.B.Rel != DateSpec.NoRel)
        {
            return false;
        }

        r.A.Rel = rel;
        r.B.Rel = rel;
        r.First = i;
        c = r;
        return true;
    }

    /// <summary>
    /// An offset lead before an offset from a named day: "in 2 days from today" is the day "2 days from today", "within the
    /// next 2 weeks before today" the day "2 weeks before today" (the lead stays out of the span); "within the next 2 weeks
    /// after today" is the two weeks from today on.
    /// </summary>
    private bool TryOffsetChainLead(int i, out DateCandidate c)
    {
        c = default;
        if (i + 1 >= _hi || (_tokens[i + 1].Kind != TokenKind.Number && !Any(KindsAt(i + 1), Bit(LexKind.Number) | Bit(LexKind.Article) | RelStart)))
        {
            return false;
        }

        int wl = Match(i, LexKind.Within, out _);
        int ll = wl > 0 ? wl : Match(i, LexKind.OffsetFutureBefore, out _);
        if (ll == 0)
        {
            return false;
        }

        int j = i + ll;
        int nl = 0;
        if (wl > 0)
        {
            int al = Match(j, LexKind.Article, out _);
            nl = RelWord(j + al, out int rel) is > 0 and var rl && rel > 0 ? al + rl : 0;
        }

        if (!TryAnchored(j + nl, out c))
        {
            return false;
        }

        if (wl > 0 && c.AnchorOffset > 0 && nl == 0)
        {
            // "within 2 weeks after tomorrow": a length of time from the day (TryDurationFrom)
            c = default;
            return false;
        }

        if (wl > 0 && c.AnchorOffset > 0 && c.A.Kind == SpecKind.RelDay && c.A.N == 0)
        {
            c.First = i;
            c.Type = TimeExpressionType.DateRange;
            c.SpanFromAnchor = true;
        }

        return true;
    }

    /// <summary>"vor dem Wochenende", "before the weekend", "after the weekend": a range open before or after the weekend (the open lead may hold the article: "vor dem").</summary>
    private bool TryOpenWeekend(int i, out DateCandidate c)
    {
        c = default;
        DateUnit unit = DateUnit.Day;
        int ol = MatchEither(i, LexKind.OpenBefore, LexKind.OpenAfter, out int mod);
        int al = ol > 0 ? Match(i + ol, LexKind.Article, out _) : 0;
        int wl = ol > 0 ? PeriodWord(i + ol + al, out unit) : 0;
        if (wl == 0 || unit != DateUnit.Weekend)
        {
            return false;
        }

        c = new DateCandidate { First = i, End = i + ol + al + wl, A = DeterminedPeriod(DateUnit.Weekend), Type = TimeExpressionType.DateRange, Open = mod };
        return true;
    }

    /// <summary>"4 weeks in the future", "3 days in the past": the next or last N units (as "next 4 weeks").</summary>
    private bool TryCountSuffix(int i, out DateCandidate c)
    {
        c = default;
        if (!TryCount(i, out int count, out int cEnd, out _))
        {
            return false;
        }

        int sign = 0;
        int ul = Match(cEnd, LexKind.Unit, out int uv);
        int sl = ul > 0 ? AnaMatch(cEnd + ul, AnaKind.CountSuffix, out sign) : 0;
        if (sl == 0 || (DateUnit)uv is not (DateUnit.Day or DateUnit.Week or DateUnit.Month or DateUnit.Year or DateUnit.Fortnight or DateUnit.Quarter))
        {
            return false;
        }

        DateSpec spec = DateSpec.Of(SpecKind.Counted);
        spec.Unit = (DateUnit)uv;
        spec.N = sign * count;
        spec.Rel = sign;
        c = new DateCandidate { First = i, End = cEnd + ul + sl, A = spec, Type = TimeExpressionType.DateRange };
        return true;
    }

    /// <summary>"dieses Jahr früh", "dieses Jahr früher": a this/next/last period and a part word after it.</summary>
    private bool TryPartSuffix(int i, out DateCandidate c)
    {
        c = default;
        if (!TryRelative(i, out DateSpec spec, out int end) || spec.Kind != SpecKind.RelPeriod)
        {
            return false;
        }

        int pl = AnaMatch(end, AnaKind.PartSuffix, out int part);
        if (pl == 0)
        {
            return false;
        }

        spec.Part = part;
        c = Candidate(i, end + pl, spec);
        return true;
    }
}
