using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>A part of the document (one or more paragraphs) written in another language than the document's.</summary>
/// <param name="Span">Where it is in the original text.</param>
/// <param name="Language">Its language (ISO 639-1).</param>
/// <param name="Confidence">How sure the detector is, from 0 to 1.</param>
public sealed record LanguageSpan(TextSpan Span, string Language, double Confidence);
