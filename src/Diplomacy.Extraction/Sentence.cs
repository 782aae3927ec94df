using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction;

/// <summary>A sentence of the document.</summary>
/// <param name="Span">Where it is in the original text.</param>
/// <param name="Text">Its normalized text.</param>
public sealed record Sentence(TextSpan Span, string Text);
