namespace Diplomacy.Extraction.Events;

/// <summary>A person taking part in an event.</summary>
/// <param name="Name">Canonical name where known, else as written.</param>
/// <param name="Role">Role or title, where stated or known.</param>
/// <param name="Affiliation">The state (ISO 3166-1 alpha-3) the person acts for, where known.</param>
public sealed record EventPerson(string Name, string? Role, string? Affiliation);
