using Diplomacy.Extraction.Events;

namespace Diplomacy.Extraction.Consolidation;

/// <summary>
/// One real-world meeting assembled from every report of it across documents: the best value of each field with
/// its support (how many member reports state it), the status history, the sources with their evidence and the
/// ids of the member events.
/// </summary>
public sealed record ConsolidatedEvent
{
    /// <summary>A stable id: <c>c:</c> and the id of the earliest member report.</summary>
    public required string Id { get; init; }

    /// <summary>The most frequent kind among the reports.</summary>
    public required EventKind Kind { get; init; }

    /// <summary>The current status: the one of the latest report (by reference date).</summary>
    public required EventStatus Status { get; init; }

    /// <summary>The participating states and organizations (the same in every member report).</summary>
    public required IReadOnlyList<EventParticipant> Participants { get; init; }

    /// <summary>People named as taking part, most supported first.</summary>
    public required IReadOnlyList<SupportedPerson> People { get; init; }

    /// <summary>The best-supported, most specific location, or <see langword="null"/> when no report gives one.</summary>
    public ConsolidatedLocation? Location { get; init; }

    /// <summary>The most precise reported time consistent with all reports, or <see langword="null"/> when no report gives one.</summary>
    public ConsolidatedTime? Time { get; init; }

    /// <summary>
    /// The first day the meeting can fall on given every report (its stated time, or for a report without one, its
    /// status and date: a meeting reported as held took place shortly before the report, a planned one after it);
    /// <see langword="null"/> when no report has a date.
    /// </summary>
    public DateOnly? OccursFrom { get; init; }

    /// <summary>The last day the meeting can fall on given every report; <see langword="null"/> when no report has a date.</summary>
    public DateOnly? OccursTo { get; init; }

    /// <summary>Agenda topics with their support.</summary>
    public required IReadOnlyList<SupportedTopic> Topics { get; init; }

    /// <summary>Topics reported as off the agenda, with their support.</summary>
    public required IReadOnlyList<SupportedTopic> ExcludedTopics { get; init; }

    /// <summary>Who announced or reported it, with support.</summary>
    public required IReadOnlyList<SupportedName> AnnouncedBy { get; init; }

    /// <summary>The round, when a report numbers it.</summary>
    public int? Round { get; init; }

    /// <summary>Every report's status with its as-of date and source, oldest first.</summary>
    public required IReadOnlyList<StatusReport> StatusHistory { get; init; }

    /// <summary>The member reports: document, event id, status and evidence (spans into that document's text).</summary>
    public required IReadOnlyList<EventSource> Sources { get; init; }

    /// <summary>How many reports (member events) were merged: one per document.</summary>
    public required int MentionCount { get; init; }

    /// <summary>The ids of the member events (<see cref="DiplomaticEvent.Id"/>), oldest report first.</summary>
    public required IReadOnlyList<string> MemberEventIds { get; init; }

    /// <summary>The combined confidence of the member reports, from 0 to 1.</summary>
    public required double Confidence { get; init; }
}

/// <summary>A location with the number of member reports that state it (a report giving only the same country counts).</summary>
/// <param name="City">City name, or <see langword="null"/>.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-3 code, or <see langword="null"/>.</param>
/// <param name="GeonamesId">GeoNames id of the city, when known.</param>
/// <param name="Support">How many member reports agree with it.</param>
public sealed record ConsolidatedLocation(string? City, string? CountryCode, long? GeonamesId, int Support);

/// <summary>The most precise reported time of a consolidated event.</summary>
/// <param name="Start">First day.</param>
/// <param name="End">Last day.</param>
/// <param name="Text">The expression as one report wrote it.</param>
/// <param name="Timex">TIMEX3-style value.</param>
/// <param name="Support">How many member reports give a time containing it.</param>
public sealed record ConsolidatedTime(DateOnly Start, DateOnly End, string Text, string? Timex, int Support);

/// <summary>A person with the number of member reports naming them.</summary>
/// <param name="Name">Canonical name.</param>
/// <param name="Role">Office, when a report gives one.</param>
/// <param name="Affiliation">State or organization code, when known.</param>
/// <param name="Support">How many member reports name them.</param>
public sealed record SupportedPerson(string Name, string? Role, string? Affiliation, int Support);

/// <summary>A topic with the number of member reports giving it.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Support">How many member reports give it.</param>
public sealed record SupportedTopic(DiplomaticTopic Topic, int Support);

/// <summary>A name (announcer) with the number of member reports giving it.</summary>
/// <param name="Name">The name.</param>
/// <param name="Support">How many member reports give it.</param>
public sealed record SupportedName(string Name, int Support);

/// <summary>One entry of a status history: what one report said, as of its date.</summary>
/// <param name="Status">The status the report gives.</param>
/// <param name="AsOf">The report's reference date, or <see langword="null"/> when unknown.</param>
/// <param name="DocumentId">The report's document.</param>
/// <param name="EventId">The member event.</param>
public sealed record StatusReport(EventStatus Status, DateOnly? AsOf, string? DocumentId, string EventId);

/// <summary>One member report of a consolidated event.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="EventId">The member event's id.</param>
/// <param name="Status">Its status.</param>
/// <param name="ReferenceDate">The document's reference date.</param>
/// <param name="Evidence">Its evidence (spans into that document's original text).</param>
public sealed record EventSource(string? DocumentId, string EventId, EventStatus Status, DateOnly? ReferenceDate, IReadOnlyList<EventEvidence> Evidence);
