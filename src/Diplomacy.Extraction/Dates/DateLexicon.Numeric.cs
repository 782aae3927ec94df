using System.Collections.Frozen;

namespace Diplomacy.Extraction.Dates;

/// <summary>The cue words of the numeric and mixed forms (<see cref="DateExtractor"/>'s Numeric part), in their own small table: the phrase-kind mask is full.</summary>
internal sealed partial class DateLexicon
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _numericDayLeads;
    private HashSet<string>? _numericDayLeadWords;
    private Dictionary<string, SideCue>? _numericCueWords;
    private FrozenDictionary<string, SideCue>.AlternateLookup<ReadOnlySpan<char>> _numericCues;

    /// <summary>The kinds of the second table of cue words (kept apart from the phrase table, whose kind mask is full).</summary>
    [Flags]
    internal enum SideCue
    {
        None = 0,

        /// <summary>Belongs to a following range of two years ("in 2014 through 2018").</summary>
        YearRangeLead = 1,

        /// <summary>Links a month to its year ("June in 2017").</summary>
        MonthYearLink = 2,

        /// <summary>A month name that is also a common word or name: alone it needs a lead ("in May", never "May" alone).</summary>
        MonthNeedsContext = 4,

        /// <summary>
        /// A verb of saying ("said", "added", "sagte"): its tense is the report's, not the reported event's, so it sets the
        /// direction of a date only right before it ("said on Thursday"), never from a trailing ", it added".
        /// </summary>
        ReportingVerb = 8,

        /// <summary>A word that joins the items of a list ("and", "or"): "September and October 1986" share the year.</summary>
        ListJoiner = 16,
    }

    /// <summary>Whether a bare month.day number after this word is a date ("on 4.22", "in 4-22").</summary>
    public bool IsNumericDayLead(ReadOnlySpan<char> word) => word.Length is > 0 and <= 8 && _numericDayLeads.Contains(word);

    /// <summary>Whether <paramref name="word"/> is a cue word of kind <paramref name="cue"/> (yearRangeLeads, monthYearLinks).</summary>
    public bool IsSideCue(ReadOnlySpan<char> word, SideCue cue) =>
        word.Length is > 0 and <= 12 && _numericCues.TryGetValue(word, out SideCue kinds) && (kinds & cue) != 0;

    private void AddNumericCues(DateCueData cues)
    {
        _numericDayLeadWords ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string w in cues.NumericDayLeads)
        {
            if (w.Length is 0 or > 8 || w.Contains(' ', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"dates.json: numericDayLeads must be single words of up to 8 characters, not '{w}'.");
            }

            _numericDayLeadWords.Add(w);
        }

        _numericCueWords ??= new Dictionary<string, SideCue>(StringComparer.OrdinalIgnoreCase);
        AddCueWords(_numericCueWords, cues.YearRangeLeads, SideCue.YearRangeLead, "yearRangeLeads");
        AddCueWords(_numericCueWords, cues.MonthYearLinks, SideCue.MonthYearLink, "monthYearLinks");
        AddCueWords(_numericCueWords, cues.MonthsNeedingContext, SideCue.MonthNeedsContext, "monthsNeedingContext");
        AddCueWords(_numericCueWords, cues.ReportingVerbs, SideCue.ReportingVerb, "reportingVerbs");
        AddCueWords(_numericCueWords, cues.ListJoiners, SideCue.ListJoiner, "listJoiners");
    }

    private static void AddCueWords(Dictionary<string, SideCue> table, List<string> words, SideCue cue, string key)
    {
        foreach (string w in words)
        {
            if (w.Length is 0 or > 12 || w.Contains(' ', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"dates.json: {key} must be single words of up to 12 characters, not '{w}'.");
            }

            table[w] = table.GetValueOrDefault(w) | cue;
        }
    }

    private FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FreezeNumericCues()
    {
        FrozenSet<string> set = (_numericDayLeadWords ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _numericDayLeadWords = null;
        _numericCues = (_numericCueWords ?? []).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _numericCueWords = null;
        return set.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
