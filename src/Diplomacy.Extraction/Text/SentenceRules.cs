using System.Collections.Concurrent;
using System.Collections.Frozen;
using Diplomacy.Extraction.Resources;

namespace Diplomacy.Extraction.Text;

/// <summary>
/// Per-language knowledge the sentence splitter needs, loaded once from <c>Resources/&lt;lang&gt;/sentences.json</c>
/// into frozen sets that are looked up by span, without allocating.
/// </summary>
internal sealed class SentenceRules
{
    private static readonly ConcurrentDictionary<string, SentenceRules> Cache = new(StringComparer.Ordinal);
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _titles;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _abbreviations;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _starters;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _dayMonths;

    private SentenceRules(string language, IEnumerable<SentenceRulesData> data)
    {
        Language = language;
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var abbreviations = new HashSet<string>(StringComparer.Ordinal);
        var starters = new HashSet<string>(StringComparer.Ordinal);
        var dayMonths = new HashSet<string>(StringComparer.Ordinal);
        foreach (SentenceRulesData d in data)
        {
            titles.UnionWith(d.Titles);
            abbreviations.UnionWith(d.Abbreviations);
            starters.UnionWith(d.SentenceStarters);
            OrdinalPeriod |= d.OrdinalPeriod;
            dayMonths.UnionWith(d.DayMonthAbbreviations);
        }

        _titles = titles.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _abbreviations = abbreviations.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _starters = starters.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _dayMonths = dayMonths.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The language, or <c>und</c> for the union of all languages.</summary>
    public string Language { get; }

    /// <summary>Whether a period after a small number marks an ordinal.</summary>
    public bool OrdinalPeriod { get; }

    /// <summary>Rules for a language; unknown languages (and <c>und</c>) get the union of all.</summary>
    public static SentenceRules For(string? language)
    {
        string key = string.IsNullOrEmpty(language) ? "und" : language;
        return Cache.GetOrAdd(key, static k =>
        {
            SentenceRulesData? own = k == "und" ? null : ResourceLoader.TryReadJson(k, "sentences.json", ResourceJsonContext.Default.SentenceRulesData);
            if (own is not null)
            {
                return new SentenceRules(k, [own]);
            }

            var all = new List<SentenceRulesData>();
            foreach (string lang in ResourceLoader.LanguagesWith("sentences.json"))
            {
                all.Add(ResourceLoader.TryReadJson(lang, "sentences.json", ResourceJsonContext.Default.SentenceRulesData)!);
            }

            var union = new SentenceRules("und", all);
            return union;
        });
    }

    public bool IsTitle(ReadOnlySpan<char> word) => _titles.Contains(word);

    public bool IsAbbreviation(ReadOnlySpan<char> word) => _abbreviations.Contains(word);

    public bool IsSentenceStarter(ReadOnlySpan<char> word) => _starters.Contains(word);

    /// <summary>Whether a day number with a period before <paramref name="word"/> (a month abbreviation) is part of a date.</summary>
    public bool IsDayMonthAbbreviation(ReadOnlySpan<char> word) => _dayMonths.Contains(word);
}
