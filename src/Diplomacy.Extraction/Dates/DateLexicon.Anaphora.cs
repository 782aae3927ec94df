using System.Collections.Frozen;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Dates;

/// <summary>What a word or phrase of the anaphora table means (kept out of the phrase table: its kind mask is full).</summary>
internal enum AnaKind : byte
{
    None,

    /// <summary>"my": a possessive before a period word ("my week", "rest of my week").</summary>
    Possessive,

    /// <summary>A preposition before "the week/month/year" at the end of a clause ("in the week.", "of the month.").</summary>
    PeriodLead,

    /// <summary>"to date" after a period word: from its start up to the reference date.</summary>
    ToDate,

    /// <summary>A one-word "year to date" ("year-to-date"); the value is a <see cref="DateUnit"/>.</summary>
    ToDateWord,

    /// <summary>A day relative to today that needs the end of a clause after it ("the next day", "last day"); the value is the offset.</summary>
    DayWord,

    /// <summary>The end of today ("eod").</summary>
    DayEnd,

    /// <summary>A part word after the period ("dieses Jahr früh"); the value is a part constant of <see cref="DateSpec"/>.</summary>
    PartSuffix,

    /// <summary>A weekend word that may stand without an article after <see cref="BareWeekendLead"/> ("on weekend").</summary>
    BareWeekend,

    /// <summary>The lead of a bare weekend word, left out of the span ("on").</summary>
    BareWeekendLead,

    /// <summary>A period word in the singular that a determiner may name alone ("week", "year"); the value is a <see cref="DateUnit"/>.</summary>
    PeriodWord,

    /// <summary>"in the future" (+1), "in the past" (-1) after a count and a unit.</summary>
    CountSuffix,
}

/// <summary>A phrase of the anaphora table (lower-cased tokens) with its meaning.</summary>
internal sealed record AnaPhrase(string[] Tokens, AnaKind Kind, int Value);

/// <summary>The cues of period words with a determiner, relative day words and "to date" in <c>dates.json</c> (key <c>anaphora</c>).</summary>
internal sealed class AnaphoraCueData
{
    public List<string> Possessives { get; set; } = [];

    public List<string> PeriodLeads { get; set; } = [];

    public List<string> ToDate { get; set; } = [];

    public Dictionary<string, string> ToDateWords { get; set; } = [];

    public Dictionary<string, int> DayWords { get; set; } = [];

    public List<string> DayEnd { get; set; } = [];

    public Dictionary<string, List<string>> PartSuffixes { get; set; } = [];

    public List<string> BareWeekend { get; set; } = [];

    public List<string> BareWeekendLeads { get; set; } = [];

    public Dictionary<string, List<string>> PeriodWords { get; set; } = [];

    public List<string> FutureSuffixes { get; set; } = [];

    public List<string> PastSuffixes { get; set; } = [];
}

/// <summary>The anaphora table of the lexicon.</summary>
internal sealed partial class DateLexicon
{
    private readonly uint[] _anaByLength = new uint[41];

    /// <summary>The same prefilter for the phrases that may start at a word the main lexicon does not know ("my", "eod", "year-to-date").</summary>
    private readonly uint[] _anaUnknownByLength = new uint[41];

    /// <summary>The shapes of the same first words (<see cref="WordShapeFilter"/>).</summary>
    private WordShapeFilter? _anaUnknownShapes;
    private FrozenDictionary<string, AnaPhrase[]>.AlternateLookup<ReadOnlySpan<char>> _ana;

    /// <summary>The phrases of the anaphora table whose first token is <paramref name="token"/> (longest first), or null.</summary>
    public AnaPhrase[]? Anaphora(ReadOnlySpan<char> token)
    {
        if (token.Length is 0 or > 40 || (_anaByLength[token.Length] & FirstBit(token[0])) == 0)
        {
            return null;
        }

        return _ana.TryGetValue(token, out AnaPhrase[]? p) ? p : null;
    }

    /// <summary>One bit per <see cref="AnaKind"/> that has a phrase in the table.</summary>
    private uint _anaKinds;

    /// <summary>Whether the table has a phrase of <paramref name="kind"/> (a language without "in the future" skips that matcher).</summary>
    public bool HasAnaphora(AnaKind kind) => (_anaKinds & (1u << (int)kind)) != 0;

