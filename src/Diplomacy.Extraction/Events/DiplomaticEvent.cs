using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Events;

/// <summary>
/// One real-world diplomatic contact reported by an article: who meets whom, where, when, in what status,
/// about what (and explicitly not about what), who announced it, and the evidence in the original text.
/// The same meeting mentioned ten times in an article is one event; a "second round" is another.
/// </summary>
public sealed record DiplomaticEvent
{
    /// <summary>
    /// The event's id, unique within a run: the document id and the event's ordinal in the document
    /// (<c>002_29014f281bf62b61#2</c>); <c>#1</c>, <c>#2</c>, ... when the document has no id.
    /// </summary>
    public string Id { get; init; } = "";

    /// <summary>The document the event was read from.</summary>
    public string? DocumentId { get; init; }

    /// <summary>
    /// The document's reference (publication) date that relative times were resolved against, or <see langword="null"/>
    /// when none was given. It is the "as of" date of <see cref="Status"/> when events are consolidated across documents.
    /// </summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>The document's language (ISO 639-1).</summary>
    public required string Language { get; init; }

    /// <summary>What kind of contact it is.</summary>
    public required EventKind Kind { get; init; }

    /// <summary>Where it stands.</summary>
    public required EventStatus Status { get; init; }

    /// <summary>States and organizations taking part.</summary>
    public required IReadOnlyList<EventParticipant> Participants { get; init; }

    /// <summary>People taking part.</summary>
    public required IReadOnlyList<EventPerson> People { get; init; }

    /// <summary>Where it takes place, or <see langword="null"/> when the article does not say.</summary>
    public EventLocation? Location { get; init; }

    /// <summary>When it takes place, or <see langword="null"/> when the article does not say.</summary>
    public EventTime? Time { get; init; }

    /// <summary>Agenda topics, each with its evidence.</summary>
    public required IReadOnlyList<TopicMention> Topics { get; init; }

    /// <summary>Topics the article says are not on the agenda.</summary>
    public required IReadOnlyList<TopicMention> ExcludedTopics { get; init; }

    /// <summary>The person, body or agency that announced or reported it (<c>Sergey Lavrov</c>, <c>U.S. government</c>, <c>TASS</c>).</summary>
    public string? AnnouncedBy { get; init; }

    /// <summary>The round, when the article numbers it (a "second meeting" is round 2).</summary>
    public int? Round { get; init; }

    /// <summary>CAMEO event code (<c>036</c> intent to meet, <c>040</c> consult, <c>042</c> visit, <c>044</c> meet at a third location, <c>046</c> negotiate).</summary>
    public string? Cameo { get; init; }

    /// <summary>PLOVER event code.</summary>
    public PloverCode? Plover { get; init; }

    /// <summary>The sentences each field came from.</summary>
    public required IReadOnlyList<EventEvidence> Evidence { get; init; }

    /// <summary>How sure the extraction is, from 0 to 1.</summary>
    public required double Confidence { get; init; }

    /// <summary>The span of the first sentence that reports the event.</summary>
    public required TextSpan Span { get; init; }
}
