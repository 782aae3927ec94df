namespace Diplomacy.Extraction.Normalization;

/// <summary>The JSON shape of <c>Resources/&lt;lang&gt;/furniture.json</c>: per-language cues for page furniture.</summary>
internal sealed class FurnitureData
{
    /// <summary>Phrases that make up whole lines of page furniture (<c>Exit mobile version</c>, <c>Kommentar hinterlassen</c>).</summary>
    public List<string> Phrases { get; set; } = [];

    /// <summary>Words of error pages (<c>sorry</c>, <c>not found</c>); two in a short line at the edge of a document mark it.</summary>
    public List<string> ErrorCues { get; set; } = [];

    /// <summary>Words of legal disclaimers (<c>warranty</c>, <c>liability</c>).</summary>
    public List<string> LegalCues { get; set; } = [];

    /// <summary>Headings that introduce a disclaimer paragraph.</summary>
    public List<string> DisclaimerHeadings { get; set; } = [];

    /// <summary>Words of author blurbs (<c>journalist</c>, <c>Redakteurin</c>).</summary>
    public List<string> AuthorRoles { get; set; } = [];

    /// <summary>Words written before an author's name (<c>By</c>, <c>Von</c>).</summary>
    public List<string> BylinePrefixes { get; set; } = [];
}
