namespace Diplomacy.Extraction.Cli;

/// <summary>The JSONL field names that hold a record's id, text and publication date.</summary>
internal sealed record JsonlFields(string IdField = "id", string TextField = "text", string DateField = "date")
{
    public static JsonlFields Default { get; } = new();

    public bool IsDefault => this == Default;
}
