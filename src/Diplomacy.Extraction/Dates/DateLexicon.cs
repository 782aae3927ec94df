using System.Collections.Concurrent;
using System.Collections.Frozen;
using Diplomacy.Extraction.Resources;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Dates;

/// <summary>What a word or phrase of the date lexicon means.</summary>
internal enum LexKind : byte
{
    Month,
    MonthAbbr,
    Weekday,
    WeekdayAbbr,
    RelDay,
    RelDayInArticle,
    RelDayBlocker,
    Unit,
    UnitAdjective,
    Number,
    Ordinal,
    This,
    Next,
    Last,
    Later,
    Earlier,
    Part,
    Season,
    SeasonLead,
    Holiday,
    OffsetFutureBefore,
    OffsetPastBefore,
    OffsetPastAfter,
    OffsetFutureAfter,
    RangeFrom,
    RangeTo,
    TimeLead,
    Am,
    Pm,
    OClock,
    TimeWord,
    DurationLead,
    YearWord,
    PastCue,
    FutureCue,
    Article,
    Of,
    DatePreposition,
    OpenBefore,
    OpenAfter,
    OpenSince,
    OpenSinceSuffix,
    NthOf,
    OffsetAnchor,
    Within,
    DayPart,
    AmGlued,
    PmGlued,
    DayNumberLead,
    Now,
    WeekOf,
    TwoSteps,
    NearDir,
    WeekendLead,
    MoreThan,
    LessThan,
    SpanFrom,
    SpanStarting,
    YearNumber,
    Hundred,
    Thousand,
    NumberAnd,
    OpenUntil,
}

/// <summary>Period units (the value of <see cref="LexKind.Unit"/>).</summary>
internal enum DateUnit
{
    Day,
    Week,
    Month,
    Year,
    Fortnight,
    Weekend,
    Quarter,
    Half,
    Hour,
    Minute,

    /// <summary>A day from Monday to Friday ("business days", "Werktage").</summary>
    BusinessDay,

    /// <summary>Monday to Friday of a week ("this working week", "nächste Arbeitswoche"); counts like a week.</summary>
    WorkWeek,
}

/// <summary>A phrase of one or more tokens (lower-cased, apostrophes folded) with its meaning.</summary>
internal sealed record LexPhrase(string[] Tokens, LexKind Kind, int Value);

/// <summary>The phrases that start with one token (longest first) and the set of their kinds: bit k for <see cref="LexKind"/> k, bit 63 when one has several tokens.</summary>
internal sealed record LexEntry(LexPhrase[] Phrases, ulong Kinds)
{
    /// <summary>Set in <see cref="Kinds"/> when one of the phrases has more than one token (bit 63 is no <see cref="LexKind"/>).</summary>
    public const ulong MultiTokenBit = 1UL << 63;

    /// <summary>Builds the entry of some phrases with their kind set.</summary>
    public static LexEntry Of(LexPhrase[] phrases)
    {
        ulong kinds = 0;
        foreach (LexPhrase p in phrases)
        {
            kinds |= 1UL << (int)p.Kind;
            if (p.Tokens.Length > 1)
            {
                kinds |= MultiTokenBit;
            }
        }

        return new LexEntry(phrases, kinds);
    }
}

/// <summary>
/// The date words of one language (or the union of all, for <c>und</c>), loaded once from the embedded
/// <c>calendar.json</c> (CLDR) and <c>dates.json</c> (cue words) into a frozen table keyed by the first token.
/// </summary>
internal sealed partial class DateLexicon
{
    /// <summary>Words of decades and centuries, kept out of the phrase table (its kind mask is full).</summary>
    internal enum EraKind : byte
    {
        None,
        Decade,
        DecadeCentury,
        DecadeUnit,
        CenturyUnit,
    }

    /// <summary>Words of clock readings ("a quarter to seven", "20 minutes past five"), kept out of the phrase table (its kind mask is full).</summary>
    internal enum ClockKind : byte
    {
        None,
        Fraction,
        Past,
        To,
    }

