using Diplomacy.Extraction.Entities;

namespace Diplomacy.Extraction.Events;

/// <summary>A state or organization taking part in an event.</summary>
/// <param name="Code">ISO 3166-1 alpha-3 code of a state, or the upper-case code of an organization.</param>
/// <param name="Name">Canonical name.</param>
/// <param name="Type">State or Organization.</param>
public sealed record EventParticipant(string Code, string Name, EntityType Type);
