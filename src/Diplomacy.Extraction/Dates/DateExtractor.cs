using System.Buffers;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Dates;

/// <summary>A recognized expression: a token range and its parsed meaning.</summary>
internal struct DateCandidate
{
    public int First;
    public int End;
    public TimeExpressionType Type;
    public DateSpec A;
    public DateSpec B;
    public bool IsRange;
    /// <summary>The time of day in seconds after midnight (for <see cref="TimeExpressionType.DateTime"/> and <see cref="TimeExpressionType.Time"/>).</summary>
    public int TimeSeconds;
    public int DurationCount;
    public DateUnit DurationUnit;

    /// <summary>An open range around <see cref="A"/>: <see cref="DateSpec.OpenBefore"/>, <see cref="DateSpec.OpenAfter"/>, <see cref="DateSpec.OpenSince"/> (0 = closed).</summary>
    public int Open;

    /// <summary>A signed offset in <see cref="DurationUnit"/> from the day <see cref="A"/> ("two days after tomorrow"); 0 = none.</summary>
    public int AnchorOffset;

    /// <summary>The days from <see cref="A"/> up to (not including) the day <see cref="AnchorOffset"/> units later: "for 3 days, from today", "less than 3 days after tomorrow".</summary>
    public bool SpanFromAnchor;
}

/// <summary>
/// The extractor: finds date and time expressions by matching the tokens of a text against the date lexicon
/// (no regular expressions). It works left to right; at each token it takes the longest expression that starts there.
/// </summary>
internal sealed partial class DateExtractor
{
    /// <summary>Kinds that only ever follow or precede an expression, never start one (cues, connectors, suffixes).</summary>
    private const ulong NonStarters =
        (1UL << (int)LexKind.PastCue) | (1UL << (int)LexKind.FutureCue) | (1UL << (int)LexKind.RangeTo) | (1UL << (int)LexKind.Am)
        | (1UL << (int)LexKind.Pm) | (1UL << (int)LexKind.OClock) | (1UL << (int)LexKind.OpenSinceSuffix) | (1UL << (int)LexKind.OffsetAnchor)
        | (1UL << (int)LexKind.NthOf) | (1UL << (int)LexKind.UnitAdjective) | (1UL << (int)LexKind.Of) | (1UL << (int)LexKind.YearWord)
        | (1UL << (int)LexKind.DatePreposition) | (1UL << (int)LexKind.RelDayBlocker) | (1UL << (int)LexKind.DayPart) | (1UL << (int)LexKind.AmGlued)
        | (1UL << (int)LexKind.PmGlued) | (1UL << (int)LexKind.DayNumberLead) | (1UL << (int)LexKind.TwoSteps) | (1UL << (int)LexKind.SpanFrom)
        | (1UL << (int)LexKind.SpanStarting) | (1UL << (int)LexKind.Hundred) | (1UL << (int)LexKind.Thousand) | (1UL << (int)LexKind.NumberAnd);

    /// <summary>Kinds that never form an expression alone: they need a lexicon word or a number after them.</summary>
    private const ulong LeadOnly = NonStarters
        | (1UL << (int)LexKind.Article) | (1UL << (int)LexKind.OffsetFutureBefore) | (1UL << (int)LexKind.DurationLead) | (1UL << (int)LexKind.TimeLead)
        | (1UL << (int)LexKind.RangeFrom) | (1UL << (int)LexKind.OpenBefore) | (1UL << (int)LexKind.OpenAfter) | (1UL << (int)LexKind.OpenSince) | (1UL << (int)LexKind.OpenUntil)
        | (1UL << (int)LexKind.This) | (1UL << (int)LexKind.Next) | (1UL << (int)LexKind.Last) | (1UL << (int)LexKind.SeasonLead)
        | (1UL << (int)LexKind.Later) | (1UL << (int)LexKind.Earlier) | (1UL << (int)LexKind.Number) | (1UL << (int)LexKind.Ordinal)
        | (1UL << (int)LexKind.Within) | (1UL << (int)LexKind.Now) | (1UL << (int)LexKind.WeekOf) | (1UL << (int)LexKind.NearDir)
        | (1UL << (int)LexKind.WeekendLead) | (1UL << (int)LexKind.MoreThan) | (1UL << (int)LexKind.LessThan);

    /// <summary>Kinds of words that only join a lead to what follows ("the", "of", "in"): an expression cannot end on them.</summary>
    private const ulong Connectors =
        (1UL << (int)LexKind.Article) | (1UL << (int)LexKind.Of) | (1UL << (int)LexKind.DatePreposition) | (1UL << (int)LexKind.NthOf)
        | (1UL << (int)LexKind.SeasonLead) | (1UL << (int)LexKind.RelDayBlocker) | (1UL << (int)LexKind.OffsetFutureBefore)
        | (1UL << (int)LexKind.TimeLead) | (1UL << (int)LexKind.DurationLead) | (1UL << (int)LexKind.RangeFrom);

    /// <summary>this/next/last words.</summary>
    private const ulong RelStart = (1UL << (int)LexKind.This) | (1UL << (int)LexKind.Next) | (1UL << (int)LexKind.Last);

    /// <summary>Kinds that may start a decade or century (<see cref="TryEra"/>).</summary>
    private const ulong EraStarters = (1UL << (int)LexKind.Article) | (1UL << (int)LexKind.This) | (1UL << (int)LexKind.Next) | (1UL << (int)LexKind.Last) | (1UL << (int)LexKind.Ordinal);

    /// <summary>Set in a token's kind mask when one of its phrases has more than one token (bit 63 is no <see cref="LexKind"/>).</summary>
    private const ulong MultiTokenBit = LexEntry.MultiTokenBit;

    private static readonly SearchValues<char> NumericSeparators = SearchValues.Create("./-");
    private readonly DateLexicon _lex;
    private readonly string _text;
    private readonly List<Token> _tokens;
    /// <summary>The caches of the last extractor on this thread: reused, so that a document allocates and clears none.</summary>
    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly Scratch _scratch;
    private TokenLookup[] _lookups;
    private AtomMemo[] _atoms;
    private int _stamp;
    private int _lo;
    private int _hi;

    /// <summary>The lexicon lookup of one token of the current sentence (valid while Stamp matches).</summary>
    private struct TokenLookup
    {
        public int Stamp;
        public ulong Kinds;
        public ulong Matched;
        public int MatchedLength;
        public LexPhrase[]? Phrases;
    }

    /// <summary>A memoized <see cref="TryAtom"/> result at one token for both values of allowBareDay (valid while Stamp matches).</summary>
    private struct AtomMemo
    {
        public int Stamp0;
        public int Stamp1;
        public bool Ok0;
        public bool Ok1;
        public int End0;
        public int End1;
        public DateSpec Spec0;
        public DateSpec Spec1;
    }

    public DateExtractor(DateLexicon lexicon, string text, List<Token> tokens)
    {
        _lex = lexicon;
        _text = text;
        _tokens = tokens;
        _scratch = t_scratch ??= new Scratch();
        _lookups = _scratch.Lookups;
        _atoms = _scratch.Atoms;
        _stamp = _scratch.Stamp;
    }

    /// <summary>Per-thread cache arrays and the stamp that tells their entries of the current sentence from older ones.</summary>
    private sealed class Scratch
    {
        public TokenLookup[] Lookups = [];
        public AtomMemo[] Atoms = [];
        public int Stamp;
    }

    /// <summary>Finds the expressions in the tokens [<paramref name="lo"/>, <paramref name="hi"/>) (one sentence).</summary>
    public void Extract(int lo, int hi, List<DateCandidate> output)
    {
        // per-sentence caches, indexed from lo and invalidated by a new stamp
        if (_lookups.Length < hi - lo || _stamp == int.MaxValue)
        {
            int n = Math.Max(Math.Max(hi - lo, 64), _lookups.Length);
            _lookups = _scratch.Lookups = new TokenLookup[n];
            _atoms = _scratch.Atoms = new AtomMemo[n];
            _stamp = 0;
        }

        _lo = lo;
        _hi = hi;
        _scratch.Stamp = ++_stamp;
        int first = output.Count;
        int i = lo;
        while (i < hi)
        {
            if (TryParse(i, out DateCandidate c) && c.End > i)
            {
                output.Add(c);
                i = c.End;
            }
            else
            {
                i++;
            }
        }

        ShareYears(output, first);
    }

    /// <summary>
    /// A month or day without a year in a list before one with a year takes that year: "in September and October 1986",
    /// "January, February and March 1987", "on March 3 and April 5, 1987" (a later month in the list: the year before,
    /// "December and January 1987"). Only a comma or a list word of the data (listJoiners: "and", "or") may stand between.
    /// </summary>
    private void ShareYears(List<DateCandidate> output, int first)
    {
        for (int k = output.Count - 2; k >= first; k--)
        {
            DateCandidate x = output[k];
            DateCandidate y = output[k + 1];
            if (x.IsRange || x.Open != 0 || x.AnchorOffset != 0 || x.Type is not (TimeExpressionType.Date or TimeExpressionType.DateRange)
                || x.A.Kind is not (SpecKind.Month or SpecKind.Day) || x.A.Year != 0 || x.A.Rel != DateSpec.NoRel || x.A.Month == 0
                || x.A.Sub != 0 || x.A.Part != 0 || x.A.Weekday != 0 || x.A.LaterEarlier != 0
                || y.Open != 0 || y.AnchorOffset != 0 || y.A.Kind is not (SpecKind.Month or SpecKind.Day) || y.A.Year == 0 || y.A.Month == 0
                || y.First - x.End is < 1 or > 2 || !OnlyListJoiners(x.End, y.First))
            {
                continue;
            }

            x.A.Year = x.A.Month <= y.A.Month ? y.A.Year : y.A.Year - 1;
            output[k] = x;
        }
    }

