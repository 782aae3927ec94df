namespace Diplomacy.Extraction.Events;

/// <summary>Where an event stands, as the article reports it.</summary>
public enum EventStatus
{
    /// <summary>Scheduled, announced or agreed.</summary>
    Planned,

    /// <summary>Sought, called for or offered, not yet agreed.</summary>
    Proposed,

    /// <summary>Took place.</summary>
    Held,

    /// <summary>Taking place as the article is written.</summary>
    Ongoing,

    /// <summary>Moved to a later date.</summary>
    Postponed,

    /// <summary>Called off.</summary>
    Cancelled,
}
