namespace Diplomacy.Extraction;

/// <summary>What is known about a document besides its text.</summary>
public sealed record DocumentInfo
{
    /// <summary>The caller's identifier of the document; echoed in every result and event.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// The publication date: relative time expressions ("on Thursday", "im Herbst") resolve against it.
    /// Without it they are found but left unresolved (unless the pipeline was given a clock fallback).
    /// </summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>
    /// The publication time of day (with <see cref="ReferenceDate"/>): "in 5 minutes", "in 3 hours" resolve against it.
    /// Without it they are found but left unresolved.
    /// </summary>
    public TimeOnly? ReferenceTime { get; init; }

    /// <summary>The outlet or agency the text comes from.</summary>
    public string? Source { get; init; }

    /// <summary>Where the text was published.</summary>
    public Uri? Url { get; init; }

    /// <summary>A language known from metadata (ISO 639-1); weighed by the language detector, not blindly trusted.</summary>
    public string? LanguageHint { get; init; }
}
