namespace Diplomacy.Extraction.Cli;

/// <summary>One line of a JSONL input: only <c>text</c> is required.</summary>
internal sealed class JsonlRecord
{
    public string? Id { get; set; }

    public string? Text { get; set; }

    public string? Date { get; set; }

    public string? ReferenceDate { get; set; }

    public string? Source { get; set; }

    public string? Url { get; set; }

    public string? Language { get; set; }
}
