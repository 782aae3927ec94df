namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>A candidate language with its probability-like score (0..1) from the language detector.</summary>
/// <param name="Language">The language (ISO 639-1).</param>
/// <param name="Score">How likely it is, from 0 to 1; the scores of all candidates sum to at most 1.</param>
public sealed record LanguageScore(string Language, double Score);
