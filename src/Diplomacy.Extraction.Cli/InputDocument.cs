namespace Diplomacy.Extraction.Cli;

/// <summary>One input record: a file or a JSONL line, or the reason it could not be read; <c>Bytes</c> is its size in the input.</summary>
internal sealed record InputDocument(string Location, string? Text, DocumentInfo Info, string? Error = null, long Bytes = 0);