    private bool OnlyListJoiners(int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (!IsPunct(k, ',') && !(_tokens[k].Kind == TokenKind.Word && _lex.IsSideCue(Span(k), DateLexicon.SideCue.ListJoiner)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The past (-1), future (1) or unknown (0) direction of the sentence around a token range.</summary>
    public int Direction(int lo, int hi, int first, int end)
    {
        for (int d = 1; d <= 10; d++)
        {
            int back = first - d;
            if (back >= lo)
            {
                int v = CueAt(back);
                if (v != 0 && !(d > 3 && IsReportingVerb(back)))
                {
                    // "said on Thursday", "told reporters on Monday"; not "said the period runs from March 26"
                    return v;
                }
            }

            int fwd = end + d - 1;
            if (fwd < hi)
            {
                int v = CueAt(fwd);
                if (v != 0 && !(IsReportingVerb(fwd) && (d > 2 || CommaBetween(end, fwd)) && EndsTheSentence(fwd, hi)))
                {
                    // not "..., it added" or "..., the company said in a statement" at the end of the sentence ("On
                    // February 20, Brazil said it would ..." keeps "said": a clause of its own follows it)
                    return v;
                }
            }
        }

        return 0;
    }

    /// <summary>At most this many tokens from a verb of saying to the end of the sentence make it a trailing attribution.</summary>
    private const int TrailingAttribution = 8;

    private bool IsReportingVerb(int i) => _tokens[i].Kind == TokenKind.Word && _lex.IsSideCue(Span(i), DateLexicon.SideCue.ReportingVerb);

    /// <summary>Whether the verb at <paramref name="verb"/> closes the sentence: a few tokens and no tense cue after it.</summary>
    private bool EndsTheSentence(int verb, int hi)
    {
        if (hi - verb > TrailingAttribution)
        {
            return false;
        }

        for (int k = verb + 1; k < hi; k++)
        {
            if (CueOf(k) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private bool CommaBetween(int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (IsPunct(k, ','))
            {
                return true;
            }
        }

        return false;
    }

    private int CueAt(int i)
    {
        int v = CueOf(i);
        if (v < 0)
        {
            // "will be held": a future auxiliary just before a past form
            for (int k = i - 1; k >= Math.Max(0, i - 2); k--)
            {
                if (Has(k, LexKind.FutureCue))
                {
                    return 1;
                }
            }
        }

        return v;
    }

    private int CueOf(int i)
    {
        if (Has(i, LexKind.FutureCue))
        {
            return 1;
        }

        if (Has(i, LexKind.PastCue))
        {
            return -1;
        }

        Token t = _tokens[i];
        if (t.Kind == TokenKind.Word && !t.Has(TokenFlags.Capitalized) && _lex.HasPastSuffix(Span(i)))
        {
            return -1;
        }

        return 0;
    }

    private ReadOnlySpan<char> Span(int i) => _text.AsSpan(_tokens[i].Start, _tokens[i].Length);

    private LexPhrase[]? Cands(int i) => Cands(i, out _);

    /// <summary>The lexicon phrases that start with token <paramref name="i"/> and the set of their kinds (one bit per <see cref="LexKind"/>).</summary>
    private LexPhrase[]? Cands(int i, out ulong kinds)
    {
        int k = i - _lo;
        if ((uint)k < (uint)_lookups.Length && i < _hi)
        {
            ref TokenLookup e = ref _lookups[k];
            if (e.Stamp != _stamp)
            {
                LexEntry? entry = Lookup(i);
                e.Phrases = entry?.Phrases;
                e.Kinds = entry is null ? 0 : entry.Kinds;
                e.MatchedLength = 1;
                e.Matched = (e.Kinds & MultiTokenBit) == 0 ? e.Kinds : MatchedKindsOf(i, e.Phrases!, out e.MatchedLength);
                e.Stamp = _stamp;
            }

            kinds = e.Kinds;
            return e.Phrases;
        }

        LexEntry? c = Lookup(i);
        kinds = c is null ? 0 : c.Kinds;
        return c?.Phrases;
    }

    private static ulong Bit(LexKind kind) => 1UL << (int)kind;

    /// <summary>The kinds of the phrases at <paramref name="i"/> whose every token matches the text there ("the day after tomorrow" only before "day after tomorrow").</summary>
    private ulong MatchedKindsOf(int i, LexPhrase[] cands, out int longest)
    {
        ulong kinds = 0;
        longest = 1;
        foreach (LexPhrase p in cands)
        {
            if (p.Tokens.Length == 1)
            {
                kinds |= 1UL << (int)p.Kind;
                continue;
            }

            bool ok = i + p.Tokens.Length <= _hi;
            for (int k = 1; k < p.Tokens.Length && ok; k++)
            {
                ok = DateLexicon.TokenEquals(Span(i + k), p.Tokens[k]);
            }

            if (ok)
            {
                kinds |= (1UL << (int)p.Kind) | MultiTokenBit;
                longest = Math.Max(longest, p.Tokens.Length);
            }
        }

        return kinds;
    }

    /// <summary>The kinds of the phrases that match in full at <paramref name="i"/> (a token of the current sentence).</summary>
    private ulong MatchedKindsAt(int i)
    {
        Cands(i, out _);
        return _lookups[i - _lo].Matched;
    }

    /// <summary>
    /// Whether an expression can go on after a lead word at <paramref name="i"/> (a word all of whose matching phrases
    /// are leads): after it, and after any run of connectors ("of the", "in the"), comes a number, punctuation, a hyphenated
    /// or alphanumeric word or a lexicon word that is more than a connector. A lead phrase of several words ("a few",
    /// "less than") is also tried from its end.
    /// </summary>
    private bool LeadCanGoOn(int i)
    {
        ref TokenLookup e = ref _lookups[i - _lo];
        return CanFollowLead(i + 1) || (e.MatchedLength > 1 && CanFollowLead(i + e.MatchedLength));
    }

    private bool CanFollowLead(int j)
    {
        for (; IsLexiconOrNumber(j); j++)
        {
            Token t = _tokens[j];
            if (t.Kind is TokenKind.LineBreak or TokenKind.ParagraphBreak || (t.Kind == TokenKind.Number && DeadNumber(j)))
            {
                // no phrase goes on over a line break; "of 5.93 mln"
                return false;
            }

            if (t.Kind != TokenKind.Word || t.Has(TokenFlags.Hyphenated) || t.Has(TokenFlags.Alphanumeric) || Cands(j) is null)
            {
                return true;
            }

            ulong m = MatchedKindsAt(j);
            if (m == 0 || (m & ~Connectors) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the number at <paramref name="i"/> cannot begin an expression: a percentage, or a short number (up to three
    /// digits, or two such groups joined by '.' or ',': "25", "5.93", "155,221") before a plain word the lexicon does not
    /// know (not glued to it: "70's" is a decade): "25 pct", "5.93 mln". Such a number would have to be an expression alone, and only years
    /// and full numeric dates are.
    /// </summary>
    private bool DeadNumber(int i)
    {
        Token t = _tokens[i];
        if (t.Has(TokenFlags.Alphanumeric) || t.Has(TokenFlags.Hyphenated))
        {
            return false;
        }

        ReadOnlySpan<char> s = Span(i);
        if (s[^1] == '%')
        {
            return true;
        }

        int sep = s.IndexOfAny('.', ',');
        if (s.IndexOfAny('/', ':') >= 0 || (sep < 0 ? s.Length > 3 : sep > 3 || s.Length - sep - 1 > 3 || s[(sep + 1)..].IndexOfAny('.', ',') >= 0))
        {
            return false;
        }

        int j = i + 1;
        if (j >= _hi)
        {
            return false;
        }

        Token n = _tokens[j];
        return (n.Kind == TokenKind.Word && !n.Has(TokenFlags.Hyphenated) && !n.Has(TokenFlags.Alphanumeric) && !n.Has(TokenFlags.Glued) && Cands(j) is null
                && _lex.Era(Span(j), out _) == DateLexicon.EraKind.None);
    }

    private static bool Any(ulong kinds, ulong mask) => (kinds & mask) != 0;

    private ulong KindsAt(int i)
    {
        Cands(i, out ulong kinds);
        return kinds;
    }

    private LexEntry? Lookup(int i) => _tokens[i].Kind is TokenKind.Word or TokenKind.Punctuation or TokenKind.Number ? _lex.Entry(Span(i)) : null;

    /// <summary>The length of a phrase of kind <paramref name="first"/> at <paramref name="i"/>, or else of kind <paramref name="second"/> (0: neither).</summary>
    private int MatchEither(int i, LexKind first, LexKind second, out int value)
    {
        int length = Match(i, first, out value);
        return length != 0 ? length : Match(i, second, out value);
    }

    /// <summary>Length in tokens of the longest phrase of <paramref name="kind"/> at <paramref name="i"/> (0 if none).</summary>
    private int Match(int i, LexKind kind, out int value)
    {
        value = 0;
        if (i >= _hi)
        {
            return 0;
        }

        LexPhrase[]? cands = Cands(i, out ulong kinds);
        if (cands is null || (kinds & (1UL << (int)kind)) == 0)
        {
            return 0;
        }

        foreach (LexPhrase p in cands)
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

    /// <summary>Whether the tokens after <paramref name="i"/> spell the rest of a phrase (its first token already matched).</summary>
    private bool TailMatches(int i, string[] tokens)
    {
        for (int k = 1; k < tokens.Length; k++)
        {
            if (!DateLexicon.TokenEquals(Span(i + k), tokens[k]))
            {
                return false;
            }
        }

        return true;
    }

    private bool Has(int i, LexKind kind) => Match(i, kind, out _) > 0;

    private bool IsPunct(int i, char c) => i < _hi && _tokens[i].Kind == TokenKind.Punctuation && _tokens[i].Length == 1 && _text[_tokens[i].Start] == c;

    private bool TryParse(int i, out DateCandidate best)
    {
        best = default;
        Token t = _tokens[i];
        LexPhrase[]? first = Cands(i, out ulong kinds);
        ulong matched = first is null ? 0 : MatchedKindsAt(i);
        if (first is null && t.Kind == TokenKind.Word && _lex.MayStartAnaphoraAtUnknown(Span(i)) && TryAnaphoraUnknown(i, out best))
        {
            return true;
        }

        if ((matched & (Bit(LexKind.OffsetFutureBefore) | Bit(LexKind.Within))) != 0 && TryOffsetChainLead(i, out best))
        {
            return true;
        }

        if (t.Kind is TokenKind.Word or TokenKind.Punctuation && (matched & ~(NonStarters | MultiTokenBit)) == 0 && !t.Has(TokenFlags.Hyphenated) && !t.Has(TokenFlags.Alphanumeric))
        {
            // no phrase of the lexicon can start an expression here ("said", "will", "of", "and", ",", "."): every
            // phrase of the token (one word or several: "of the", "and later") is a cue, connector or suffix
            return false;
        }

        if (t.Kind == TokenKind.Word && (matched & ~(LeadOnly | MultiTokenBit)) == 0 && !t.Has(TokenFlags.Hyphenated) && !t.Has(TokenFlags.Alphanumeric) && !LeadCanGoOn(i))
        {
            // a lead word ("the", "in", "for", "next", "of the") before a word the lexicon does not know, or before more lead words and then one
            return false;
        }

        if (t.Kind is not (TokenKind.Word or TokenKind.Number or TokenKind.Punctuation) || (t.Kind == TokenKind.Number && DeadNumber(i)))
        {
            return false;
        }

        bool found = false;
        if (TryRange(i, out DateCandidate r))
        {
            best = r;
            found = true;
        }

        if (TryDateWithTime(i, out DateCandidate c) && (!found || c.End > best.End))
        {
            best = c;
            found = true;
        }

        if (TryTimeThenDate(i, out DateCandidate td) && (!found || td.End > best.End))
        {
            best = td;
            found = true;
        }

        if (TryDuration(i, out DateCandidate du) && (!found || du.End > best.End))
        {
            best = du;
            found = true;
        }

        if (TryAnchored(i, out DateCandidate an) && (!found || an.End > best.End))
        {
            best = an;
            found = true;
        }

        if (TryDurationFrom(i, out DateCandidate df) && (!found || df.End > best.End))
        {
            best = df;
            found = true;
        }

        if (TryDayEnd(i, out DateCandidate de) && (!found || de.End > best.End))
        {
            best = de;
            found = true;
        }

        if (TryOpen(i, out DateCandidate op) && (!found || op.End > best.End))
        {
            best = op;
            found = true;
        }

        TryNumericCandidates(i, ref best, ref found);

        if (TryAnaphora(i, out DateCandidate ap) && (!found || ap.End > best.End))
        {
            best = ap;
            found = true;
        }

        if (found && best.First == i && best.Open == 0 && !best.IsRange && best.Type is TimeExpressionType.Date or TimeExpressionType.DateRange
            && i + 1 < best.End && Has(i, LexKind.Article) && Has(i + 1, LexKind.Part))
        {
            // "(at) the end of 2000", "the rest of the week": the article stays outside the span ("end of 2000"); a part
            // of a day with a time ("the end of the day") is a date-time and keeps it
            best.First = i + 1;
        }

        if (found && best.Open == 0 && !best.IsRange && best.Type is TimeExpressionType.Date or TimeExpressionType.DateRange)
        {
            // "2012 or later", "1/1/2016 and later"
            int sl = Match(best.End, LexKind.OpenSinceSuffix, out int mod);
            if (sl > 0)
            {
                best.Open = mod;
                best.End += sl;
                best.Type = TimeExpressionType.DateRange;
            }
        }

        return found;
    }

    /// <summary>An offset from a named day: "two days after tomorrow", "3 weeks from tomorrow", "2 weeks before Christmas".</summary>
    private bool TryAnchored(int i, out DateCandidate c)
    {
        c = default;
        if (!TryCount(i, out int count, out int cEnd, out _))
        {
            return false;
        }

        int ul = Match(cEnd, LexKind.Unit, out int uv);
        if (ul == 0 || (DateUnit)uv is DateUnit.Weekend or DateUnit.Half or DateUnit.Hour or DateUnit.Minute)
        {
            return false;
        }

        int al = Match(cEnd + ul, LexKind.OffsetAnchor, out int sign);
        if (al == 0 || !TryAtom(cEnd + ul + al, allowBareDay: false, out DateSpec a, out int end) || !a.IsSingleDay)
        {
            return false;
        }

        c = new DateCandidate { First = i, End = end, A = a, Type = TimeExpressionType.Date, AnchorOffset = sign * count, DurationUnit = (DateUnit)uv };
        return true;
    }

    /// <summary>
    /// A length of time from a day: "for 3 days, from today", "a week starting tomorrow", "2 weeks starting May 20th",
    /// "less than 3 days after tomorrow", "within 2 weeks from today" (the days from it); "more than 2 weeks before today"
    /// (an open range beyond the day so many units away).
    /// </summary>
    private bool TryDurationFrom(int i, out DateCandidate c)
    {
        c = default;
        int ml = Match(i, LexKind.MoreThan, out _);
        int ll = ml > 0 ? 0 : Match(i, LexKind.LessThan, out _);
        if (ml + ll > 0)
        {
            if (!TryAnchored(i + ml + ll, out c) || (ll > 0 && c.AnchorOffset < 0))
            {
                return false;
            }

            c.First = i;
            c.Type = TimeExpressionType.DateRange;
            if (ml > 0)
            {
                c.Open = c.AnchorOffset < 0 ? DateSpec.OpenBefore : DateSpec.OpenAfter;
            }
            else
            {
                c.SpanFromAnchor = true;
            }

            return true;
        }

        int dl = Match(i, LexKind.DurationLead, out _);
        if (!TryCount(i + dl, out int count, out int cEnd, out _))
        {
            return false;
        }

        int ul = Match(cEnd, LexKind.Unit, out int uv);
        if (ul == 0 || (DateUnit)uv is DateUnit.Weekend or DateUnit.Half or DateUnit.Hour or DateUnit.Minute)
        {
            return false;
        }

        int k = SkipComma(cEnd + ul);
        int fl = Match(k, LexKind.SpanFrom, out _);
        int sl = fl > 0 ? 0 : Match(k, LexKind.SpanStarting, out _);
        if (fl + sl == 0 || !TryAtom(k + fl + sl, allowBareDay: false, out DateSpec a, out int end) || !a.IsSingleDay)
        {
            return false;
        }

        // "for 3 days, from today" keeps "for"; "for a week starting tomorrow" is "a week starting tomorrow"
        c = new DateCandidate
        {
            First = sl > 0 ? i + dl : i, End = end, A = a, Type = TimeExpressionType.DateRange, AnchorOffset = count, DurationUnit = (DateUnit)uv, SpanFromAnchor = true,
        };
        return true;
    }

    /// <summary>Open ranges: before/after/since/until + a date ("since August", "no later than 1/1/2016").</summary>
    private static readonly LexKind[] OpenKinds = [LexKind.OpenBefore, LexKind.OpenAfter, LexKind.OpenSince, LexKind.OpenUntil];

    private bool TryOpen(int i, out DateCandidate c)
    {
        c = default;
        int len = 0;
        int mod = 0;
        foreach (LexKind kind in OpenKinds)
        {
            // the longest lead wins: "after or equal to" over "after"
            int l = Match(i, kind, out int m);
            if (l > len)
            {
                len = l;
                mod = m;
            }
        }

        if (len == 0)
        {
            return false;
        }

        int j = i + len;
        if (!TryAtom(j, allowBareDay: false, out DateSpec a, out int end) && !(_tokens[j].Has(TokenFlags.Capitalized) && TryBareMonth(j, out a, out end)))
        {
            return false;
        }

        if (a.Kind is SpecKind.Offset or SpecKind.TimeOffset)
        {
            return false;
        }

        c = new DateCandidate { First = i, End = end, A = a, Type = TimeExpressionType.DateRange, Open = mod };
        return true;
    }

    // ---- ranges ---------------------------------------------------------------------------------------------

    private bool TryRange(int i, out DateCandidate c) => TryRangeCore(i, monthGiven: false, out c) || TryMonthThenDays(i, out c);

    /// <summary>
    /// A range: [from|between] A (to|until|and|-) B. With <paramref name="monthGiven"/> two bare days are accepted and left
    /// without a month (the caller has it); otherwise bare days need a month after them ("3 to 5 March"), a month
    /// period after them ("from 4 to 22 this month") or, after the opening word, ordinal marks ("vom 4. bis zum 23.").
    /// </summary>
    private bool TryRangeCore(int i, bool monthGiven, out DateCandidate c)
    {
        c = default;
        int fromLen = Match(i, LexKind.RangeFrom, out _);
        int j = i + fromLen;
        bool between = fromLen > 0 && (DateLexicon.TokenEquals(Span(i), "between") || DateLexicon.TokenEquals(Span(i), "zwischen"));
        if (!TryRangeEnd(j, allowBareDay: true, out DateSpec a, out int aEnd) && !(fromLen > 0 && TryBareMonth(j, out a, out aEnd)))
        {
            return TryMonthPairToken(i, fromLen, out c);
        }

        int toLen = Match(aEnd, LexKind.RangeTo, out _);
        if (toLen == 0 && fromLen > 0 && a.N > 0 && a.Kind is SpecKind.Day or SpecKind.Year)
        {
            // the lead word of a range already read as one atom: "between 4-22 January, 1995", "from 2014-2018"
            c = new DateCandidate { First = i, End = aEnd, Type = TimeExpressionType.DateRange, A = a };
            return true;
        }

        if (toLen == 0 || (fromLen == 0 && aEnd - i == 0))
        {
            return false;
        }

        ReadOnlySpan<char> to = Span(aEnd);
        bool isAnd = DateLexicon.TokenEquals(to, "and") || DateLexicon.TokenEquals(to, "und");
        if (isAnd && !between)
        {
            return false;
        }

        int bStart = aEnd + toLen;
        if (!TryRangeEnd(bStart, allowBareDay: fromLen > 0 || a.Kind == SpecKind.Day || monthGiven, out DateSpec b, out int bEnd)
            && !(a.Kind == SpecKind.Month && a.Sub == 0 && a.Part == 0 && TryBareMonth(bStart, out b, out bEnd)))
        {
            return false;
        }

        if (a.Kind == SpecKind.Day && a.Month == 0 && a.Weekday == 0 && b.Kind == SpecKind.Day && b.Month == 0 && b.Weekday == 0 && !monthGiven)
        {
            int q = bEnd + Match(bEnd, LexKind.NthOf, out _);
            if (TryMonthAfter(bEnd, out int month, out int year, out int mEnd))
            {
                // from 3 to 5 March
                b.Month = month;
                b.Year = year;
                bEnd = mEnd;
            }
            else if (TryRelative(q, out DateSpec rel, out int rEnd) && rel.Kind == SpecKind.RelPeriod && rel.Unit == DateUnit.Month)
            {
                // from 4 to 22 this month, 4 till 23 of next month
                a = DaysOf(rel, a.Day);
                b = DaysOf(rel, b.Day);
                bEnd = rEnd;
                monthGiven = true;
            }
            else if (fromLen == 0 || !MarkedDay(j, aEnd) || !MarkedDay(bStart, bEnd))
            {
                return false;
            }
            else
            {
                // vom 4. bis zum 23.: days of the nearest month
                monthGiven = true;
            }
        }

        if (!monthGiven && !Compatible(ref a, ref b))
        {
            return false;
        }

        c = new DateCandidate { First = i, End = bEnd, Type = TimeExpressionType.DateRange, A = a, B = b, IsRange = true };
        return true;
    }

    /// <summary>A month name or abbreviation alone, as the end of a range after "from"/"between" ("from Sep to Nov").</summary>
    private bool TryBareMonth(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        // the period after "Nov." stays out: alone, it more often ends the sentence
        int ml = MatchEither(i, LexKind.Month, LexKind.MonthAbbr, out int month);

        if (ml == 0)
        {
            return false;
        }

        spec = DateSpec.Of(SpecKind.Month);
        spec.Month = month;
        end = i + ml;
        return true;
    }

    /// <summary>
    /// Two months joined by a hyphen in one token, the second with a year or a day and year after it: "Jan-Feb 2017",
    /// "Nov-Feb 5th, 2017" (without a year or day after it, "May-June" stays a word).
    /// </summary>
    private bool TryMonthPairToken(int i, int fromLen, out DateCandidate c)
    {
        c = default;
        int k = i + fromLen;
        if (k >= _hi || _tokens[k].Kind != TokenKind.Word || !_tokens[k].Has(TokenFlags.Hyphenated))
        {
            return false;
        }

        ReadOnlySpan<char> s = Span(k);
        int dash = s.IndexOfAny(CharClassHyphens);
        if (dash <= 0 || s[(dash + 1)..].IndexOfAny(CharClassHyphens) >= 0 || !MonthValue(s[..dash], out int m1) || !MonthValue(s[(dash + 1)..], out int m2))
        {
            return false;
        }

        DateSpec b = DateSpec.Of(SpecKind.Month);
        b.Month = m2;
        int bEnd = k + 1;
        if (TryDayNumber(bEnd, out int day, out int dEnd))
        {
            b = DateSpec.Of(SpecKind.Day);
            b.Month = m2;
            b.Day = day;
            bEnd = dEnd;
        }

        if (!TryYearAt(SkipComma(bEnd), out int year, out int yEnd))
        {
            return false;
        }

        b.Year = year;
        DateSpec a = DateSpec.Of(SpecKind.Month);
        a.Month = m1;
        a.Year = m1 > m2 ? year - 1 : year;
        c = new DateCandidate { First = i, End = yEnd, Type = TimeExpressionType.DateRange, A = a, B = b, IsRange = true };
        return true;
    }

    /// <summary>One end of a range: an atom, or "now" (the reference date).</summary>
    private bool TryRangeEnd(int i, bool allowBareDay, out DateSpec spec, out int end)
    {
        int nl = Match(i, LexKind.Now, out _);
        if (nl > 0)
        {
            spec = DateSpec.Of(SpecKind.RelDay);
            end = i + nl;
            return true;
        }

        return TryAtom(i, allowBareDay, out spec, out end);
    }

    /// <summary>Whether the day number in tokens [<paramref name="start"/>, <paramref name="end"/>) carries an ordinal mark (4th, 4., the fourth).</summary>
    private bool MarkedDay(int start, int end) => end - start > 1 || _tokens[start].Has(TokenFlags.Alphanumeric) || _tokens[start].Kind == TokenKind.Word;

    /// <summary>Day <paramref name="day"/> of a relative month ("this month", "nächsten Monat").</summary>
    private static DateSpec DaysOf(DateSpec month, int day)
    {
        month.Sub = DateSpec.SubDay;
        month.SubN = day;
        return month;
    }

    /// <summary>A month, then a range of bare days in it: "November between 19 and 20", "nächsten Monat vom 4. bis zum 23.".</summary>
    private bool TryMonthThenDays(int i, out DateCandidate c)
    {
        c = default;
        DateSpec m = default;
        int mEnd = i;
        if (!(TryAtom(i, allowBareDay: false, out m, out mEnd) || (Has(i, LexKind.Month) && TryMonthYear(i, requireContext: false, out m, out mEnd))) || m.Sub != 0 || m.Part != 0 || m.LaterEarlier != 0
            || !(m.Kind == SpecKind.Month || (m.Kind == SpecKind.RelPeriod && m.Unit == DateUnit.Month))
            || !Has(mEnd, LexKind.RangeFrom) || !TryRangeCore(mEnd, monthGiven: true, out DateCandidate r)
            || r.A.Kind != SpecKind.Day || r.A.Month != 0 || r.B.Kind != SpecKind.Day || r.B.Month != 0)
        {
            return false;
        }

        if (m.Kind == SpecKind.Month)
        {
            r.A.Month = r.B.Month = m.Month;
            r.A.Year = r.B.Year = m.Year;
        }
        else
        {
            r.A = DaysOf(m, r.A.Day);
            r.B = DaysOf(m, r.B.Day);
        }

        r.First = i;
        c = r;
        return true;
    }

    private static bool Compatible(ref DateSpec a, ref DateSpec b)
    {
        if (a.Kind == SpecKind.Day && b.Kind == SpecKind.Day)
        {
            if (a.Month == 0)
            {
                a.Month = b.Month;
            }

            if (b.Month == 0)
            {
                b.Month = a.Month;
            }

            if (a.Year == 0)
            {
                a.Year = b.Year;
            }

            if (b.Year == 0)
            {
                b.Year = a.Year;
            }

            return a.Month != 0 && b.Month != 0;
        }

        if (a.Kind is SpecKind.Month or SpecKind.Day && b.Kind is SpecKind.Month or SpecKind.Day && a.Year == 0 && a.Rel == DateSpec.NoRel)
        {
            // from Feb 1st to March 2019, from Sep to Nov 2019; Nov-Feb 5th, 2017 starts in the year before
            a.Year = b.Year != 0 && a.Month > b.Month ? b.Year - 1 : b.Year;
        }

        if (a.Kind == b.Kind)
        {
            // two numbered weeks of the same year: from Week 31 to Week 35
            return a.Kind is SpecKind.Month or SpecKind.Year or SpecKind.Weekday or SpecKind.RelDay
                || (a.Kind == SpecKind.RelPeriod && a.Sub == DateSpec.SubWeek && b.Sub == DateSpec.SubWeek && a.Unit == b.Unit && a.Rel == b.Rel);
        }

        // different kinds: from 2015 to May 5th, 2017; between Jan 2019 and today; from next friday to Oct 1st 2020
        return RangeKind(a) && RangeKind(b);
    }

    /// <summary>What may be one end of a range of mixed kinds (a day needs its month).</summary>
    private static bool RangeKind(in DateSpec s) =>
        s.Kind switch
        {
            SpecKind.Day => s.Month != 0,
            SpecKind.Month or SpecKind.Year or SpecKind.Weekday or SpecKind.RelDay or SpecKind.Holiday or SpecKind.RelPeriod => true,
            _ => false,
        };

    private bool TryMonthAfter(int i, out int month, out int year, out int end)
    {
        year = 0;
        end = i;
        int j = i + Match(i, LexKind.Of, out _);
        int len = Match(j, LexKind.Month, out month);
        bool abbr = false;
        if (len == 0)
        {
            len = Match(j, LexKind.MonthAbbr, out month);
            abbr = len > 0;
        }

        if (len == 0 && _lex.OrdinalMonths)
        {
            // German ordinal months: 7. vierter, siebten vierten, siebter 4., dritter/11.
            int k = IsPunct(j, '/') && _tokens[j].Has(TokenFlags.Glued) ? j + 1 : j;
            int ol = Match(k, LexKind.Ordinal, out month);
            if (ol == 0 && k < _hi && _tokens[k].Kind == TokenKind.Number && _tokens[k].Length <= 2 && IsPunct(k + 1, '.') && _tokens[k + 1].Has(TokenFlags.Glued))
            {
                month = Digits(k);
                ol = 2;
            }

            if (ol == 0 || month is < 1 or > 12)
            {
                return false;
            }

            end = k + ol;
            if (TryYearAt(SkipComma(end), out int oy, out int oyEnd))
            {
                year = oy;
                end = oyEnd;
            }

            return true;
        }

        if (len == 0)
        {
            return false;
        }

        end = j + len;
        if (abbr && IsPunct(end, '.') && end + 1 < _hi)
        {
            end++;
        }

        if (TryYearAt(SkipComma(end), out int y, out int yEnd))
        {
            year = y;
            end = yEnd;
        }

        return true;
    }

    private int SkipComma(int i) => IsPunct(i, ',') ? i + 1 : i;

    // ---- dates with times ------------------------------------------------------------------------------------

    /// <summary>
    /// A date with a time of day after it: "Thursday at 10 a.m.", "tomorrow morning at 7", "tonight around 7",
    /// "friday 23 at 4", "on 15 at 8:00", "am 14. Oktober um 8:00:31", "morgen Abend gegen 8 Uhr". A bare hour needs a
    /// time lead ("at", "um") between the date and it; a part of the day after the date sets am/pm.
    /// </summary>
    private bool TryDateWithTime(int i, out DateCandidate c)
    {
        c = default;
        bool needsTime = false;
        if (!TryAtom(i, allowBareDay: false, out DateSpec a, out int end))
        {
            // a bare day number after "on"/"am" counts only with a time: "on 15 at 8:00", "on 15, 8pm"
            if (_tokens[i].Kind != TokenKind.Number || i == 0 || !Has(i - 1, LexKind.DayNumberLead) || !TryDayNumber(i, out int day, out end))
            {
                return false;
            }

            a = DateSpec.Of(SpecKind.Day);
            a.Day = day;
            needsTime = true;
        }

        c = new DateCandidate { First = i, End = end, A = a, Type = Classify(a) };
        if (a.IsSingleDay)
        {
            // tomorrow morning, Sunday late evening, heute Morgen
            int dl = Match(end, LexKind.DayPart, out int part);
            int e = end;
            if (dl > 0 && a.Kind != SpecKind.Holiday)
            {
                e += dl;
                c.A.DayPart = part;
            }

            // RT-style: a holiday takes no time ("on Christmas at 8:00" is the date Christmas)
            int j = SkipComma(e);
            int bare = !Has(j, LexKind.TimeLead) ? 0 : c.A.DayPart != 0 ? 2 : 1;
            if (a.Kind != SpecKind.Holiday && TryTime(j, bare, out int seconds, out int tEnd, out bool meridiem))
            {
                c.End = tEnd;
                c.TimeSeconds = meridiem ? seconds : WithDayPart(seconds, c.A.DayPart);
                c.Type = TimeExpressionType.DateTime;
            }
            else
            {
                c.End = e;
            }
        }

        return !needsTime || c.Type == TimeExpressionType.DateTime;
    }

    /// <summary>
    /// The end of a day as its last second (as Recognizers-Text): "end of tomorrow", "end of the sunday", "the end of the
    /// day" / "end of day" (today; not after "at": "at the end of the day" is an idiom). The part phrase must end with "of".
    /// </summary>
    private bool TryDayEnd(int i, out DateCandidate c)
    {
        c = default;
        int pl = Match(i, LexKind.Part, out int part);
        if (pl < 2 || part != DateSpec.PartLate || !Has(i + pl - 1, LexKind.Of))
        {
            return false;
        }

        int j = i + pl;
        int al = Match(j, LexKind.Article, out _);
        DateSpec day;
        int end;
        if (Match(j + al, LexKind.Unit, out int uv) == 1 && (DateUnit)uv == DateUnit.Day
            && !(i > 0 && (Has(i - 1, LexKind.TimeLead) || (i > 1 && Has(i - 1, LexKind.Article) && Has(i - 2, LexKind.TimeLead)))))
        {
            day = DateSpec.Of(SpecKind.RelDay);
            end = j + al + 1;
        }
        else if (!TryAtom(j + al, allowBareDay: false, out day, out end) || day.Kind is not (SpecKind.RelDay or SpecKind.Weekday) || !day.IsSingleDay)
        {
            return false;
        }

        c = new DateCandidate { First = i, End = end, A = day, Type = TimeExpressionType.DateTime, TimeSeconds = (24 * 3600) - 1 };
        return true;
    }

    /// <summary>
    /// A time of day, and a date after it where there is one: "3pm today", "8pm on 15", "seven on 15", "7, this morning",
    /// "8pm in the evening, Sunday", "12:30 PM on Fri", "19:00 Uhr am 22.12.2016". The time lead ("at", "um") stays out of
    /// the span when a date follows; a bare hour ("7", "seven") is a time only with a date.
    /// </summary>
    private bool TryTimeThenDate(int i, out DateCandidate c)
    {
        c = default;
        int lead = Match(i, LexKind.TimeLead, out _);
        bool strict = TryTime(i, 0, out int seconds, out int tEnd, out bool meridiem);
        if (!strict)
        {
            // a bare hour ("7", "seven") is a time only before a date and after a lead, or before a comma or a preposition:
            // "at 7 tomorrow", "7, this morning", "seven on 15" (not "12 December 27", "four Monday")
            int next = i + lead + 1;
            if ((lead == 0 && !IsPunct(next, ',') && !Has(next, LexKind.DatePreposition)) || !TryTime(i, 1, out seconds, out tEnd, out meridiem))
            {
                return false;
            }
        }

        int j = SkipComma(tEnd);
        int prep = Match(j, LexKind.DatePreposition, out _);
        bool date = false;
        DateSpec a = default;
        int end = j;
        if (prep > 0 && Has(j, LexKind.RangeFrom) && TryRange(j, out _))
        {
            // "7 Uhr von Montag bis Freitag": the range stands alone
        }
        else if (TryAtom(j, allowBareDay: false, out a, out end) && a.IsSingleDay && a.Kind != SpecKind.Holiday)
        {
            date = true;
        }
        else if (prep > 0 && TryAtom(j + prep, allowBareDay: false, out a, out end) && a.IsSingleDay && a.Kind != SpecKind.Holiday)
        {
            date = true;
        }
        else if (prep > 0 && j + prep < _hi)
        {
            int k = j + prep;
            int wl = Match(k, LexKind.WeekdayAbbr, out int weekday);
            if (wl > 0)
            {
                // on Fri
                a = DateSpec.Of(SpecKind.Weekday);
                a.Weekday = weekday;
                end = k + wl;
                date = true;
            }
            else if (Has(j, LexKind.DayNumberLead) && _tokens[k].Kind == TokenKind.Number && TryDayNumber(k, out int day, out int dEnd) && ClauseEnd(dEnd))
            {
                // 8pm on 15
                a = DateSpec.Of(SpecKind.Day);
                a.Day = day;
                end = dEnd;
                date = true;
            }
        }

        if (date)
        {
            int dl = Match(end, LexKind.DayPart, out int part);
            if (dl > 0 && a.DayPart == 0)
            {
                // 7:00 on next Sunday afternoon
                a.DayPart = part;
                end += dl;
            }

            c = new DateCandidate { First = i + lead, End = end, A = a, Type = TimeExpressionType.DateTime, TimeSeconds = meridiem ? seconds : WithDayPart(seconds, a.DayPart) };
            return true;
        }

        if (!strict)
        {
            return false;
        }

        c = new DateCandidate { First = i, End = tEnd, Type = TimeExpressionType.Time, TimeSeconds = seconds };
        return true;
    }

    /// <summary>An hour without am/pm read in a part of the day: 8 in the evening = 20:00, 10 at night = 22:00.</summary>
    private static int WithDayPart(int seconds, int part)
    {
        int hour = seconds / 3600;
        bool pm = part switch
        {
            DateSpec.DayPartAfternoon or DateSpec.DayPartEvening => hour < 12,
            DateSpec.DayPartNight => hour is >= 6 and < 12,
            _ => false,
        };
        return pm ? seconds + (12 * 3600) : seconds;
    }

    private static TimeExpressionType Classify(in DateSpec a) =>
        a.Kind == SpecKind.TimeOffset ? TimeExpressionType.DateTime : a.IsSingleDay ? TimeExpressionType.Date : TimeExpressionType.DateRange;

    /// <summary>
    /// A clock reading: minutes or a fraction of an hour, past or to, and a whole hour: "half past five", "a quarter to
    /// seven", "twenty minutes past five", "20 min past eight in the evening", "20 Minuten nach 8". The hour is a bare hour
    /// (not before a noun or a number word: "by a quarter to 3 billion" is none); "half to" is no reading.
    /// </summary>
    private bool TryClockReading(int j, out int seconds, out int end, out bool meridiem)
    {
        seconds = 0;
        end = j;
        meridiem = false;
        int minutes, k;
        DateLexicon.ClockKind kind = _lex.Clock(Span(j), out int fraction);
        if (kind == DateLexicon.ClockKind.Fraction)
        {
            minutes = fraction;
            k = j + 1;
        }
        else if (_tokens[j].Kind is TokenKind.Word or TokenKind.Number && TryCount(j, out int n, out int cEnd, out bool article) && cEnd < _hi)
        {
            if (article && _lex.Clock(Span(cEnd), out fraction) == DateLexicon.ClockKind.Fraction)
            {
                minutes = fraction;
                k = cEnd + 1;
            }
            else if (!article && n is >= 1 and <= 59 && Match(cEnd, LexKind.Unit, out int uv) is > 0 and var ul && (DateUnit)uv == DateUnit.Minute)
            {
                minutes = n;
                k = cEnd + ul;
            }
            else
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (k >= _hi)
        {
            return false;
        }

        DateLexicon.ClockKind dir = _lex.Clock(Span(k), out int sign);
        if (dir is not (DateLexicon.ClockKind.Past or DateLexicon.ClockKind.To) || (dir == DateLexicon.ClockKind.To && minutes == 30) || k + 1 >= _hi)
        {
            return false;
        }

        if (_lex.Clock(Span(k + 1), out _) != DateLexicon.ClockKind.None || !TryTime(k + 1, 1, out int hour, out int hEnd, out meridiem) || hour % 3600 != 0
            || (hEnd < _hi && (Has(hEnd, LexKind.Number) || Has(hEnd, LexKind.Hundred) || Has(hEnd, LexKind.Thousand))))
        {
            return false;
        }

        seconds = ((hour + (sign * minutes * 60)) % 86400 + 86400) % 86400;
        end = hEnd;
        return true;
    }

    /// <summary>
    /// A time of day: [at|um] 10 a.m., 10:30, 8:00:25, 14 Uhr, 14.30 Uhr, 9p, noon, six pm, and where <paramref name="bareOk"/>
    /// allows it a bare hour (7, seven): 1 = not before a word the lexicon does not know ("at 3 sites"), 2 = anywhere; a part of the day after it ("8 in the evening", "9 Uhr morgens") sets am/pm.
    /// <paramref name="meridiem"/> tells whether am/pm was given (then a part of the day does not change the hour).
    /// </summary>
    private bool TryTime(int i, int bareOk, out int seconds, out int end, out bool meridiem)
    {
        seconds = 0;
        end = i;
        meridiem = false;
        int lead = Match(i, LexKind.TimeLead, out _);
        int j = i + lead;
        if (j >= _hi)
        {
            return false;
        }

        int wl = Match(j, LexKind.TimeWord, out int wordMinutes);
        if (wl > 0)
        {
            seconds = wordMinutes * 60;
            end = j + wl;
            meridiem = true;
            return true;
        }

        if (TryClockReading(j, out seconds, out end, out meridiem))
        {
            return true;
        }

        int h = 0, m = 0, sec = 0;
        bool am = false, pm = false, oclock = false, colon = false;
        Token t = _tokens[j];
        ReadOnlySpan<char> rest = default;
        if (t.Kind == TokenKind.Number)
        {
            ReadOnlySpan<char> s = Span(j);
            int k = 0;
            while (k < s.Length && char.IsAsciiDigit(s[k]) && k < 2)
            {
                h = (h * 10) + (s[k] - '0');
                k++;
            }

            // :mm and :ss
            for (int part = 0; part < 2 && k > 0 && k + 3 <= s.Length && (s[k] == ':' || (s[k] == '.' && part == 0)) && char.IsAsciiDigit(s[k + 1]) && char.IsAsciiDigit(s[k + 2]); part++)
            {
                int v = ((s[k + 1] - '0') * 10) + (s[k + 2] - '0');
                colon |= s[k] == ':';
                if (part == 0)
                {
                    m = v;
                }
                else
                {
                    sec = v;
                }

                k += 3;
            }

            if (k == 0 || h > 24 || m > 59 || sec > 59)
            {
                return false;
            }

            rest = s[k..];
        }
        else if (t.Kind == TokenKind.Word && t.Length > 2 && Match(j, LexKind.Number, out int hv) == 1 && hv is >= 1 and <= 12)
        {
            // seven, sieben
            h = hv;
        }
        else
        {
            return false;
        }

        int after = j + 1;
        if (rest.Length > 0)
        {
            // 8am, 9p, 8:45a
            am = GluedSuffix(rest, LexKind.Am) || GluedSuffix(rest, LexKind.AmGlued);
            pm = !am && (GluedSuffix(rest, LexKind.Pm) || GluedSuffix(rest, LexKind.PmGlued));
            if (!am && !pm)
            {
                return false;
            }
        }
        else
        {
            int len;
            if ((len = Match(after, LexKind.Am, out _)) > 0)
            {
                am = true;
                after += len;
            }
            else if ((len = Match(after, LexKind.Pm, out _)) > 0)
            {
                pm = true;
                after += len;
            }
        }

        int ol = Match(after, LexKind.OClock, out _);
        if (ol > 0)
        {
            oclock = true;
            after += ol;
        }

        // a part of the day after it (not "tonight", "Morgen": those name a day)
        int dayPart = 0;
        int dl = Has(after, LexKind.RelDay) ? 0 : Match(after, LexKind.DayPart, out dayPart);
        after += dl;
        if (!am && !pm && !oclock && !colon && dl == 0)
        {
            // a bare hour: only where the caller allows it, and (level 1) not before a noun ("at 3 sites")
            if (bareOk == 0 || m != 0 || (bareOk == 1 && after < _hi && _tokens[after].Kind is TokenKind.Word or TokenKind.Number && (Cands(after) is null || Has(after, LexKind.Unit))))
            {
                return false;
            }
        }

        if ((am || pm) && (h > 12 || h == 0))
        {
            return false;
        }

        if (pm && h < 12)
        {
            h += 12;
        }
        else if (am && h == 12)
        {
            h = 0;
        }

        meridiem = am || pm;
        seconds = (h % 24 * 3600) + (m * 60) + sec;
        if (!meridiem && dl > 0)
        {
            seconds = WithDayPart(seconds, dayPart);
            meridiem = true;
        }

        end = after;
        return true;
    }

    /// <summary>Whether the letters glued to a number are a one-token phrase of <paramref name="kind"/> (8am, 9p).</summary>
    private bool GluedSuffix(ReadOnlySpan<char> rest, LexKind kind)
    {
        LexPhrase[]? cands = _lex.Candidates(rest);
        if (cands is null)
        {
            return false;
        }

        foreach (LexPhrase p in cands)
        {
            if (p.Kind == kind && p.Tokens.Length == 1)
            {
                return true;
            }
        }

        return false;
    }

    // ---- durations ------------------------------------------------------------------------------------------

    private bool TryDuration(int i, out DateCandidate c)
    {
        c = default;
        int lead = Match(i, LexKind.DurationLead, out _);
        int j = i + lead;
        Token t = j < _hi ? _tokens[j] : default;
        if (j < _hi && t.Kind == TokenKind.Word && t.Has(TokenFlags.Hyphenated))
        {
            // two-day, 10-day
            ReadOnlySpan<char> s = Span(j);
            int h = s.IndexOfAny(CharClassHyphens);
            if (h > 0 && NumberValue(s[..h], out int n) && UnitAdjective(s[(h + 1)..], out DateUnit unit))
            {
                c = new DateCandidate { First = j, End = j + 1, Type = TimeExpressionType.Duration, DurationCount = n, DurationUnit = unit };
                return true;
            }
        }

        if (!TryCount(j, out int count, out int nEnd, out bool article))
        {
            return false;
        }

        int ul = Match(nEnd, LexKind.Unit, out int uv);
        if (ul == 0 || (article && lead == 0) || (count < 2 && lead == 0))
        {
            return false;
        }

        c = new DateCandidate { First = j, End = nEnd + ul, Type = TimeExpressionType.Duration, DurationCount = count, DurationUnit = (DateUnit)uv };
        return true;
    }

    private static readonly SearchValues<char> CharClassHyphens = SearchValues.Create("-\u2010\u2011");

    private bool NumberValue(ReadOnlySpan<char> s, out int n)
    {
        n = 0;
        if (s.Length is > 0 and <= 3 && int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out n))
        {
            return n > 0;
        }

        LexPhrase[]? cands = _lex.Candidates(s);
        if (cands is null)
        {
            return false;
        }

        foreach (LexPhrase p in cands)
        {
            if (p.Kind == LexKind.Number && p.Tokens.Length == 1)
            {
                n = p.Value;
                return true;
            }
        }

        return false;
    }

    private bool UnitAdjective(ReadOnlySpan<char> s, out DateUnit unit)
    {
        unit = DateUnit.Day;
        LexPhrase[]? cands = _lex.Candidates(s);
        if (cands is null)
        {
            return false;
        }

        foreach (LexPhrase p in cands)
        {
            if (p.Kind is LexKind.UnitAdjective && p.Tokens.Length == 1)
            {
                unit = (DateUnit)p.Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>A count: digits or a number word (<c>three</c>, <c>a couple of</c>).</summary>
    private bool TryCount(int i, out int count, out int end, out bool article)
    {
        count = 0;
        end = i;
        article = false;
        if (i >= _hi)
        {
            return false;
        }

        Token t = _tokens[i];
        if (t.Kind == TokenKind.Number)
        {
            ReadOnlySpan<char> s = Span(i);
            if (s.Length <= 3 && int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) && count > 0)
            {
                end = i + 1;
                return true;
            }

            return false;
        }

        int len = Match(i, LexKind.Number, out count);
        if (len == 0)
        {
            return false;
        }

        article = count == 1 && Span(i).Length <= 5 && !DateLexicon.TokenEquals(Span(i), "one");
        end = i + len;
        return true;
    }

    // ---- atoms ----------------------------------------------------------------------------------------------

    /// <summary>One date expression that is not a range. <paramref name="allowBareDay"/> accepts a lone day number (inside ranges).</summary>
    private bool TryAtom(int i, bool allowBareDay, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        if (i >= _hi)
        {
            return false;
        }

        // The range, open-range, anchored and date+time matchers all ask for an atom at the same positions: memoize.
        int k = i - _lo;
        if ((uint)k >= (uint)_atoms.Length)
        {
            return TryAtomCore(i, allowBareDay, out spec, out end);
        }

        // a lone day is only possible at a number or an ordinal word: elsewhere both variants give the same answer
        allowBareDay = allowBareDay && (_tokens[i].Kind == TokenKind.Number || Has(i, LexKind.Ordinal));
        ref AtomMemo m = ref _atoms[k];
        if (allowBareDay ? m.Stamp1 == _stamp : m.Stamp0 == _stamp)
        {
            spec = allowBareDay ? m.Spec1 : m.Spec0;
            end = allowBareDay ? m.End1 : m.End0;
            return allowBareDay ? m.Ok1 : m.Ok0;
        }

        bool ok = TryAtomCore(i, allowBareDay, out spec, out end);
        if (allowBareDay)
        {
            m.Stamp1 = _stamp;
            m.Ok1 = ok;
            m.Spec1 = spec;
            m.End1 = end;
        }
        else
        {
            m.Stamp0 = _stamp;
            m.Ok0 = ok;
            m.Spec0 = spec;
            m.End0 = end;
        }

        return ok;
    }

    private bool TryAtomCore(int i, bool allowBareDay, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        Token t = _tokens[i];
        ulong k = KindsAt(i);
        if (t.Kind == TokenKind.Word && k == 0 && !t.Has(TokenFlags.Hyphenated) && !t.Has(TokenFlags.Alphanumeric))
        {
            // every matcher starts at a lexicon word, a number or a hyphenated/alphanumeric token
            return false;
        }

        // per-token pre-checks: a matcher whose first word must be of some kinds is skipped when the token has none of them
        return (Any(k, RelStart | Bit(LexKind.Holiday)) && TryHoliday(i, out spec, out end))
            || TryEra(i, out spec, out end)
            || (Any(k, Bit(LexKind.WeekendLead)) && TryWeekendLead(i, out spec, out end))
            || (Any(k, Bit(LexKind.WeekOf)) && TryWeekOf(i, out spec, out end))
            || (Any(k, Bit(LexKind.Article) | Bit(LexKind.Unit)) && TryUnitTwoSteps(i, out spec, out end))
            || TryNthOf(i, out spec, out end)
            || TryQuarterToken(i, out spec, out end)
            || (Any(k, Bit(LexKind.Unit)) && TryWeekNumber(i, out spec, out end))
            || TryPart(i, out spec, out end)
            || (Any(k, Bit(LexKind.Later) | Bit(LexKind.Earlier)) && TryLaterEarlier(i, out spec, out end))
            || TryCounted(i, out spec, out end)
            || (Any(k, RelStart) && TryRelative(i, out spec, out end))
            || TryOffset(i, out spec, out end)
            || TryWeekday(i, out spec, out end)
            || (Any(k, Bit(LexKind.RelDay) | Bit(LexKind.This)) && TryRelDay(i, out spec, out end))
            || (Any(k, Bit(LexKind.Season) | Bit(LexKind.Article)) && TrySeason(i, out spec, out end))
            || TrySpacedYearMonth(i, out spec, out end)
            || TryMixedMonth(i, out spec, out end)
            || TryYearThenMonth(i, out spec, out end)
            || TryNumericAtom(i, k, out spec, out end)
            || TryAbsolute(i, allowBareDay, out spec, out end)
            || TryDecade(i, out spec, out end)
            || TryTheDay(i, out spec, out end)
            || TryYearWordYear(i, out spec, out end)
            || TrySpelledYearAlone(i, out spec, out end);
    }

    /// <summary>
    /// Month names written between numbers with one separator: "2019-sep-1", "Sep-23-2020", "Dec-2018" (one hyphenated
    /// token), "2019/aug/01", "22/Jan/2019", "2020/23/Sep", "Jan/3" (glued tokens); year and quarter or half: "2019-Q1",
    /// "q1-2019", "2019-H2", "2016H2". Exactly one part is a month (or a quarter), the others a 4-digit year and a day.
    /// </summary>
    private bool TryMixedMonth(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        Token t = _tokens[i];
        bool hyphenated = t.Has(TokenFlags.Hyphenated);
        if (!hyphenated && !(t.Kind == TokenKind.Number && t.Has(TokenFlags.Alphanumeric) && t.Length == 6)
            && !(i + 2 < _hi && _tokens[i + 1].Kind == TokenKind.Punctuation && _tokens[i + 1].Length == 1 && _tokens[i + 1].Has(TokenFlags.Glued)
                && _text[_tokens[i + 1].Start] is '/' or '-' && _tokens[i + 2].Has(TokenFlags.Glued) && (t.Kind == TokenKind.Word || _tokens[i + 2].Kind == TokenKind.Word)))
        {
            return false;
        }

        Span<int> starts = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        int count = 0;
        if (hyphenated)
        {
            ReadOnlySpan<char> s = Span(i);
            int p = 0;
            while (count < 3)
            {
                int dash = s[p..].IndexOfAny(CharClassHyphens);
                starts[count] = t.Start + p;
                lengths[count++] = dash < 0 ? s.Length - p : dash;
                if (dash < 0)
                {
                    break;
                }

                p += dash + 1;
                if (count == 3)
                {
                    return false;
                }
            }

            end = i + 1;
        }
        else if (t.Kind == TokenKind.Number && t.Has(TokenFlags.Alphanumeric))
        {
            // 2016H2
            starts[0] = t.Start;
            lengths[0] = 4;
            starts[1] = t.Start + 4;
            lengths[1] = 2;
            count = 2;
            end = i + 1;
        }
        else
        {
            char sep = _text[_tokens[i + 1].Start];
            int k = i;
            while (count < 3 && k < _hi && (_tokens[k].Kind is TokenKind.Word or TokenKind.Number) && !_tokens[k].Has(TokenFlags.Hyphenated))
            {
                starts[count] = _tokens[k].Start;
                lengths[count++] = _tokens[k].Length;
                end = k + 1;
                if (!(IsPunct(k + 1, sep) && _tokens[k + 1].Has(TokenFlags.Glued) && k + 2 < _hi && _tokens[k + 2].Has(TokenFlags.Glued)))
                {
                    break;
                }

                k += 2;
            }

            if (IsPunct(end, sep) && _tokens[end].Has(TokenFlags.Glued) && end + 1 < _hi && _tokens[end + 1].Has(TokenFlags.Glued))
            {
                return false;
            }
        }

        if (count < 2)
        {
            return false;
        }

        int month = 0, year = 0, day = 0, sub = 0, subN = 0;
        for (int p = 0; p < count; p++)
        {
            ReadOnlySpan<char> part = _text.AsSpan(starts[p], lengths[p]);
            if (part.Length == 4 && int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int y) && y is >= 1000 and <= 2999 && year == 0)
            {
                year = y;
            }
            else if (part.Length is 1 or 2 && int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int d) && d is >= 1 and <= 31 && day == 0)
            {
                day = d;
            }
            else if (month == 0 && sub == 0 && part.Length >= 3 && MonthValue(part, out int m))
            {
                // "Nov 18 2014-Dec 19 2015": a month at the end of the token followed by a day starts the next date
                if (p == count - 1 && hyphenated && TryDayNumber(end, out _, out _))
                {
                    return false;
                }

                month = m;
            }
            else if (month == 0 && sub == 0 && QuarterToken(part, out int qs, out int qn))
            {
                sub = qs;
                subN = qn;
            }
            else
            {
                return false;
            }
        }

        if (sub != 0)
        {
            if (year == 0 || day != 0 || count != 2)
            {
                return false;
            }

            spec = DateSpec.Of(SpecKind.Year);
            spec.Year = year;
            spec.Sub = sub;
            spec.SubN = subN;
            return true;
        }

        if (month == 0 || (count == 3 && (year == 0 || day == 0)))
        {
            return false;
        }

        spec = DateSpec.Of(day != 0 ? SpecKind.Day : SpecKind.Month);
        spec.Month = month;
        spec.Day = day;
        spec.Year = year;
        if (day != 0 && year == 0 && TryYearAt(SkipComma(end), out int after, out int afterEnd))
        {
            // Oct-2, 2019
            spec.Year = after;
            end = afterEnd;
        }

        return true;
    }

    /// <summary>A year, then a month name: "2016 November", "2016 june", "2016, nov" (not the modal "may").</summary>
    private bool TryYearThenMonth(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        if (_tokens[i].Kind != TokenKind.Number || _tokens[i].Length != 4 || !TryYearAt(i, out int year, out int yEnd))
        {
            return false;
        }

        int k = SkipComma(yEnd);
        if (k >= _hi || _tokens[k].Kind != TokenKind.Word)
        {
            return false;
        }

        int ml = MatchEither(k, LexKind.Month, LexKind.MonthAbbr, out int month);

        // a full month name in lower case ("may", "march") only at the end of the clause: "2016 june", not "2016 may see"
        if (ml == 0 || (!_tokens[k].Has(TokenFlags.Capitalized) && Has(k, LexKind.Month) && !ClauseEnd(k + ml)) || TryDayNumber(k + ml, out _, out _))
        {
            return false;
        }

        spec = DateSpec.Of(SpecKind.Month);
        spec.Month = month;
        spec.Year = year;
        end = k + ml;
        return true;
    }

    /// <summary>Year and month number with spaces around the separator: "2016 - 05", "2016 /05", "05/ 2016", "11 - 2016".</summary>
    private bool TrySpacedYearMonth(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        if (i + 2 >= _hi || _tokens[i].Kind != TokenKind.Number || _tokens[i + 1].Kind != TokenKind.Punctuation || _tokens[i + 2].Kind != TokenKind.Number
            || _tokens[i + 1].Length != 1 || _text[_tokens[i + 1].Start] is not ('-' or '/' or '.')
            || (_tokens[i + 1].Has(TokenFlags.Glued) && _tokens[i + 2].Has(TokenFlags.Glued)))
        {
            return false;
        }

        int year, month;
        if (_tokens[i].Length == 4 && _tokens[i + 2].Length == 2)
        {
            year = Digits(i);
            month = Digits(i + 2);
        }
        else if (_tokens[i].Length == 2 && _tokens[i + 2].Length == 4)
        {
            month = Digits(i);
            year = Digits(i + 2);
        }
        else
        {
            return false;
        }

        // not a longer numeric run or a count ("2016 - 05 - 03", "05 - 2016 people")
        int e = i + 3;
        if (year is < 1000 or > 2999 || month is < 1 or > 12 || (e < _hi && (_tokens[e].Kind == TokenKind.Number || (_tokens[e].Kind == TokenKind.Punctuation && _text[_tokens[e].Start] is '-' or '/' && e + 1 < _hi && _tokens[e + 1].Kind == TokenKind.Number))) || Has(e, LexKind.Unit))
        {
            return false;
        }

        spec = DateSpec.Of(SpecKind.Month);
        spec.Year = year;
        spec.Month = month;
        end = e;
        return true;
    }

    /// <summary>The value of an all-digit token (-1 if it has other characters).</summary>
    private int Digits(int i)
    {
        ReadOnlySpan<char> s = Span(i);
        return int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int v) ? v : -1;
    }

    /// <summary>A year after a year word: "year 2008", "Jahr 2009".</summary>
    private bool TryYearWordYear(int i, out DateSpec spec, out int end)
    {
        spec = default;
        int yl = Match(i, LexKind.YearWord, out _);
        if (yl == 0 || Has(i, LexKind.Article) || !TryYearAt(i + yl, out int year, out end))
        {
            end = i;
            return false;
        }

        spec = DateSpec.Of(SpecKind.Year);
        spec.Year = year;
        return true;
    }

    /// <summary>
    /// A counted period up to or from the reference date: "next 3 days", "the last two years", "past 3 weeks",
    /// "10 previous weeks", "5 upcoming years", "letzten drei Monate".
    /// </summary>
    private bool TryCounted(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int count, cEnd, rel, rl, j;
        int wl = Match(i, LexKind.Within, out _);
        if (wl > 0)
        {
            // within 5 days: from the reference date on
            int uv0 = 0;
            int w = i + wl;
            int wa = Match(w, LexKind.Article, out _);
            int wn = Match(w + wa, LexKind.Next, out int wRel);
            if (wn > 0 && wRel > 0)
            {
                // "within the next 3 years", "within next 10 months": the same days as "within 3 years"
                w += wa + wn;
            }

            int ul0 = TryCount(w, out count, out cEnd, out _) ? Match(cEnd, LexKind.Unit, out uv0) : 0;
            if (ul0 == 0 || (DateUnit)uv0 is DateUnit.Weekend or DateUnit.Half or DateUnit.Hour or DateUnit.Minute)
            {
                return false;
            }

            spec = DateSpec.Of(SpecKind.Counted);
            spec.Unit = (DateUnit)uv0;
            spec.N = count;
            spec.Rel = 0;
            end = cEnd + ul0;
            ExtendCounted(ref spec, ref end);
            return true;
        }

        if (TryCount(i, out count, out cEnd, out bool article) && !article)
        {
            // 10 previous weeks
            rl = MatchEither(cEnd, LexKind.Next, LexKind.Last, out rel);

            j = cEnd + rl;
        }
        else
        {
            rl = MatchEither(i, LexKind.Next, LexKind.Last, out rel);

            if (rl == 0 || !TryCount(i + rl, out count, out cEnd, out article) || article)
            {
                return false;
            }

            j = cEnd;
        }

        if (rl == 0 || rel == 0 || count < 1)
        {
            return false;
        }

        int ul = Match(j, LexKind.Unit, out int uv);
        if (ul == 0 || (DateUnit)uv is DateUnit.Weekend or DateUnit.Half or DateUnit.Hour or DateUnit.Minute)
        {
            return false;
        }

        spec = DateSpec.Of(SpecKind.Counted);
        spec.Unit = (DateUnit)uv;
        spec.N = rel > 0 ? count : -count;
        end = j + ul;
        ExtendCounted(ref spec, ref end);
        return true;
    }

    /// <summary>
    /// More counts of units after a counted period: "within 5 years 1 month 12 days", "last 3 months and 2 weeks and 2 days"
    /// (months and days added up; the days go to <see cref="DateSpec.ExtraDays"/>). Not when "ago"/"later" follows the
    /// counts: those belong to an offset ("last 3 months and 2 days ago").
    /// </summary>
    private void ExtendCounted(ref DateSpec spec, ref int end)
    {
        int n = Math.Abs(spec.N);
        int months = 0, days = 0;
        switch (spec.Unit)
        {
            case DateUnit.Year: months = 12 * n; break;
            case DateUnit.Quarter: months = 3 * n; break;
            case DateUnit.Month: months = n; break;
            case DateUnit.Week or DateUnit.WorkWeek: days = 7 * n; break;
            case DateUnit.Fortnight: days = 14 * n; break;
            case DateUnit.Day: days = n; break;
            default: return;
        }

        if (CompoundParts(end + PartSeparator(end), ref months, ref days, out int e) == 0 || Has(e, LexKind.OffsetPastAfter) || Has(e, LexKind.OffsetFutureAfter))
        {
            return;
        }

        int sign = spec.N < 0 ? -1 : 1;
        spec.Unit = months != 0 ? DateUnit.Month : DateUnit.Day;
        spec.N = sign * (months != 0 ? months : days);
        spec.ExtraDays = months != 0 ? days : 0;
        end = e;
    }

    /// <summary>A decade: 1990s, the 1970s, the 1970's, the 70s (two digits only after the article).</summary>
    private bool TryDecade(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int al = Match(i, LexKind.Article, out _);
        int j = i + al;
        if (j >= _hi || _tokens[j].Kind != TokenKind.Number)
        {
            return false;
        }

        ReadOnlySpan<char> s = Span(j);
        int k = 0;
        while (k < s.Length && char.IsAsciiDigit(s[k]))
        {
            k++;
        }

        if (k is not (2 or 4) || s[k - 1] != '0' || (k == 2 && al == 0))
        {
            return false;
        }

        int e = j + 1;
        if (k == s.Length - 1 && s[k] is 's' or 'S')
        {
            // 1990s
        }
        else if (k == s.Length && e < _hi && _tokens[e].Has(TokenFlags.Glued) && DateLexicon.TokenEquals(Span(e), "'s"))
        {
            e++;
        }
        else
        {
            return false;
        }

        int year = int.Parse(s[..k], System.Globalization.CultureInfo.InvariantCulture);
        spec = DateSpec.Of(SpecKind.Decade);
        spec.Year = k == 4 ? year : 1900 + year;
        end = e;
        return true;
    }

    /// <summary>A day of the month alone after the article: "the 27th", "the 21st" (not "the 18th century").</summary>
    private bool TryTheDay(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int al = Match(i, LexKind.Article, out _);
        int j = i + al;
        if (j >= _hi || _tokens[j].Kind != TokenKind.Number || !TryDayNumber(j, out int day, out int dEnd))
        {
            return false;
        }

        // without the article: a marked ordinal (15., 15th) right after a date preposition ("am 15.", "on 15th"), or a
        // plain number after "on" at the end of the clause ("on 15")
        bool marked = dEnd > j + 1 || _tokens[j].Has(TokenFlags.Alphanumeric);
        bool lowerWordAfter = dEnd < _hi && _tokens[dEnd].Kind == TokenKind.Word && !_tokens[dEnd].Has(TokenFlags.Capitalized) && !_tokens[dEnd].Has(TokenFlags.AllUpper);
        if (!BareDayEnds(dEnd) && !(al == 0 && marked && i > 0 && Has(i - 1, LexKind.DayNumberLead) && lowerWordAfter && !Has(dEnd, LexKind.Unit)))
        {
            // "the 18th century", "the 27 leaders"; but "am 15. zurück" (a marked day after "am", before a lower-case word)
            return false;
        }

        bool plainEnd = ClauseEnd(dEnd);
        if (al == 0 && (i == 0 || !Has(i - 1, LexKind.DatePreposition) || (!marked && !(plainEnd && Has(i - 1, LexKind.DayNumberLead)))))
        {
            return false;
        }

        spec = DateSpec.Of(SpecKind.Day);
        spec.Day = day;
        end = dEnd;
        return true;
    }

    /// <summary>Whether token <paramref name="i"/> ends a clause: the end, a line break, or punctuation that does not join two numbers ("4-22").</summary>
    private bool ClauseEnd(int i)
    {
        if (i >= _hi || _tokens[i].Kind is TokenKind.LineBreak or TokenKind.ParagraphBreak)
        {
            return true;
        }

        return _tokens[i].Kind == TokenKind.Punctuation && _text[_tokens[i].Start] is not ('-' or '/' or '\u2013' or ':')
            && !(i + 1 < _hi && _tokens[i + 1].Kind == TokenKind.Number && _tokens[i + 1].Has(TokenFlags.Glued));
    }

    /// <summary>Whether token <paramref name="i"/> may continue an expression: a lexicon word, a number, punctuation or a hyphenated/alphanumeric word.</summary>
    private bool IsLexiconOrNumber(int i)
    {
        if (i >= _hi)
        {
            return false;
        }

        Token t = _tokens[i];
        return t.Kind != TokenKind.Word || t.Has(TokenFlags.Hyphenated) || t.Has(TokenFlags.Alphanumeric) || Cands(i) is not null
            || _lex.Era(Span(i), out _) != DateLexicon.EraKind.None;
    }

    /// <summary>
    /// Decades and centuries: "the seventies", "the nineteen seventies", "the twenty-tens", "the two thousand and tens",
    /// "the two thousands", "the noughties", "Die zweitausender"; "this decade", "the next decade", "the past 2 decades";
    /// "the 15th century", "21st century", "twenty first century". A decade in words needs the article before it.
    /// </summary>
    private bool TryEra(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        Token t = _tokens[i];
        if (t.Kind == TokenKind.Number ? !t.Has(TokenFlags.Alphanumeric) && !(_lex.OrdinalPeriod && IsPunct(i + 1, '.'))
            : t.Kind != TokenKind.Word || (KindsAt(i) & EraStarters) == 0)
        {
            // cheap pre-check: an era starts with an ordinal number, an article, this/next/last or an ordinal word
            return false;
        }

        // an ordinal and a century: 15th century, twenty first century
        if (TryDayNumber(i, out int nth, out int nEnd) && (t.Kind == TokenKind.Word || MarkedDay(i, nEnd)) && nEnd < _hi
            && _lex.Era(Span(nEnd), out _) == DateLexicon.EraKind.CenturyUnit)
        {
            // "the 18th century palace": an attribute of the noun after it, not a time
            end = nEnd + 1;
            if (end < _hi && _tokens[end].Kind == TokenKind.Word && !_tokens[end].Has(TokenFlags.Capitalized) && Cands(end) is null)
            {
                return false;
            }

            spec = DateSpec.Of(SpecKind.Decade);
            spec.Year = (nth - 1) * 100;
            spec.N = 100;
            return spec.Year > 0;
        }

        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        int al = Match(i, LexKind.Article, out _);
        int j = i + al;
        if (j >= _hi)
        {
            return false;
        }

        // this decade, the next decade, the past 2 decades, the last two decades
        int rl = RelWord(j, out int rel);
        if (rl > 0)
        {
            int k = j + rl;
            int count = 1;
            if (TryCount(k, out int n, out int cEnd, out _))
            {
                count = n;
                k = cEnd;
            }

            if (k < _hi && _lex.Era(Span(k), out _) == DateLexicon.EraKind.DecadeUnit && count is >= 1 and <= 100)
            {
                spec = DateSpec.Of(SpecKind.Decade);
                spec.Rel = rel;
                spec.N = rel == 0 ? 10 : 10 * count;
                end = k + 1;
                return true;
            }

            return false;
        }

        if (al == 0)
        {
            return false;
        }

        // the twenty-tens: a century and a decade in one hyphenated token
        ReadOnlySpan<char> w = Span(j);
        int dash = _tokens[j].Has(TokenFlags.Hyphenated) ? w.IndexOfAny(CharClassHyphens) : -1;
        if (dash > 0 && _lex.Era(w[..dash], out int c0) == DateLexicon.EraKind.DecadeCentury && _lex.Era(w[(dash + 1)..], out int d0) == DateLexicon.EraKind.Decade && d0 is >= 0 and < 100)
        {
            return EraDecade(c0 + d0, j + 1, out spec, out end);
        }

        DateLexicon.EraKind kind = _lex.Era(w, out int v);
        if (kind == DateLexicon.EraKind.Decade && v >= 0)
        {
            // the seventies (v < 100: the latest such decade), the noughties, die zweitausender
            return EraDecade(v, j + 1, out spec, out end);
        }

        if (kind == DateLexicon.EraKind.DecadeCentury && j + 1 < _hi && _lex.Era(Span(j + 1), out int d1) == DateLexicon.EraKind.Decade && d1 is >= 0 and < 100)
        {
            // the nineteen seventies
            return EraDecade(v + d1, j + 2, out spec, out end);
        }

        // the two thousands, the two thousand and tens
        int nl = Match(j, LexKind.Number, out int thousands);
        int tl = nl > 0 ? Match(j + nl, LexKind.Thousand, out _) : 0;
        int m = j + nl;
        if (nl > 0 && tl == 0 && m < _hi && _lex.Era(Span(m), out int all) == DateLexicon.EraKind.Decade && all == -1)
        {
            return EraDecade(thousands * 1000, m + 1, out spec, out end);
        }

        if (tl > 0)
        {
            m += tl;
            m += Match(m, LexKind.NumberAnd, out _);
            if (m < _hi && _lex.Era(Span(m), out int d2) == DateLexicon.EraKind.Decade && d2 is > 0 and < 100)
            {
                return EraDecade((thousands * 1000) + d2, m + 1, out spec, out end);
            }
        }

        return false;
    }

    private static bool EraDecade(int year, int end0, out DateSpec spec, out int end)
    {
        spec = DateSpec.Of(SpecKind.Decade);
        spec.Year = year;
        end = end0;
        return true;
    }

    /// <summary>Whether a bare day number may end at <paramref name="end"/>: not followed by a noun, unit, month or "of".</summary>
    private bool BareDayEnds(int end)
    {
        if (end >= _hi || _tokens[end].Kind != TokenKind.Word)
        {
            if (end + 1 < _hi && _tokens[end].Has(TokenFlags.Glued) && _tokens[end + 1].Has(TokenFlags.Glued) && _tokens[end + 1].Kind == TokenKind.Number
                && _text[_tokens[end].Start] is '-' or '/')
            {
                // a compound number: "the 9-1/8 debentures", "the 20-25 largest"
                return false;
            }

            return end >= _hi || _tokens[end].Kind is TokenKind.Punctuation or TokenKind.LineBreak or TokenKind.ParagraphBreak;
        }

        int rl = MatchEither(end, LexKind.Next, LexKind.Last, out _);

        if (rl > 0 && Has(end + rl, LexKind.Unit))
        {
            // a count: "the 5 upcoming years", "the 10 previous weeks"
            return false;
        }

        return Cands(end) is not null && !Has(end, LexKind.Unit) && !Has(end, LexKind.Of) && !Has(end, LexKind.Month) && !Has(end, LexKind.MonthAbbr) && !Has(end, LexKind.Number)
            && !Has(end, LexKind.OClock) && !Has(end, LexKind.Am) && !Has(end, LexKind.Pm);
    }

    /// <summary>
    /// The N-th part of a period: "the third week of this month", "the last week of July", "the first Friday of next month",
    /// "the 20th of next month", "the third quarter of 2016", "the 9th month of next year", "der dritten Woche des Monats".
    /// </summary>
    private bool TryNthOf(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int j = i + Match(i, LexKind.Article, out _);
        int n;
        int ol = Match(j, LexKind.Ordinal, out n);
        if (ol == 0)
        {
            if (j >= _hi || _tokens[j].Kind != TokenKind.Number || !TryDayNumber(j, out n, out int dEnd) || Span(j).Length <= 2)
            {
                return false;
            }

            // a number with an ordinal suffix or period (20th, 3.)
            ol = dEnd - j;
        }

        int k = j + ol;
        int sub = DateSpec.SubDay;
        int weekday = 0;
        int ul = Match(k, LexKind.Unit, out int uv);
        if (ul > 0)
        {
            sub = (DateUnit)uv switch
            {
                DateUnit.Week => DateSpec.SubWeek,
                DateUnit.Quarter => DateSpec.SubQuarter,
                DateUnit.Half => DateSpec.SubHalf,
                DateUnit.Month => DateSpec.SubMonth,
                DateUnit.Day => DateSpec.SubDay,
                _ => 0,
            };
            if (sub == 0)
            {
                return false;
            }

            k += ul;
        }
        else if (Match(k, LexKind.Weekday, out weekday) is int wl && wl > 0)
        {
            sub = DateSpec.SubWeekday;
            k += wl;
        }
        else if (n < 1)
        {
            return false;
        }

        int of = MatchEither(k, LexKind.NthOf, LexKind.Of, out _);

        int p = k + of;
        if (!TryPeriodOf(p, requireOf: of == 0, out spec, out end))
        {
            if (of == 0 && ul > 0 && ol > 0 && sub is DateSpec.SubQuarter or DateSpec.SubHalf && n >= 1 && n <= (sub == DateSpec.SubQuarter ? 4 : 2)
                && !(k < _hi && Any(KindsAt(k), Bit(LexKind.Month) | Bit(LexKind.MonthAbbr))))
            {
                // "in the first quarter", "the second half": of the reference year (or the one before: YearFromDirection)
                spec = ImplicitYear();
                spec.Sub = sub;
                spec.SubN = n;
                end = k;
                return true;
            }

            if (sub != DateSpec.SubWeekday || weekday == 0 || n < 1)
            {
                return false;
            }

            // second Sunday: of this month
            spec = DateSpec.Of(SpecKind.RelPeriod);
            spec.Unit = DateUnit.Month;
            spec.Rel = 0;
            end = k;
        }

        bool fits = sub switch
        {
            DateSpec.SubWeek => spec.Kind is SpecKind.Month or SpecKind.Year || (spec.Kind == SpecKind.RelPeriod && spec.Unit is DateUnit.Month or DateUnit.Year),
            DateSpec.SubDay or DateSpec.SubWeekday => spec.Kind == SpecKind.Month || (spec.Kind == SpecKind.RelPeriod && spec.Unit == DateUnit.Month),
            _ => spec.Kind == SpecKind.Year || (spec.Kind == SpecKind.RelPeriod && spec.Unit == DateUnit.Year),
        };
        if (!fits || (sub == DateSpec.SubDay && ul == 0 && of == 0))
        {
            return false;
        }

        spec.Sub = sub;
        spec.SubN = n;
        spec.SubWeekdayValue = weekday;
        return true;
    }

    /// <summary>The period after "of": this/next month, July, 2016, the year, des Monats.</summary>
    private bool TryPeriodOf(int p, bool requireOf, out DateSpec spec, out int end)
    {
        if (TryRelative(p, out spec, out end))
        {
            return true;
        }

        if (TryYearAt(p, out int year, out end))
        {
            spec = DateSpec.Of(SpecKind.Year);
            spec.Year = year;
            return true;
        }

        if (requireOf)
        {
            return false;
        }

        if (TryMonthYear(p, requireContext: false, out spec, out end) && spec.Kind == SpecKind.Month)
        {
            return true;
        }

        int al = Match(p, LexKind.MonthAbbr, out int abbrMonth);
        if (al > 0)
        {
            // the first week of Oct
            spec = DateSpec.Of(SpecKind.Month);
            spec.Month = abbrMonth;
            end = p + al + (IsPunct(p + al, '.') && p + al + 1 < _hi ? 1 : 0);
            return true;
        }

        int q = p + Match(p, LexKind.Article, out _);
        int ul = Match(q, LexKind.Unit, out int uv);
        if (ul > 0 && (DateUnit)uv is DateUnit.Month or DateUnit.Year)
        {
            spec = DateSpec.Of(SpecKind.RelPeriod);
            spec.Unit = (DateUnit)uv;
            spec.Rel = 0;
            end = q + ul;
            if (TryYearAt(end, out int y, out int yEnd) && spec.Unit == DateUnit.Year)
            {
                spec = DateSpec.Of(SpecKind.Year);
                spec.Year = y;
                end = yEnd;
            }

            return true;
        }

        spec = default;
        end = p;
        return false;
    }

    /// <summary>Quarter and half designators: Q3 2016, 2016 Q3, Q3 this year, H1 2016, 2016H2.</summary>
    private bool TryQuarterToken(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int year = 0;
        int k = i;
        if (TryYearAt(i, out int y0, out int yEnd) && yEnd < _hi && QuarterToken(Span(yEnd), out _, out _))
        {
            year = y0;
            k = yEnd;
        }

        if (!QuarterToken(Span(k), out int sub, out int n) && !(OrdinalUnitToken(k, out sub, out n) && !(k + 1 < _hi && Any(KindsAt(k + 1), Bit(LexKind.Month) | Bit(LexKind.MonthAbbr)))))
        {
            // "first-half August shipments" is half a month
            return false;
        }

        end = k + 1;
        if (year == 0)
        {
            if (TryYearAt(end, out int y1, out int y1End))
            {
                year = y1;
                end = y1End;
            }
            else if (TryRelative(end, out DateSpec rel, out int rEnd) && rel.Kind == SpecKind.RelPeriod && rel.Unit == DateUnit.Year)
            {
                spec = rel;
                end = rEnd;
            }
        }

        if (spec.Kind == SpecKind.None)
        {
            spec = year != 0 ? DateSpec.Of(SpecKind.Year) : ImplicitYear();
            spec.Year = year;
        }

        spec.Sub = sub;
        spec.SubN = n;
        return true;
    }

    /// <summary>"week 23", "week 3 of 2027", "Woche 12": the ISO week of the year.</summary>
    private bool TryWeekNumber(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int ul = Match(i, LexKind.Unit, out int uv);
        int k = i + ul;
        if (ul == 0 || (DateUnit)uv != DateUnit.Week || k >= _hi || _tokens[k].Kind != TokenKind.Number || _tokens[k].Length > 2
            || !int.TryParse(Span(k), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n is < 1 or > 53
            || Has(k + 1, LexKind.Unit))
        {
            return false;
        }

        end = k + 1;
        int of = Match(end, LexKind.Of, out _);
        if (TryYearAt(end + of, out int year, out int yEnd))
        {
            spec = DateSpec.Of(SpecKind.Year);
            spec.Year = year;
            end = yEnd;
        }
        else
        {
            spec = DateSpec.Of(SpecKind.RelPeriod);
            spec.Unit = DateUnit.Year;
            spec.Rel = 0;
        }

        spec.Sub = DateSpec.SubWeek;
        spec.SubN = n;
        return true;
    }

    /// <summary>The reference year for a quarter or half written without one (see <see cref="DateSpec.YearFromDirection"/>).</summary>
    private static DateSpec ImplicitYear()
    {
        DateSpec spec = DateSpec.Of(SpecKind.RelPeriod);
        spec.Unit = DateUnit.Year;
        spec.Rel = 0;
        spec.YearFromDirection = true;
        return spec;
    }

    /// <summary>An ordinal and a quarter or half joined by a hyphen in one token: "first-quarter", "second-half" (as adjectives in news).</summary>
    private bool OrdinalUnitToken(int i, out int sub, out int n)
    {
        sub = 0;
        n = 0;
        if (!_tokens[i].Has(TokenFlags.Hyphenated))
        {
            return false;
        }

        ReadOnlySpan<char> s = Span(i);
        int h = s.IndexOfAny(CharClassHyphens);
        if (h <= 0 || !SingleWordValue(s[..h], LexKind.Ordinal, out n) || !SingleWordValue(s[(h + 1)..], LexKind.Unit, out int unit))
        {
            return false;
        }

        sub = (DateUnit)unit switch { DateUnit.Quarter => DateSpec.SubQuarter, DateUnit.Half => DateSpec.SubHalf, _ => 0 };
        return sub != 0 && n >= 1 && n <= (sub == DateSpec.SubQuarter ? 4 : 2);
    }

    /// <summary>The value of a one-word phrase of <paramref name="kind"/> spelled <paramref name="s"/>.</summary>
    private bool SingleWordValue(ReadOnlySpan<char> s, LexKind kind, out int value)
    {
        value = 0;
        LexPhrase[]? cands = _lex.Candidates(s);
        if (cands is null)
        {
            return false;
        }

        foreach (LexPhrase p in cands)
        {
            if (p.Kind == kind && p.Tokens.Length == 1)
            {
                value = p.Value;
                return true;
            }
        }

        return false;
    }

    private static bool QuarterToken(ReadOnlySpan<char> s, out int sub, out int n)
    {
        sub = 0;
        n = 0;
        if (s.Length != 2 || !char.IsAsciiDigit(s[1]))
        {
            return false;
        }

        n = s[1] - '0';
        sub = s[0] is 'Q' or 'q' ? DateSpec.SubQuarter : s[0] is 'H' or 'h' ? DateSpec.SubHalf : 0;
        return sub != 0 && n >= 1 && n <= (sub == DateSpec.SubQuarter ? 4 : 2);
    }

    private bool TryHoliday(int i, out DateSpec spec, out int end)
    {
        spec = default;
        int rl = RelWord(i, out int rel);
        int len = Match(i + rl, LexKind.Holiday, out int id);
        end = i + rl + len;
        if (len == 0)
        {
            return false;
        }

        spec = DateSpec.Of(SpecKind.Holiday);
        spec.Holiday = id;
        if (rl > 0)
        {
            // last Easter = the latest one before the reference date, following Easter the next one, this Easter this year's
            spec.Dir = Math.Sign(rel);
            spec.Rel = rel == 0 ? 0 : DateSpec.NoRel;
        }

        int j = end;
        int of = Match(j, LexKind.Of, out _) + Match(j, LexKind.YearWord, out _);
        if (of == 0)
        {
            of = Match(j, LexKind.NthOf, out _);
        }

        if (TryYearAt(j + of, out int year, out int yEnd))
        {
            spec.Year = year;
            end = yEnd;
        }
        else if (rl == 0 && TryRelative(j + of, out DateSpec relYear, out int rEnd) && relYear.Kind == SpecKind.RelPeriod && relYear.Unit == DateUnit.Year)
        {
            // Christmas of next year, Fastnachtssonntag im nächsten Jahr, Friedensfest letzten Jahres
            spec.Rel = relYear.Rel;
            end = rEnd;
        }

        return true;
    }

    private bool TryPart(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int part;
        int j;
        Token t = _tokens[i];
        int len = Match(i, LexKind.Part, out part);
        if (len > 0)
        {
            j = i + len;
            j += Match(j, LexKind.Of, out _);
            j += Match(j, LexKind.Article, out _);
            if (TryPeriodForPart(j, out spec, out end))
            {
                spec.Part = part;
                return true;
            }

            return false;
        }

        if (t.Kind == TokenKind.Word && t.Has(TokenFlags.Hyphenated))
        {
            // mid-April, mid-2025, Mitte-Mai
            ReadOnlySpan<char> s = Span(i);
            int h = s.IndexOfAny(CharClassHyphens);
            if (h > 0 && PartValue(s[..h], out part))
            {
                ReadOnlySpan<char> rest = s[(h + 1)..];
                if (MonthValue(rest, out int month))
                {
                    spec = DateSpec.Of(SpecKind.Month);
                    spec.Month = month;
                    spec.Part = part;
                    end = i + 1;
                    if (TryYearAt(SkipComma(end), out int y, out int yEnd))
                    {
                        spec.Year = y;
                        end = yEnd;
                    }

                    return true;
                }
            }
        }

        return false;
    }

    private bool PartValue(ReadOnlySpan<char> s, out int part) => SingleWordValue(s, LexKind.Part, out part);

    private bool MonthValue(ReadOnlySpan<char> s, out int month) => SingleWordValue(s, LexKind.Month, out month) || SingleWordValue(s, LexKind.MonthAbbr, out month);

    private bool TryPeriodForPart(int j, out DateSpec spec, out int end)
    {
        if (TryRelative(j, out spec, out end) || TrySeasonCore(j, out spec, out end))
        {
            return true;
        }

        int ul = Match(j, LexKind.Unit, out int uv);
        if (ul > 0 && (DateUnit)uv is DateUnit.Week or DateUnit.Month or DateUnit.Year)
        {
            spec = DateSpec.Of(SpecKind.RelPeriod);
            spec.Unit = (DateUnit)uv;
            spec.Rel = 0;
            end = j + ul;
            // "Ende des Monats Februar" is not handled; a year after "Anfang des Jahres 2025" is
            if (spec.Unit == DateUnit.Year && TryYearAt(end, out int y, out int yEnd))
            {
                spec = DateSpec.Of(SpecKind.Year);
                spec.Year = y;
                end = yEnd;
            }

            return true;
        }

        if (TryMonthYear(j, requireContext: false, out spec, out end))
        {
            return true;
        }

        if (TryYearAt(j, out int year, out int e2))
        {
            spec = DateSpec.Of(SpecKind.Year);
            spec.Year = year;
            end = e2;
            return true;
        }

        spec = default;
        end = j;
        return false;
    }

    private bool TryLaterEarlier(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int len = MatchEither(i, LexKind.Later, LexKind.Earlier, out int dir);

        if (len == 0)
        {
            return false;
        }

        int j = i + len;
        if (!TryPeriodForPart(j + Match(j, LexKind.Article, out _), out spec, out end))
        {
            return false;
        }

        spec.LaterEarlier = dir;
        return true;
    }

    /// <summary>this/next/last + week/month/year/weekend, a season or a month name.</summary>
    private bool TryRelative(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int j = i;
        int len = RelWord(j, out int rel);
        if (len == 0)
        {
            return false;
        }

        j += len;
        int ul = Match(j, LexKind.Unit, out int uv);
        if (ul > 0 && (DateUnit)uv == DateUnit.WorkWeek && i > 0 && Has(i - 1, LexKind.Article))
        {
            // "a shortening in the current working week, to 38 hours": after an article the working week is the
            // length of work, not a date ("this working week", "nächste Arbeitswoche" are)
            return false;
        }

        if (ul > 0 && (DateUnit)uv is not (DateUnit.Day or DateUnit.Hour or DateUnit.Minute))
        {
            spec = DateSpec.Of(SpecKind.RelPeriod);
            spec.Unit = (DateUnit)uv;
            spec.Rel = rel;
            end = j + ul;
            if (spec.Unit == DateUnit.Week)
            {
                // next week Monday, next week on Friday, nächste Woche am Montag
                int w = end + Match(end, LexKind.DatePreposition, out _);
                int wl = MatchEither(w, LexKind.Weekday, LexKind.WeekdayAbbr, out int weekday);

                if (wl > 0)
                {
                    spec = DateSpec.Of(SpecKind.Weekday);
                    spec.Weekday = weekday;
                    spec.Rel = rel;
                    end = w + wl;
                }
            }

            return true;
        }

        if (TrySeasonCore(j, out spec, out end))
        {
            spec.Rel = rel;
            return true;
        }

        // "last September", "next Feb"; with a day, "last Oct. 17", "this Aug 31" (that day before, after or in the reference year)
        int ml = MatchEither(j, LexKind.Month, LexKind.MonthAbbr, out int month);
        if (ml > 0)
        {
            spec = DateSpec.Of(SpecKind.Month);
            spec.Month = month;
            spec.Rel = rel;
            end = j + ml;
            int k = IsPunct(end, '.') && !Has(end - 1, LexKind.Month) ? end + 1 : end;
            if (TryDayNumber(k, out int day, out int dEnd))
            {
                spec = DateSpec.Of(SpecKind.Day);
                spec.Month = month;
                spec.Day = day;
                spec.Rel = rel;
                end = dEnd;
                if (TryYearAt(SkipComma(dEnd), out int year, out int yEnd))
                {
                    spec.Year = year;
                    spec.Rel = DateSpec.NoRel;
                    end = yEnd;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>The longest this/next/last word at <paramref name="i"/> ("this past" over "this") and its value (0, +1, -1, ±2).</summary>
    private int RelWord(int i, out int rel)
    {
        int len = Match(i, LexKind.This, out rel);
        int nl = Match(i, LexKind.Next, out int nv);
        if (nl > len)
        {
            len = nl;
            rel = nv;
        }

        int ll = Match(i, LexKind.Last, out int lv);
        if (ll > len)
        {
            len = ll;
            rel = lv;
        }

        return len;
    }

    /// <summary>
    /// The week around a day: "the week of the 18th", "the week starting February 4", "w/c Feb 4" (Monday to Sunday).
    /// </summary>
    private bool TryWeekOf(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int len = Match(i, LexKind.WeekOf, out _);
        if (len == 0 || !TryAtom(i + len, allowBareDay: false, out spec, out end) || !spec.IsSingleDay)
        {
            return false;
        }

        spec.Sub = DateSpec.SubWeekOf;
        return true;
    }

    /// <summary>"am Wochenende": a lead word before the weekend names this week's weekend.</summary>
    private bool TryWeekendLead(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int uv = 0;
        int ll = Match(i, LexKind.WeekendLead, out _);
        int ul = ll > 0 ? Match(i + ll, LexKind.Unit, out uv) : 0;
        if (ul == 0 || (DateUnit)uv != DateUnit.Weekend)
        {
            return false;
        }

        spec = DateSpec.Of(SpecKind.RelPeriod);
        spec.Unit = DateUnit.Weekend;
        spec.Rel = 0;
        end = i + ll + ul;
        return true;
    }

    /// <summary>"the week after next", "the year after the next", "the month before last": two steps from this one.</summary>
    private bool TryUnitTwoSteps(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int j = i + Match(i, LexKind.Article, out _);
        int ul = Match(j, LexKind.Unit, out int uv);
        int rel = 0;
        int sl = ul > 0 ? Match(j + ul, LexKind.TwoSteps, out rel) : 0;
        if (sl == 0 || (DateUnit)uv is DateUnit.Day or DateUnit.Hour or DateUnit.Minute)
        {
            return false;
        }

        spec = DateSpec.Of(SpecKind.RelPeriod);
        spec.Unit = (DateUnit)uv;
        spec.Rel = rel;
        end = j + ul + sl;
        return true;
    }

    /// <summary>
    /// Counts of calendar units one after another, from <paramref name="i"/> on ("5 years 1 month 12 days", "3 months and 2
    /// weeks and 2 days", "2 years, 1 month"): adds them up as months and days and returns how many were read; stops before
    /// anything else, a clock unit included ("1 day 2 hours"). <paramref name="end"/> is the token after the last one read.
    /// </summary>
    private int CompoundParts(int i, ref int months, ref int days, out int end)
    {
        int parts = 0;
        end = i;
        int k = i;
        while (TryCount(k, out int n, out int cEnd, out _) && Match(cEnd, LexKind.Unit, out int uv) is int ul && ul > 0)
        {
            switch ((DateUnit)uv)
            {
                case DateUnit.Year: months += 12 * n; break;
                case DateUnit.Quarter: months += 3 * n; break;
                case DateUnit.Month: months += n; break;
                case DateUnit.Week or DateUnit.WorkWeek: days += 7 * n; break;
                case DateUnit.Fortnight: days += 14 * n; break;
                case DateUnit.Day: days += n; break;
                default: return parts;
            }

            parts++;
            end = cEnd + ul;
            k = end + PartSeparator(end);
        }

        return parts;
    }

    /// <summary>The length of a comma and/or "and" between two counts of units (0 if no count follows).</summary>
    private int PartSeparator(int k)
    {
        int sep = IsPunct(k, ',') ? 1 : 0;
        if (Has(k + sep, LexKind.RangeTo) && DateLexicon.TokenEquals(Span(k + sep), "and"))
        {
            sep++;
        }

        return sep > 0 && TryCount(k + sep, out _, out _, out _) ? sep : 0;
    }

    /// <summary>Several counts of units before "ago"/"later": "1 month 21 days ago", "2 years, 1 month and 21 days later".</summary>
    private bool TryCompoundOffset(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int months = 0, days = 0;
        int parts = CompoundParts(i, ref months, ref days, out int k);
        int sign;
        int al = MatchEither(k, LexKind.OffsetPastAfter, LexKind.OffsetFutureAfter, out sign);

        if (parts < 2 || al == 0)
        {
            return false;
        }

        spec = DateSpec.Of(SpecKind.Offset);
        spec.Unit = months != 0 ? DateUnit.Month : DateUnit.Day;
        spec.N = sign * (months != 0 ? months : days);
        spec.ExtraDays = months != 0 ? sign * days : 0;
        end = k + al;
        return true;
    }

    /// <summary>"in 5 hours" is a point in time, "in 5 days" a day.</summary>
    private static SpecKind OffsetKind(DateUnit unit) => unit is DateUnit.Hour or DateUnit.Minute ? SpecKind.TimeOffset : SpecKind.Offset;

    private bool TryOffset(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int sign;
        int len = MatchEither(i, LexKind.OffsetFutureBefore, LexKind.OffsetPastBefore, out sign);

        if (len > 0)
        {
            if (TryCount(i + len, out int n, out int nEnd, out _))
            {
                int ul = Match(nEnd, LexKind.Unit, out int uv);
                if (ul > 0 && (DateUnit)uv != DateUnit.Weekend)
                {
                    spec = DateSpec.Of(OffsetKind((DateUnit)uv));
                    spec.Unit = (DateUnit)uv;
                    spec.N = sign * n;
                    end = nEnd + ul;
                    return true;
                }
            }

            return false;
        }

        if (TryCompoundOffset(i, out spec, out end))
        {
            return true;
        }

        if (TryCount(i, out int count, out int cEnd, out _))
        {
            int ul = Match(cEnd, LexKind.Unit, out int uv);
            if (ul > 0 && (DateUnit)uv != DateUnit.Weekend)
            {
                int al = MatchEither(cEnd + ul, LexKind.OffsetPastAfter, LexKind.OffsetFutureAfter, out sign);

                if (al > 0)
                {
                    spec = DateSpec.Of(OffsetKind((DateUnit)uv));
                    spec.Unit = (DateUnit)uv;
                    spec.N = sign * count;
                    end = cEnd + ul + al;
                    return true;
                }
            }
        }

        return false;
    }

    private bool TryWeekday(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int rel = DateSpec.NoRel;
        int j = i;
        int len = RelWord(j, out int r);
        int near = Match(j, LexKind.NearDir, out int nearDir);
        if (near >= len && near > 0)
        {
            // this upcoming Friday, this past Wednesday: the nearest one in that direction
            int wj = j + near;
            if (Has(wj, LexKind.Weekday))
            {
                int wl0 = Match(wj, LexKind.Weekday, out int wd);
                spec = DateSpec.Of(SpecKind.Weekday);
                spec.Weekday = wd;
                spec.Dir = nearDir;
                end = wj + wl0;
                return true;
            }
        }

        if (len > 0)
        {
            rel = r;
            j += len;
        }

        bool abbr = false;
        int wl = Match(j, LexKind.Weekday, out int weekday);
        if (wl == 0)
        {
            wl = Match(j, LexKind.WeekdayAbbr, out weekday);
            abbr = wl > 0;
        }

        if (wl == 0)
        {
            return false;
        }

        int k = j + wl;
        if (abbr && IsPunct(k, '.'))
        {
            k++;
        }

        // Weekday followed by a date: the date decides ("Tuesday, March 7", "Donnerstag, 27. Februar").
        int d = SkipComma(k);
        if (d < _hi && TryAbsolute(d, allowBareDay: false, out DateSpec date, out int dEnd) && date.Kind == SpecKind.Day)
        {
            spec = date;
            end = dEnd;
            return true;
        }

        // Weekday + a day of the month without the month: "Thursday the 21st", "Monday 21", "tue 13th"
        int a = d + Match(d, LexKind.Article, out _);
        if (a < _hi && TryDayNumber(a, out int dn, out int dnEnd) && BareDayEnds(dnEnd))
        {
            spec = DateSpec.Of(SpecKind.Day);
            spec.Day = dn;
            spec.Weekday = weekday;
            end = dnEnd;
            return true;
        }

        if (abbr)
        {
            // Abbreviations (So, Do, Mi, Sun, Sat) alone are too ambiguous.
            return false;
        }

        // A capitalized-only check keeps German "So"/"Do" sentence starts out; full names are safe.
        spec = DateSpec.Of(SpecKind.Weekday);
        spec.Weekday = weekday;
        spec.Rel = rel;
        end = k;
        if (rel == DateSpec.NoRel)
        {
            // Tuesday next week, Sunday of next week
            int q = k + Match(k, LexKind.Of, out _);
            if (TryRelative(q, out DateSpec week, out int wEnd) && week.Kind == SpecKind.RelPeriod && week.Unit == DateUnit.Week)
            {
                spec.Rel = week.Rel;
                end = wEnd;
            }
        }
        if (end < _hi && _tokens[end].Has(TokenFlags.Apostrophe) && _tokens[end].Length <= 2)
        {
            // Thursday's talks: the clitic is not part of the expression
        }

        return true;
    }

    private bool TryRelDay(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int len = Match(i, LexKind.RelDay, out int offset);
        int tl = Match(i, LexKind.This, out _);
        if (tl > 0 && Match(i + tl, LexKind.DayPart, out int thisPart) is int pl && pl > 0)
        {
            // this morning, diesen Abend: today
            spec = DateSpec.Of(SpecKind.RelDay);
            spec.DayPart = thisPart;
            end = i + tl + pl;
            return true;
        }

        if (len == 0)
        {
            len = Match(i, LexKind.RelDayInArticle, out offset);
            if (len == 0 || i == 0 || !(Has(i - 1, LexKind.Of) || Has(i - 1, LexKind.DurationLead)))
            {
                return false;
            }
        }

        if (i > 0 && Has(i - 1, LexKind.RelDayBlocker))
        {
            return false;
        }

        spec = DateSpec.Of(SpecKind.RelDay);
        spec.N = offset;
        end = i + len;
        if (Match(i, LexKind.DayPart, out int part) == len)
        {
            // tonight
            spec.DayPart = part;
        }

        return true;
    }

    private bool TrySeason(int i, out DateSpec spec, out int end)
    {
        if (Has(i, LexKind.Article) && i + 1 < _hi && Has(i + 1, LexKind.Season))
        {
            // "(in) the spring of 1978", "I'll leave the summer": the article is part of the span
            i++;
        }

        if (!TrySeasonCore(i, out spec, out end))
        {
            return false;
        }

        // A season word alone needs a lead ("im Herbst", "in the autumn", "this spring") or a year.
        bool twoWordLead = i > 1 && Has(i - 2, LexKind.SeasonLead) && Has(i - 1, LexKind.Article);
        bool lead = i > 0 && (Has(i - 1, LexKind.SeasonLead) || twoWordLead);
        if (spec.Year == 0 && lead && !twoWordLead && (Has(i - 1, LexKind.Article) || Has(i - 1, LexKind.Of))
            && !(end >= _hi || _tokens[end].Kind == TokenKind.Punctuation || Has(end, LexKind.RangeTo)))
        {
            // after a bare article the season word must end the clause or join another ("the spring and summer"): "the
            // fall in share prices", "the spring selling season" are nouns
            return false;
        }

        return lead || spec.Year != 0;
    }

    private bool TrySeasonCore(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        int len = Match(i, LexKind.Season, out int season);
        if (len == 0)
        {
            return false;
        }

        spec = DateSpec.Of(SpecKind.Season);
        spec.Season = season;
        end = i + len;
        int of = Match(end, LexKind.Of, out _);
        if (TryYearAt(end + of, out int year, out int yEnd))
        {
            spec.Year = year;
            end = yEnd;
        }

        return true;
    }

    /// <summary>A 4-digit year (1000-2999) as one number token.</summary>
    private bool TryYearAt(int i, out int year, out int end)
    {
        year = 0;
        end = i;
        if (i < _hi && _tokens[i].Kind == TokenKind.Word)
        {
            return TrySpelledYear(i, out year, out end);
        }

        if (i >= _hi || _tokens[i].Kind != TokenKind.Number || _tokens[i].Length != 4)
        {
            return false;
        }

        ReadOnlySpan<char> s = Span(i);
        if (!int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year) || year < 1000 || year > 2999)
        {
            return false;
        }

        // not a part of a larger numeric run (2025-02-27, 2014-2018 are read as a whole)
        if (i + 1 < _hi && _tokens[i + 1].Kind == TokenKind.Punctuation && _text[_tokens[i + 1].Start] is '-' or '/' && _tokens[i + 1].Has(TokenFlags.Glued)
            && i + 2 < _hi && _tokens[i + 2].Kind == TokenKind.Number && _tokens[i + 2].Has(TokenFlags.Glued))
        {
            return false;
        }

        end = i + 1;
        return true;
    }

    /// <summary>
    /// A year in words: "nineteen ninety six", "two thousand and fifteen", "nineteen oh one", "one thousand seven hundred and
    /// eighty nine", "two hundred and sixty seven".
    /// </summary>
    private bool TrySpelledYear(int i, out int year, out int end)
    {
        year = 0;
        end = i;
        if (!Has(i, LexKind.YearNumber) || !SmallNumber(i, out int a, out int k))
        {
            return false;
        }

        int tl = Match(k, LexKind.Thousand, out _);
        if (tl > 0)
        {
            // two thousand [and fifteen], one thousand seven hundred and eighty nine
            year = a * 1000;
            k += tl;
            int q = k + Match(k, LexKind.NumberAnd, out _);
            if (SmallNumber(q, out int h, out int hEnd) && Match(hEnd, LexKind.Hundred, out _) is int hl && hl > 0)
            {
                year += h * 100;
                k = hEnd + hl;
                q = k + Match(k, LexKind.NumberAnd, out _);
            }

            if (SmallNumber(q, out int rest, out int rEnd))
            {
                year += rest;
                k = rEnd;
            }
        }
        else if (Match(k, LexKind.Hundred, out _) is int hl2 && hl2 > 0)
        {
            // two hundred and sixty seven
            year = a * 100;
            k += hl2;
            int q = k + Match(k, LexKind.NumberAnd, out _);
            if (SmallNumber(q, out int rest, out int rEnd))
            {
                year += rest;
                k = rEnd;
            }
        }
        else if (a is >= 10 and <= 29 && SmallNumber(k, out int b, out int bEnd) && (b >= 10 || bEnd - k == 2))
        {
            // nineteen ninety six, nineteen oh one, twenty twenty
            year = (a * 100) + b;
            k = bEnd;
        }
        else
        {
            return false;
        }

        end = k;
        return year is >= 1 and <= 2999;
    }

    /// <summary>A number from 0 to 99 in words: "six", "ninety six", "ninety-six", "oh one".</summary>
    private bool SmallNumber(int i, out int value, out int end)
    {
        value = 0;
        end = i;
        if (i >= _hi || _tokens[i].Kind != TokenKind.Word)
        {
            return false;
        }

        ReadOnlySpan<char> s = Span(i);
        int h = s.IndexOfAny(CharClassHyphens);
        if (h > 0)
        {
            // ninety-six
            if (!YearNumberValue(s[..h], out int tens) || !YearNumberValue(s[(h + 1)..], out int ones) || tens % 10 != 0 || tens < 20 || ones is < 1 or > 9)
            {
                return false;
            }

            value = tens + ones;
            end = i + 1;
            return true;
        }

        if (Match(i, LexKind.YearNumber, out value) == 0)
        {
            return false;
        }

        end = i + 1;
        if ((value == 0 || (value >= 20 && value % 10 == 0)) && Match(end, LexKind.YearNumber, out int unit) > 0 && unit is >= 1 and <= 9)
        {
            value += unit;
            end++;
        }

        return true;
    }

    private bool YearNumberValue(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        LexPhrase[]? cands = _lex.Candidates(s);
        if (cands is null)
        {
            return false;
        }

        foreach (LexPhrase p in cands)
        {
            if (p.Kind == LexKind.YearNumber && p.Tokens.Length == 1)
            {
                value = p.Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>A year in words after a date preposition or year word: "in nineteen twenty eight", "year two hundred and sixty seven".</summary>
    private bool TrySpelledYearAlone(int i, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        if (i == 0 || _tokens[i].Kind != TokenKind.Word || !(Has(i - 1, LexKind.DatePreposition) || Has(i - 1, LexKind.YearWord))
            || !TrySpelledYear(i, out int year, out end) || end - i < 2 || !(ClauseEnd(end) || (Cands(end) is not null && !Has(end, LexKind.Unit))))
        {
            end = i;
            return false;
        }

        spec = DateSpec.Of(SpecKind.Year);
        spec.Year = year;
        return true;
    }

    /// <summary>Absolute dates: numeric forms, day-month-year and month-day-year in words, month + year, a year.</summary>
    private bool TryAbsolute(int i, bool allowBareDay, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        Token t = _tokens[i];
        if (t.Kind == TokenKind.Number)
        {
            return TryNumericStart(i, allowBareDay, out spec, out end);
        }

        // the 27th of May, second of Aug, zweiten Mai
        int j = i + Match(i, LexKind.Article, out _);
        int ol = Match(j, LexKind.Ordinal, out int ord);
        if (ol > 0 && ord is >= 1 and <= 31)
        {
            int k = j + ol;
            if (TryMonthAfter(k, out int month, out int year, out int mEnd))
            {
                spec = DateSpec.Of(SpecKind.Day);
                spec.Day = ord;
                spec.Month = month;
                spec.Year = year;
                end = mEnd;
                return true;
            }

            if (allowBareDay && j == i)
            {
                spec = DateSpec.Of(SpecKind.Day);
                spec.Day = ord;
                end = k;
                return true;
            }
        }

        if (j > i && j < _hi && _tokens[j].Kind == TokenKind.Number && TryNumericStart(j, allowBareDay: false, out spec, out end) && spec.Kind == SpecKind.Day)
        {
            return true;
        }

        if (j == i && TryDayWords(i, out int wd, out int wdEnd) && TryMonthAfter(wdEnd, out int wm, out int wy, out int wmEnd))
        {
            // "twenty five January nineteen eighty six"
            spec = DateSpec.Of(SpecKind.Day);
            spec.Day = wd;
            spec.Month = wm;
            spec.Year = wy;
            end = wmEnd;
            return true;
        }

        return TryMonthYear(i, requireContext: true, out spec, out end);
    }

    /// <summary>Month-first forms: February 27, 2025; Feb. 27; Oct-2; Dec31; April 2017; May of 2025; and a month alone.</summary>
    private bool TryMonthYear(int i, bool requireContext, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        if (i >= _hi)
        {
            return false;
        }

        Token t = _tokens[i];
        int month;
        bool abbr = false;
        int ml = Match(i, LexKind.Month, out month);
        if (ml == 0)
        {
            ml = Match(i, LexKind.MonthAbbr, out month);
            abbr = ml > 0;
        }

        if (ml == 0)
        {
            // Oct-2, Dec31
            ReadOnlySpan<char> s = Span(i);
            if (t.Kind == TokenKind.Word && (t.Has(TokenFlags.Alphanumeric) || t.Has(TokenFlags.Hyphenated)))
            {
                int cut = 0;
                while (cut < s.Length && char.IsLetter(s[cut]))
                {
                    cut++;
                }

                ReadOnlySpan<char> digits = s[cut..].TrimStart("-\u2010\u2011");
                if (cut > 0 && MonthValue(s[..cut], out month) && digits.Length is 1 or 2 && int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int dd) && dd is >= 1 and <= 31)
                {
                    spec = DateSpec.Of(SpecKind.Day);
                    spec.Month = month;
                    spec.Day = dd;
                    end = i + 1;
                    if (TryYearAt(SkipComma(end), out int yy, out int yEnd))
                    {
                        spec.Year = yy;
                        end = yEnd;
                    }

                    return true;
                }
            }

            return false;
        }

        int k = i + ml;
        if (abbr && IsPunct(k, '.'))
        {
            k++;
        }

        // day after the month
        int dj = k + Match(k, LexKind.Article, out _);
        if (TryDayNumber(dj, out int day, out int dEnd))
        {
            spec = DateSpec.Of(SpecKind.Day);
            spec.Month = month;
            spec.Day = day;
            end = dEnd;
            int dayOf = Match(end, LexKind.Of, out _);
            if (TryYearAt(dayOf > 0 ? end + dayOf : SkipComma(end), out int y, out int yEnd))
            {
                // "July 4th, 1995", "july 4th of 1995"
                spec.Year = y;
                end = yEnd;
            }

            return true;
        }

        if (TryDayWords(dj, out day, out dEnd, least: 1))
        {
            // "May twenty one", "jan twenty two, 2018", "to April eight, it added": a day in words ends the clause or comes before a year
            int yc = SkipComma(dEnd);
            bool hasYear = TryYearAt(yc, out int wy, out int wyEnd);
            if (hasYear || dEnd >= _hi || _tokens[dEnd].Kind == TokenKind.Punctuation)
            {
                spec = DateSpec.Of(SpecKind.Day);
                spec.Month = month;
                spec.Day = day;
                spec.Year = hasYear ? wy : 0;
                end = hasYear ? wyEnd : dEnd;
                return true;
            }
        }

        int of = Match(k, LexKind.Of, out _);
        int yi = of > 0 ? k + of : SkipComma(k);
        if (TryYearAt(yi, out int year, out int e2))
        {
            spec = DateSpec.Of(SpecKind.Month);
            spec.Month = month;
            spec.Year = year;
            end = e2;
            return true;
        }

        if (abbr)
        {
            return false;
        }

        if (requireContext)
        {
            // A month name alone ("in May", "im Mai") needs a date preposition, a cue word or an article before it;
            // this keeps the modal "may" and sentence-initial "May" out. A capitalized month name that is no common
            // word or name stands alone ("I'll be out February"), unless a name goes on after it ("June Carter").
            if ((i == 0 || !(Has(i - 1, LexKind.DatePreposition) || Has(i - 1, LexKind.Article) || Has(i - 1, LexKind.Of))) && !BareMonthStands(i, k))
            {
                return false;
            }

            if (!t.Has(TokenFlags.Capitalized) && !Has(i - 1, LexKind.DatePreposition))
            {
                return false;
            }
        }

        spec = DateSpec.Of(SpecKind.Month);
        spec.Month = month;
        end = k;
        return true;
    }

    /// <summary>
    /// Whether a month name at <paramref name="i"/> with no lead is a date: capitalized (not all capitals), not one of the
    /// data's monthsNeedingContext, and no capitalized word after it.
    /// </summary>
    private bool BareMonthStands(int i, int next)
    {
        Token t = _tokens[i];
        if (!t.Has(TokenFlags.Capitalized) || t.Length < 3 || char.IsUpper(_text[t.Start + 1]) || _lex.IsSideCue(Span(i), DateLexicon.SideCue.MonthNeedsContext))
        {
            return false;
        }

        return next >= _hi || _tokens[next].Kind != TokenKind.Word || !_tokens[next].Has(TokenFlags.Capitalized);
    }

    /// <summary>A day of the month after a month name: 27, 27th, 1st, 27. (German), twenty-seventh.</summary>
    private bool TryDayNumber(int i, out int day, out int end)
    {
        day = 0;
        end = i;
        if (i >= _hi)
        {
            return false;
        }

        Token t = _tokens[i];
        if (t.Kind == TokenKind.Number)
        {
            ReadOnlySpan<char> s = Span(i);
            int k = 0;
            while (k < s.Length && char.IsAsciiDigit(s[k]))
            {
                k++;
            }

            if (k is 0 or > 2)
            {
                return false;
            }

            day = int.Parse(s[..k], System.Globalization.CultureInfo.InvariantCulture);
            if (day is < 1 or > 31)
            {
                return false;
            }

            if (k < s.Length && !IsOrdinalSuffix(s[k..]))
            {
                return false;
            }

            end = i + 1;
            // not a time (March 3 10:30 is fine, "May 10,000" is not a date)
            if (end < _hi && _tokens[end].Has(TokenFlags.Glued) && _tokens[end].Kind == TokenKind.Punctuation && _text[_tokens[end].Start] is ':' or ',' && end + 1 < _hi && _tokens[end + 1].Has(TokenFlags.Glued))
            {
                return false;
            }

            if (_lex.OrdinalPeriod && IsPunct(end, '.') && _tokens[end].Has(TokenFlags.Glued))
            {
                end++;
            }

            return true;
        }

        int ol = Match(i, LexKind.Ordinal, out day);
        if (ol > 0 && day is >= 1 and <= 31)
        {
            end = i + ol;
            return true;
        }

        return false;
    }

    private bool IsOrdinalSuffix(ReadOnlySpan<char> s)
    {
        foreach (string suffix in _lex.OrdinalSuffixes)
        {
            if (s.Equals(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Dates that start with a number: 2025-02-27, 27.02.2025, 27/02/2025, 22.04., 27 Feb [2025], 27. Februar, 1st of May, 3-5 March, 2014-2018, 2025.</summary>
    private bool TryNumericStart(int i, bool allowBareDay, out DateSpec spec, out int end)
    {
        spec = default;
        end = i;
        ReadOnlySpan<char> text = _text;
        int start = _tokens[i].Start;
        int p = start;
        int limit = Math.Min(text.Length, start + 12);
        while (p < limit && (char.IsAsciiDigit(text[p]) || NumericSeparators.Contains(text[p])))
        {
            p++;
        }

        // p = end of the numeric run; split into groups
        Span<int> groups = stackalloc int[3];
        Span<int> widths = stackalloc int[3];
        char sep = '\0';
        int count = 0, value = 0, width = 0;
        bool trailingDot = false;
        for (int q = start; q < p; q++)
        {
            char c = text[q];
            if (char.IsAsciiDigit(c))
            {
                value = (value * 10) + (c - '0');
                width++;
                if (width > 4)
                {
                    return false;
                }

                continue;
            }

            if (width == 0 || q + 1 >= p || !char.IsAsciiDigit(text[q + 1]))
            {
                // a separator that does not lead to more digits ends the run ("27.02.2025." or "22.04.")
                if (width > 0 && c == '.' && count < 3)
                {
                    groups[count] = value;
                    widths[count] = width;
                    count++;
                    trailingDot = true;
                    width = 0;
                    p = q + 1;
                }
                else if (width > 0)
                {
                    p = q;
                }
                else
                {
                    p = q;
                }

                break;
            }

            if (count == 2 || (sep != '\0' && sep != c))
            {
                // a third separator or a different one ends the date: "10/1-11/2/2017", "10-1-2018-10-7-2018"
                p = q;
                break;
            }

            groups[count] = value;
            widths[count] = width;
            count++;
            value = 0;
            width = 0;
            sep = c;
        }

        if (width > 0)
        {
            if (count == 3)
            {
                return false;
            }

            groups[count] = value;
            widths[count] = width;
            count++;
        }

        if (count == 0)
        {
            return false;
        }

        if (trailingDot && ((count == 1 && (widths[0] == 4 || !_lex.OrdinalPeriod)) || (count == 2 && sep is '-' or '/')))
        {
            // "in 2025.", English "March 3-5.", "2014-2018.", "5/12.": the period ends the sentence
            trailingDot = false;
            p--;
        }

        // tokens covered by the run (a trailing separator that is not a '.' is not part of it)
        int runEnd = p;
        if ((!trailingDot || count == 3) && runEnd > start && NumericSeparators.Contains(text[runEnd - 1]))
        {
            runEnd--;
        }

        int k = i;
        while (k < _hi && _tokens[k].End <= runEnd)
        {
            k++;
        }

        if (k == i && _tokens[i].Kind == TokenKind.Number && IsOrdinalSuffix(Span(i)[(p - start)..]))
        {
            k = i + 1; // 04th, 1st: the suffix is part of the token
        }

        if (k == i)
        {
            return false;
        }

        // a letter suffix glued to the number (1st, 04th) is part of the token
        ReadOnlySpan<char> tokenText = Span(i);
        bool ordinalSuffix = count == 1 && tokenText.Length > widths[0] && IsOrdinalSuffix(tokenText[widths[0]..]);
        if (count == 1 && tokenText.Length > widths[0] && !ordinalSuffix)
        {
            return false;
        }

        int y2(int v, int w) => w == 2 ? (v < 50 ? 2000 + v : 1900 + v) : v;

        if (count == 3)
        {
            int a = groups[0], b = groups[1], c3 = groups[2];
            int year, month, day;
            if (widths[0] == 4)
            {
                (year, month, day) = (a, b, c3);
            }
            else if (widths[2] is 2 or 4)
            {
                year = y2(c3, widths[2]);
                bool monthFirst = sep != '.' && _lex.MonthFirstNumeric;
                if (a > 12)
                {
                    monthFirst = false;
                }
                else if (b > 12)
                {
                    monthFirst = true;
                }

                (month, day) = monthFirst ? (a, b) : (b, a);
            }
            else
            {
                return false;
            }

            if (month is < 1 or > 12 || day < 1 || day > 31)
            {
                return false;
            }

            spec = DateSpec.Of(SpecKind.Day);
            spec.Year = year;
            spec.Month = month;
            spec.Day = day;
            end = k;
            return true;
        }

        if (count == 2)
        {
            int a = groups[0], b = groups[1];
            if (sep == '-' && widths[0] == 4 && widths[1] == 4 && a < b && a >= 1000 && b <= 2999)
            {
                // 2014-2018: handled as a range of years by the caller through B
                spec = DateSpec.Of(SpecKind.Year);
                spec.Year = a;
                spec.N = b;
                end = k;
                return true;
            }

            if (sep == '-' && widths[0] <= 2 && widths[1] <= 2 && a is >= 1 and <= 31 && b is >= 1 and <= 31 && a < b)
            {
                // 3-5 March
                if (TryMonthAfter(k, out int month, out int year, out int mEnd))
                {
                    spec = DateSpec.Of(SpecKind.Day);
                    spec.Day = a;
                    spec.Month = month;
                    spec.Year = year;
                    spec.N = b;
                    end = mEnd;
                    return true;
                }

                return false;
            }

            if (!trailingDot && (widths[0] == 4) != (widths[1] == 4))
            {
                // year and month: 2016-11, 2016/11, 11/2016, 05.2016, 2015.3
                (int year, int month, int mw) = widths[0] == 4 ? (a, b, widths[1]) : (b, a, widths[0]);
                if (year is >= 1000 and <= 2999 && month is >= 1 and <= 12 && mw <= 2)
                {
                    spec = DateSpec.Of(SpecKind.Month);
                    spec.Year = year;
                    spec.Month = month;
                    end = k;
                    return true;
                }

                return false;
            }

            if ((sep == '.' && trailingDot) || sep == '/')
            {
                bool monthFirst = sep == '/' && _lex.MonthFirstNumeric;
                if (a > 12)
                {
                    monthFirst = false;
                }
                else if (b > 12)
                {
                    monthFirst = true;
                }

                (int month, int day) = monthFirst ? (a, b) : (b, a);
                if (month is < 1 or > 12 || day is < 1 or > 31 || widths[0] > 2 || widths[1] > 2)
                {
                    return false;
                }

                if (sep == '/' && a < b && IsPowerOfTwoDenominator(b) && !TryYearAt(SkipComma(k), out _, out _) && IsFraction(i, k))
                {
                    // "rose 1/4 to 39-1/4", "6 1/4", "3/8 pct": a price fraction, not a day
                    return false;
                }

                spec = DateSpec.Of(SpecKind.Day);
                spec.Month = month;
                spec.Day = day;
                end = k;
                if (TryYearAt(SkipComma(end), out int yy, out int yEnd))
                {
                    spec.Year = yy;
                    end = yEnd;
                }

                return true;
            }

            return false;
        }

        // a single number
        int n = groups[0];
        if (widths[0] == 4 && !ordinalSuffix && !trailingDot)
        {
            if (n is < 1000 or > 2999 || !YearContext(i, k))
            {
                return false;
            }

            spec = DateSpec.Of(SpecKind.Year);
            spec.Year = n;
            end = k;
            return true;
        }

        if (n is < 1 or > 31 || widths[0] > 2)
        {
            return false;
        }

        bool ordinal = ordinalSuffix || (trailingDot && _lex.OrdinalPeriod);
        if (TryMonthAfter(k, out int m2, out int y3, out int m2End) && (ordinal || !trailingDot))
        {
            spec = DateSpec.Of(SpecKind.Day);
            spec.Day = n;
            spec.Month = m2;
            spec.Year = y3;
            end = m2End;
            return true;
        }

        if (allowBareDay && (ordinal || !trailingDot))
        {
            spec = DateSpec.Of(SpecKind.Day);
            spec.Day = n;
            end = k;
            return true;
        }

        return false;
    }

    private static bool IsPowerOfTwoDenominator(int b) => b is 2 or 4 or 8 or 16 or 32 or 64;

    /// <summary>Whether token <paramref name="i"/> is exactly a proper fraction with a power-of-two denominator ("7/8").</summary>
    private bool IsFractionToken(int i)
    {
        if (_tokens[i].Kind != TokenKind.Number)
        {
            return false;
        }

        ReadOnlySpan<char> s = Span(i);
        int slash = s.IndexOf('/');
        return slash > 0 && int.TryParse(s[..slash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int a)
            && int.TryParse(s[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int b)
            && a < b && IsPowerOfTwoDenominator(b);
    }

    /// <summary>
    /// Whether a bare proper fraction with a power-of-two denominator (<c>1/2</c>, <c>7/8</c>, <c>5/16</c>) at the token
    /// <paramref name="i"/> (ending before <paramref name="end"/>) is a fraction: always after a whole number ("6 1/4",
    /// "98-1/2") or before a word the lexicon does not know ("3/8 pct", "5/16 point"); otherwise unless a date word leads
    /// it (a date preposition, an open-range lead, this/next/last or a weekday: "on 1/2", "since 3/4", "Friday 7/8").
    /// </summary>
    private bool IsFraction(int i, int end)
    {
        if (i > _lo)
        {
            Token prev = _tokens[i - 1];
            if (prev.Kind == TokenKind.Number
                || (prev.Kind == TokenKind.Punctuation && _text[prev.Start] == '-' && i - 2 >= _lo && _tokens[i - 2].Kind == TokenKind.Number && _tokens[i].Has(TokenFlags.Glued)))
            {
                return true;
            }
        }

        if (end < _hi && ((_tokens[end].Kind == TokenKind.Word && Cands(end) is null) || IsPunct(end, '%')))
        {
            return true;
        }

        int to = Match(end, LexKind.RangeTo, out _);
        if (to > 0 && end + to < _hi && IsFractionToken(end + to))
        {
            // "5/16 to 7/8"
            return true;
        }

        if (i == _lo)
        {
            return true;
        }

        const ulong dateLeads = (1UL << (int)LexKind.DatePreposition) | (1UL << (int)LexKind.OpenBefore) | (1UL << (int)LexKind.OpenAfter)
            | (1UL << (int)LexKind.OpenSince) | (1UL << (int)LexKind.OpenUntil) | RelStart | (1UL << (int)LexKind.Weekday) | (1UL << (int)LexKind.WeekdayAbbr);
        return (MatchedKindsAt(i - 1) & dateLeads) == 0;
    }

    /// <summary>
    /// A day of the month in number words, ten to thirty-one ("fifteen", "twenty one", "thirty"); smaller ones ("one
    /// March morning", "five January") are left out.
    /// </summary>
    private bool TryDayWords(int i, out int day, out int end, int least = 10)
    {
        day = 0;
        end = i;
        if (i >= _hi || _tokens[i].Kind != TokenKind.Word || _tokens[i].Has(TokenFlags.Hyphenated))
        {
            return false;
        }

        int len = Match(i, LexKind.Number, out int n);
        if (len == 0 || n < least || n > 31)
        {
            return false;
        }

        end = i + len;
        if (n is 20 or 30 && end < _hi && _tokens[end].Kind == TokenKind.Word && Match(end, LexKind.Number, out int unit) == 1 && unit is >= 1 and <= 9 && n + unit <= 31)
        {
            n += unit;
            end++;
        }

        day = n;
        return true;
    }

    /// <summary>A lone 4-digit number is a year after a date preposition or year word, or before punctuation or the end.</summary>
    private bool YearContext(int i, int end)
    {
        if (i > 0 && (Has(i - 1, LexKind.DatePreposition) || Has(i - 1, LexKind.YearWord) || Has(i - 1, LexKind.Part) || Has(i - 1, LexKind.RangeTo) || Has(i - 1, LexKind.RangeFrom)))
        {
            return true;
        }

        if (i > 1 && Has(i - 2, LexKind.YearWord))
        {
            return true;
        }

        return end >= _hi || _tokens[end].Kind is TokenKind.Punctuation or TokenKind.LineBreak or TokenKind.ParagraphBreak;
    }
}
