namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>The detector's answer for one text.</summary>
/// <param name="Language">The best language (ISO 639-1), or <see cref="LanguageDetector.Undetermined"/>.</param>
/// <param name="Confidence">Its probability-like score, 0..1 (0 for undetermined input without letters).</param>
/// <param name="Alternatives">The runners-up, best first.</param>
internal sealed record LanguageGuess(string Language, double Confidence, LanguageScore[] Alternatives)
{
    public bool IsUndetermined => string.Equals(Language, LanguageDetector.Undetermined, StringComparison.Ordinal);
}

/// <summary>A document's language and the paragraphs written in others (spans in the analyzed text's coordinates).</summary>
internal sealed record DocumentLanguage(LanguageGuess Main, IReadOnlyList<(int Start, int Length, string Language, double Confidence)> Others);
