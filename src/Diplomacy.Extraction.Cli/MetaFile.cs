namespace Diplomacy.Extraction.Cli;

/// <summary>A <c>*.meta.json</c> file beside text files: per-file id, reference date, source.</summary>
internal sealed class MetaFile
{
    public List<MetaEntry> Documents { get; set; } = [];
}

/// <summary>One entry of a <see cref="MetaFile"/>.</summary>
internal sealed class MetaEntry
{
    public string? File { get; set; }

    public string? Id { get; set; }

    public string? ReferenceDate { get; set; }

    public string? Source { get; set; }

    public string? Url { get; set; }

    public string? Language { get; set; }
}
