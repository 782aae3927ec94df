using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Events;

/// <summary>An agenda topic of an event with the text that states it.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Span">The words that name the topic, in original-text coordinates.</param>
/// <param name="Text">Those words.</param>
public sealed record TopicMention(DiplomaticTopic Topic, TextSpan Span, string Text);
