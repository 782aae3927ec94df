using System.Collections.Frozen;

namespace Diplomacy.Extraction.Dates;

/// <summary>The cue words of the numeric and mixed forms (<see cref="DateExtractor"/>'s Numeric part), in their own small table: the phrase-kind mask is full.</summary>
internal sealed partial class DateLexicon
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _numericDayLeads;
    private HashSet<string>? _numericDayLeadWords;

    /// <summary>Whether a bare month.day number after this word is a date ("on 4.22", "in 4-22").</summary>
    public bool IsNumericDayLead(ReadOnlySpan<char> word) => word.Length is > 0 and <= 8 && _numericDayLeads.Contains(word);

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
    }

    private FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FreezeNumericCues()
    {
        FrozenSet<string> set = (_numericDayLeadWords ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _numericDayLeadWords = null;
        return set.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
