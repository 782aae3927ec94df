using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Events;

/// <summary>A piece of the original text that a field of an event was read from.</summary>
/// <param name="Field">The field: <c>event</c>, <c>status</c>, <c>participants</c>, <c>location</c>, <c>time</c>, <c>announcedBy</c>, <c>round</c>.</param>
/// <param name="Span">The sentence in original-text coordinates.</param>
/// <param name="Text">The sentence text.</param>
public sealed record EventEvidence(string Field, TextSpan Span, string Text);