    private static readonly ConcurrentDictionary<string, DateLexicon> Cache = new(StringComparer.Ordinal);
    private readonly FrozenDictionary<string, LexEntry>.AlternateLookup<ReadOnlySpan<char>> _byFirst;
    private readonly FrozenDictionary<string, (EraKind Kind, int Value)>.AlternateLookup<ReadOnlySpan<char>> _era;

    /// <summary>A prefilter before the hash lookup: per key length (up to 40), a bit per ASCII letter a-z that starts a key (bit 26: any other first character).</summary>
    private readonly uint[] _firstByLength = new uint[41];

    /// <summary>Bits of the shape filters of the first tokens (2^15 bits = 4 KB for a few thousand words).</summary>
    private const int ShapeBitsLog2 = 15;

    /// <summary>The (length, first two, last character) shapes of the first tokens of the phrases: a second prefilter before the hash lookup.</summary>
    private readonly WordShapeFilter _firstShapes;

    /// <summary>The same prefilter for the decade and century words.</summary>
    private readonly uint[] _eraByLength = new uint[41];

    private readonly FrozenDictionary<string, (ClockKind Kind, int Value)>.AlternateLookup<ReadOnlySpan<char>> _clock;

    private DateLexicon(IReadOnlyList<(CalendarData Calendar, DateCueData Cues)> data)
    {
        var phrases = new List<LexPhrase>();
        var suffixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool mdy = false, dmy = false;
        var ordinalSuffixes = new List<string>();
        var era = new Dictionary<string, (EraKind, int)>(StringComparer.OrdinalIgnoreCase);
        var clock = new Dictionary<string, (ClockKind, int)>(StringComparer.OrdinalIgnoreCase);
        foreach ((CalendarData cal, DateCueData cues) in data)
        {
            foreach (KeyValuePair<string, int> kv in cues.Decades)
            {
                era[kv.Key] = (EraKind.Decade, kv.Value);
            }

            foreach (KeyValuePair<string, int> kv in cues.DecadeCenturies)
            {
                era[kv.Key] = (EraKind.DecadeCentury, kv.Value);
            }

            foreach (string w in cues.DecadeUnits)
            {
                era[w] = (EraKind.DecadeUnit, 10);
            }

            foreach (string w in cues.CenturyUnits)
            {
                era[w] = (EraKind.CenturyUnit, 100);
            }

            foreach (KeyValuePair<string, int> kv in cues.ClockFractions)
            {
                clock[kv.Key] = (ClockKind.Fraction, kv.Value);
            }

            foreach (string w in cues.ClockPast)
            {
                clock[w] = (ClockKind.Past, 1);
            }

            foreach (string w in cues.ClockTo)
            {
                clock[w] = (ClockKind.To, -1);
            }

            AddNumericCues(cues);

            foreach (CalendarWord m in cal.Months)
            {
                AddAll(phrases, m.Full, LexKind.Month, m.Value);
                AddAll(phrases, m.Abbreviated, LexKind.MonthAbbr, m.Value);
            }

            foreach (CalendarWord w in cal.Weekdays)
            {
                AddAll(phrases, w.Full, LexKind.Weekday, w.Value);
                AddAll(phrases, w.Abbreviated, LexKind.WeekdayAbbr, w.Value);
            }

            foreach (RelativeDayWords r in cal.RelativeDays)
            {
                AddAll(phrases, r.Words, LexKind.RelDay, r.Offset);
            }

            AddUnits(phrases, cal.Units, LexKind.Unit);
            AddUnits(phrases, cues.Units, LexKind.Unit);
            AddUnits(phrases, cues.UnitAdjectives, LexKind.UnitAdjective);
            foreach (RelativeDayPhrase r in cues.RelativeDays)
            {
                Add(phrases, r.Phrase, r.RequiresArticleContext ? LexKind.RelDayInArticle : LexKind.RelDay, r.Offset);
            }

            AddAll(phrases, cues.RelativeDayBlockers, LexKind.RelDayBlocker, 0);
            foreach (KeyValuePair<string, int> n in cues.Numbers)
            {
                Add(phrases, n.Key, LexKind.Number, n.Value);
            }

            foreach (KeyValuePair<string, int> n in cues.Ordinals)
            {
                Add(phrases, n.Key, LexKind.Ordinal, n.Value);
            }

            foreach (KeyValuePair<string, int> n in cues.OrdinalStems)
            {
                foreach (string ending in cues.OrdinalEndings)
                {
                    Add(phrases, n.Key + ending, LexKind.Ordinal, n.Value);
                }
            }

            AddAll(phrases, cues.This, LexKind.This, 0);
            AddAll(phrases, cues.Next, LexKind.Next, 1);
            AddAll(phrases, cues.Last, LexKind.Last, -1);
            AddAll(phrases, cues.AfterNext, LexKind.Next, 2);
            AddAll(phrases, cues.BeforeLast, LexKind.Last, -2);
            AddAll(phrases, cues.Later, LexKind.Later, 1);
            AddAll(phrases, cues.Earlier, LexKind.Earlier, -1);
            foreach (KeyValuePair<string, List<string>> p in cues.Parts)
            {
                int part = p.Key switch
                {
                    "early" => DateSpec.PartEarly,
                    "mid" => DateSpec.PartMid,
                    "late" => DateSpec.PartLate,
                    "rest" => DateSpec.PartRest,
                    _ => throw new InvalidDataException($"Unknown part '{p.Key}' in dates.json."),
                };
                AddAll(phrases, p.Value, LexKind.Part, part);
            }

            foreach (KeyValuePair<string, List<string>> s in cues.Seasons)
            {
                AddAll(phrases, s.Value, LexKind.Season, DateSpec.SeasonIndex(s.Key));
            }

            AddAll(phrases, cues.SeasonLeads, LexKind.SeasonLead, 0);
            for (int i = 0; i < cues.Holidays.Count; i++)
            {
                Add(phrases, cues.Holidays[i].Phrase, LexKind.Holiday, HolidayRules.Register(cues.Holidays[i].Rule));
            }

            AddAll(phrases, cues.OffsetFutureBefore, LexKind.OffsetFutureBefore, 1);
            AddAll(phrases, cues.Within, LexKind.Within, 1);
            AddAll(phrases, cues.OffsetPastBefore, LexKind.OffsetPastBefore, -1);
            AddAll(phrases, cues.OffsetPastAfter, LexKind.OffsetPastAfter, -1);
            AddAll(phrases, cues.OffsetFutureAfter, LexKind.OffsetFutureAfter, 1);
            AddAll(phrases, cues.RangeFrom, LexKind.RangeFrom, 0);
            AddAll(phrases, cues.RangeTo, LexKind.RangeTo, 0);
            AddAll(phrases, cues.TimeLeads, LexKind.TimeLead, 0);
            foreach (KeyValuePair<string, List<string>> t in cues.TimeSuffixes)
            {
                LexKind kind = t.Key switch
                {
                    "am" => LexKind.Am,
                    "pm" => LexKind.Pm,
                    "oclock" => LexKind.OClock,
                    "amGlued" => LexKind.AmGlued,
                    "pmGlued" => LexKind.PmGlued,
                    _ => throw new InvalidDataException($"Unknown time suffix '{t.Key}' in dates.json."),
                };
                AddAll(phrases, t.Value, kind, 0);
            }

            foreach (KeyValuePair<string, List<string>> t in cues.TimeWords)
            {
                TimeOnly time = TimeOnly.ParseExact(t.Key, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
                AddAll(phrases, t.Value, LexKind.TimeWord, (time.Hour * 60) + time.Minute);
            }

            foreach (KeyValuePair<string, List<string>> d in cues.DayParts)
            {
                AddAll(phrases, d.Value, LexKind.DayPart, DateSpec.DayPartIndex(d.Key));
            }

            AddAll(phrases, cues.DayNumberLeads, LexKind.DayNumberLead, 0);
            AddAll(phrases, cues.RangeNow, LexKind.Now, 0);
            AddAll(phrases, cues.WeekOf, LexKind.WeekOf, 0);
            AddAll(phrases, cues.WeekendLeads, LexKind.WeekendLead, 0);
            AddAll(phrases, cues.MoreThan, LexKind.MoreThan, 0);
            AddAll(phrases, cues.LessThan, LexKind.LessThan, 0);
            AddAll(phrases, cues.SpanFrom, LexKind.SpanFrom, 0);
            foreach (KeyValuePair<string, int> n in cues.YearNumbers)
            {
                Add(phrases, n.Key, LexKind.YearNumber, n.Value);
            }

            AddAll(phrases, cues.HundredWords, LexKind.Hundred, 100);
            AddAll(phrases, cues.ThousandWords, LexKind.Thousand, 1000);
            AddAll(phrases, cues.NumberAnd, LexKind.NumberAnd, 0);
            AddAll(phrases, cues.SpanStarting, LexKind.SpanStarting, 0);
            AddAll(phrases, cues.NearFuture, LexKind.NearDir, 1);
            AddAll(phrases, cues.NearPast, LexKind.NearDir, -1);
            AddAll(phrases, cues.AfterNextSuffix, LexKind.TwoSteps, 2);
            AddAll(phrases, cues.BeforeLastSuffix, LexKind.TwoSteps, -2);
            AddAll(phrases, cues.DurationLeads, LexKind.DurationLead, 0);
            AddAll(phrases, cues.YearWords, LexKind.YearWord, 0);
            AddAll(phrases, cues.PastCues, LexKind.PastCue, -1);
            AddAll(phrases, cues.FutureCues, LexKind.FutureCue, 1);
            AddAll(phrases, cues.Articles, LexKind.Article, 0);
            AddAll(phrases, cues.Of, LexKind.Of, 0);
            AddAll(phrases, cues.DatePrepositions, LexKind.DatePreposition, 0);
            AddAll(phrases, cues.OpenBefore, LexKind.OpenBefore, DateSpec.OpenBefore);
            AddAll(phrases, cues.OpenAfter, LexKind.OpenAfter, DateSpec.OpenAfter);
            AddAll(phrases, cues.OpenSince, LexKind.OpenSince, DateSpec.OpenSince);
            AddAll(phrases, cues.OpenUntil, LexKind.OpenUntil, DateSpec.OpenUntil);
            AddAll(phrases, cues.OpenSinceSuffix, LexKind.OpenSinceSuffix, DateSpec.OpenSince);
            AddAll(phrases, cues.NthOf, LexKind.NthOf, 0);
            AddAll(phrases, cues.OffsetAnchorBefore, LexKind.OffsetAnchor, -1);
            AddAll(phrases, cues.OffsetAnchorAfter, LexKind.OffsetAnchor, 1);
            suffixes.UnionWith(cues.PastSuffixes);
            mdy |= cues.NumericOrder == "MDY";
            dmy |= cues.NumericOrder == "DMY";
            OrdinalPeriod |= cues.OrdinalPeriod;
            OrdinalMonths |= cues.OrdinalMonths;
            ordinalSuffixes.AddRange(cues.OrdinalSuffixes);
        }

        var byFirst = new Dictionary<string, List<LexPhrase>>(StringComparer.OrdinalIgnoreCase);
        foreach (LexPhrase p in phrases)
        {
            if (!byFirst.TryGetValue(p.Tokens[0], out List<LexPhrase>? list))
            {
                byFirst[p.Tokens[0]] = list = [];
            }

            if (!list.Contains(p))
            {
                list.Add(p);
            }
        }

        var frozen = new Dictionary<string, LexEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, List<LexPhrase>> kv in byFirst)
        {
            kv.Value.Sort(static (a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
            frozen[kv.Key] = LexEntry.Of([.. kv.Value]);
            if (kv.Key.Length is > 0 and <= 40)
            {
                _firstByLength[kv.Key.Length] |= FirstBit(kv.Key[0]);
            }
        }

        _byFirst = frozen.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _firstShapes = new WordShapeFilter(frozen.Keys, ShapeBitsLog2, ignoreAsciiCase: true);
        _era = era.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _clock = clock.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _numericDayLeads = FreezeNumericCues();
        foreach (string w in era.Keys)
        {
            if (w.Length is > 0 and <= 40)
            {
                _eraByLength[w.Length] |= FirstBit(w[0]);
            }
        }

        PastSuffixes = [.. suffixes];
        InitAnaphora(data);
        MonthFirstNumeric = mdy && !dmy;
        OrdinalSuffixes = [.. ordinalSuffixes];
    }

    /// <summary>The clock-reading meaning of a word ("quarter" = 15 minutes, "past", "to").</summary>
    public ClockKind Clock(ReadOnlySpan<char> word, out int value)
    {
        if (word.Length > 0 && _clock.TryGetValue(word, out (ClockKind Kind, int Value) c))
        {
            value = c.Value;
            return c.Kind;
        }

        value = 0;
        return ClockKind.None;
    }

    /// <summary>The decade or century meaning of a word ("seventies", "nineteen", "decade", "century").</summary>
    public EraKind Era(ReadOnlySpan<char> word, out int value)
    {
        if (word.Length is > 0 and <= 40 && (_eraByLength[word.Length] & FirstBit(word[0])) != 0 && _era.TryGetValue(word, out (EraKind Kind, int Value) e))
        {
            value = e.Value;
            return e.Kind;
        }

        value = 0;
        return EraKind.None;
    }

    /// <summary>Whether numeric dates read month first (<c>01/22/2016</c>) when both readings are possible.</summary>
    public bool MonthFirstNumeric { get; }

    /// <summary>Whether a period after a day number marks an ordinal (<c>27. Februar</c>).</summary>
    public bool OrdinalPeriod { get; }

    /// <summary>Whether a month may be written as an ordinal after the day (<c>7. vierter</c>, <c>siebten vierten</c>).</summary>
    public bool OrdinalMonths { get; }

    /// <summary>Letters after a day number that make it an ordinal (<c>1st</c>).</summary>
    public string[] OrdinalSuffixes { get; }

    /// <summary>Word endings that mark a past-tense verb (English <c>-ed</c>).</summary>
    public string[] PastSuffixes { get; }

    /// <summary>The lexicon of a language; unknown languages and <c>und</c> get the union of all languages.</summary>
    public static DateLexicon For(string? language)
    {
        string key = string.IsNullOrEmpty(language) ? "und" : language;
        return Cache.GetOrAdd(key, static k =>
        {
            var list = new List<(CalendarData, DateCueData)>();
            if (k != "und")
            {
                var own = Load(k);
                if (own is not null)
                {
                    list.Add(own.Value);
                    return new DateLexicon(list);
                }
            }

            foreach (string lang in ResourceLoader.LanguagesWith("dates.json"))
            {
                list.Add(Load(lang)!.Value);
            }

            return new DateLexicon(list);
        });
    }

    /// <summary>Phrases whose first token is <paramref name="token"/> (longest first), or null.</summary>
    public LexPhrase[]? Candidates(ReadOnlySpan<char> token) => Entry(token)?.Phrases;

    /// <summary>The phrases whose first token is <paramref name="token"/> with their kinds, or null.</summary>
    public LexEntry? Entry(ReadOnlySpan<char> token)
    {
        if (token.Length is 0 or > 40 || (_firstByLength[token.Length] & FirstBit(token[0])) == 0)
        {
            return null;
        }

        if (token.Contains('\u2019'))
        {
            Span<char> copy = stackalloc char[token.Length];
            token.CopyTo(copy);
            copy.Replace('\u2019', '\'');
            return _byFirst.TryGetValue(copy, out LexEntry? c1) ? c1 : null;
        }

        // most words of a text are no first token of a phrase: one bit test instead of a hash lookup
        return _firstShapes.MayContain(token) && _byFirst.TryGetValue(token, out LexEntry? c) ? c : null;
    }

    private static uint FirstBit(char c)
    {
        char lower = (char)(c | 0x20);
        return lower is >= 'a' and <= 'z' ? 1u << (lower - 'a') : 1u << 26;
    }

    /// <summary>Whether <paramref name="word"/> ends with a past-tense suffix.</summary>
    public bool HasPastSuffix(ReadOnlySpan<char> word)
    {
        foreach (string s in PastSuffixes)
        {
            if (word.Length > s.Length + 2 && word.EndsWith(s, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Compares a token with a phrase token: case-insensitive, apostrophes folded.</summary>
    public static bool TokenEquals(ReadOnlySpan<char> token, string phraseToken)
    {
        if (token.Length != phraseToken.Length)
        {
            return false;
        }

        for (int i = 0; i < token.Length; i++)
        {
            char a = token[i] == '\u2019' ? '\'' : token[i];
            char b = phraseToken[i];
            if (a != b && char.ToLowerInvariant(a) != char.ToLowerInvariant(b))
            {
                return false;
            }
        }

        return true;
    }

    private static (CalendarData, DateCueData)? Load(string language)
    {
        CalendarData? cal = ResourceLoader.TryReadJson(language, "calendar.json", ResourceJsonContext.Default.CalendarData);
        DateCueData? cues = ResourceLoader.TryReadJson(language, "dates.json", ResourceJsonContext.Default.DateCueData);
        if (cal is null || cues is null)
        {
            return null;
        }

        return (cal, cues);
    }

    private static void AddUnits(List<LexPhrase> phrases, Dictionary<string, List<string>> units, LexKind kind)
    {
        foreach (KeyValuePair<string, List<string>> u in units)
        {
            DateUnit unit = u.Key switch
            {
                "day" => DateUnit.Day,
                "week" => DateUnit.Week,
                "month" => DateUnit.Month,
                "year" => DateUnit.Year,
                "fortnight" => DateUnit.Fortnight,
                "weekend" => DateUnit.Weekend,
                "quarter" => DateUnit.Quarter,
                "half" => DateUnit.Half,
                "hour" => DateUnit.Hour,
                "minute" => DateUnit.Minute,
                "businessDay" => DateUnit.BusinessDay,
                "workWeek" => DateUnit.WorkWeek,
                _ => throw new InvalidDataException($"Unknown unit '{u.Key}' in the date resources."),
            };
            AddAll(phrases, u.Value, kind, (int)unit);
        }
    }

    private static void AddAll(List<LexPhrase> phrases, List<string> words, LexKind kind, int value)
    {
        foreach (string w in words)
        {
            Add(phrases, w, kind, value);
        }
    }

    private static void Add(List<LexPhrase> phrases, string phrase, LexKind kind, int value) =>
        phrases.Add(new LexPhrase(PhraseTokens(phrase, $"the date resources (kind {kind})"), kind, value));

    /// <summary>A phrase of the data as lower-case tokens, typographic apostrophes folded; <paramref name="where"/> names it in the error for an empty one.</summary>
    private static string[] PhraseTokens(string phrase, string where)
    {
        var tokens = new List<string>();
        string folded = phrase.Replace('\u2019', '\'');
        foreach (Token t in Tokenizer.Enumerate(folded))
        {
            tokens.Add(folded.Substring(t.Start, t.Length).ToLowerInvariant());
        }

        return tokens.Count == 0 ? throw new InvalidDataException($"Empty phrase in {where}.") : [.. tokens];
    }
}