    /// <summary>Whether a phrase of the anaphora table may start at <paramref name="word"/>, a word the main lexicon does not know (cheap prefilters: length and first letter, then the word shape).</summary>
    public bool MayStartAnaphoraAtUnknown(ReadOnlySpan<char> word) =>
        word.Length is > 0 and <= 40 && (_anaUnknownByLength[word.Length] & FirstBit(word[0])) != 0 && _anaUnknownShapes!.MayContain(word);

    private void InitAnaphora(IReadOnlyList<(CalendarData Calendar, DateCueData Cues)> data)
    {
        var phrases = new List<AnaPhrase>();
        foreach ((_, DateCueData cues) in data)
        {
            AnaphoraCueData a = cues.Anaphora;
            AddAna(phrases, a.Possessives, AnaKind.Possessive, 0);
            AddAna(phrases, a.PeriodLeads, AnaKind.PeriodLead, 0);
            AddAna(phrases, a.ToDate, AnaKind.ToDate, 0);
            AddAna(phrases, a.DayEnd, AnaKind.DayEnd, 0);
            AddAna(phrases, a.BareWeekend, AnaKind.BareWeekend, 0);
            AddAna(phrases, a.BareWeekendLeads, AnaKind.BareWeekendLead, 0);
            AddAna(phrases, a.FutureSuffixes, AnaKind.CountSuffix, 1);
            AddAna(phrases, a.PastSuffixes, AnaKind.CountSuffix, -1);
            foreach (KeyValuePair<string, string> w in a.ToDateWords)
            {
                AddAna(phrases, [w.Key], AnaKind.ToDateWord, (int)AnaUnit(w.Value));
            }

            foreach (KeyValuePair<string, List<string>> w in a.PeriodWords)
            {
                AddAna(phrases, w.Value, AnaKind.PeriodWord, (int)AnaUnit(w.Key));
            }

            foreach (KeyValuePair<string, int> w in a.DayWords)
            {
                AddAna(phrases, [w.Key], AnaKind.DayWord, w.Value);
            }

            foreach (KeyValuePair<string, List<string>> p in a.PartSuffixes)
            {
                int part = p.Key switch
                {
                    "early" => DateSpec.PartEarly,
                    "mid" => DateSpec.PartMid,
                    "late" => DateSpec.PartLate,
                    _ => throw new InvalidDataException($"Unknown part '{p.Key}' in anaphora.partSuffixes of dates.json."),
                };
                AddAna(phrases, p.Value, AnaKind.PartSuffix, part);
            }
        }

        var byFirst = new Dictionary<string, List<AnaPhrase>>(StringComparer.OrdinalIgnoreCase);
        var unknownFirst = new List<string>();
        foreach (AnaPhrase p in phrases)
        {
            if (!byFirst.TryGetValue(p.Tokens[0], out List<AnaPhrase>? list))
            {
                byFirst[p.Tokens[0]] = list = [];
            }

            list.Add(p);
            _anaKinds |= 1u << (int)p.Kind;
            if (p.Kind is AnaKind.Possessive or AnaKind.DayEnd or AnaKind.ToDateWord && p.Tokens[0].Length is > 0 and <= 40)
            {
                _anaUnknownByLength[p.Tokens[0].Length] |= FirstBit(p.Tokens[0][0]);
                unknownFirst.Add(p.Tokens[0]);
            }
        }

        _anaUnknownShapes = new WordShapeFilter(unknownFirst, ShapeBitsLog2 - 4, ignoreAsciiCase: true);

        var frozen = new Dictionary<string, AnaPhrase[]>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, List<AnaPhrase>> kv in byFirst)
        {
            kv.Value.Sort(static (a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
            frozen[kv.Key] = [.. kv.Value];
            if (kv.Key.Length is > 0 and <= 40)
            {
                _anaByLength[kv.Key.Length] |= FirstBit(kv.Key[0]);
            }
        }

        _ana = frozen.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static DateUnit AnaUnit(string name) => name switch
    {
        "day" => DateUnit.Day,
        "week" => DateUnit.Week,
        "weekend" => DateUnit.Weekend,
        "fortnight" => DateUnit.Fortnight,
        "month" => DateUnit.Month,
        "quarter" => DateUnit.Quarter,
        "year" => DateUnit.Year,
        _ => throw new InvalidDataException($"Unknown unit '{name}' in anaphora of dates.json."),
    };

    private static void AddAna(List<AnaPhrase> phrases, List<string> words, AnaKind kind, int value)
    {
        foreach (string w in words)
        {
            phrases.Add(new AnaPhrase(PhraseTokens(w, $"anaphora of dates.json (kind {kind})"), kind, value));
        }
    }
}
