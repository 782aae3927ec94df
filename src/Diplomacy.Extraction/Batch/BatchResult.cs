namespace Diplomacy.Extraction.Batch;

/// <summary>
/// The outcome of one <see cref="BatchDocument"/>: either an <see cref="ExtractionResult"/> or, when processing threw,
/// the error. Every input document produces exactly one result.
/// </summary>
public sealed class BatchResult
{
    internal BatchResult(long sequence, BatchDocument document, ExtractionResult? result, Exception? exception)
    {
        Sequence = sequence;
        Document = document;
        Result = result;
        Exception = exception;
    }

    /// <summary>The zero-based position of the document in the input sequence.</summary>
    public long Sequence { get; }

    /// <summary>The input document (with its <see cref="BatchDocument.Tag"/>).</summary>
    public BatchDocument Document { get; }

    /// <summary>The extraction result; <see langword="null"/> when processing failed.</summary>
    public ExtractionResult? Result { get; }

    /// <summary>The exception processing threw; <see langword="null"/> on success.</summary>
    public Exception? Exception { get; }

    /// <summary>Whether the document was processed (its result may still carry error diagnostics).</summary>
    public bool IsSuccess => Result is not null;

    /// <summary>A one-line description of the failure, or <see langword="null"/> on success.</summary>
    public string? Error => Exception is null ? null : $"{Exception.GetType().Name}: {Exception.Message}";
}
