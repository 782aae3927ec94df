namespace Diplomacy.Extraction.Text;

/// <summary>The JSON shape of <c>Resources/&lt;lang&gt;/sentences.json</c>.</summary>
internal sealed class SentenceRulesData
{
    /// <summary>Titles written before names; a period after them never ends a sentence (<c>Dr</c>, <c>Prof</c>).</summary>
    public List<string> Titles { get; set; } = [];

    /// <summary>Other abbreviations written with a period (without it here); they end a sentence only before a sentence starter.</summary>
    public List<string> Abbreviations { get; set; } = [];

    /// <summary>Words that typically begin a sentence, used to decide after an abbreviation.</summary>
    public List<string> SentenceStarters { get; set; } = [];

    /// <summary>Whether a period after a one- or two-digit number marks an ordinal (German <c>27. Februar</c>).</summary>
    public bool OrdinalPeriod { get; set; }

    /// <summary>Month abbreviations a day number with a period may stand before without ending a sentence (<c>16. Nov. 2016</c>).</summary>
    public List<string> DayMonthAbbreviations { get; set; } = [];
}
