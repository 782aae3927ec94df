namespace Diplomacy.Extraction.Batch;

/// <summary>One document of a batch run: its text, its metadata and an optional caller tag echoed in the result.</summary>
public sealed class BatchDocument
{
    /// <summary>Creates a batch document.</summary>
    /// <param name="text">The document's text.</param>
    /// <param name="info">Its metadata (identifier, reference date, ...).</param>
    /// <param name="tag">Any caller state to carry through to the <see cref="BatchResult"/> (for example the input line).</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public BatchDocument(string text, DocumentInfo? info = null, object? tag = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Info = info ?? new DocumentInfo();
        Tag = tag;
    }

    /// <summary>The document's text.</summary>
    public string Text { get; }

    /// <summary>The document's metadata.</summary>
    public DocumentInfo Info { get; }

    /// <summary>The caller's state, returned unchanged in <see cref="BatchResult.Document"/>.</summary>
    public object? Tag { get; }
}
