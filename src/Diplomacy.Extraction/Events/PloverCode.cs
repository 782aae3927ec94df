namespace Diplomacy.Extraction.Events;

/// <summary>The event's code in the PLOVER ontology.</summary>
/// <param name="Event">The PLOVER event type (<c>CONSULT</c>).</param>
/// <param name="Mode">The PLOVER mode (<c>visit</c>, <c>third-party</c>, <c>phone</c>), when known.</param>
public sealed record PloverCode(string Event, string? Mode);
