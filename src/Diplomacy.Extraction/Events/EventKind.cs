namespace Diplomacy.Extraction.Events;

/// <summary>What kind of diplomatic contact an event is.</summary>
public enum EventKind
{
    /// <summary>A meeting.</summary>
    Meeting,

    /// <summary>Talks, discussions, consultations, a round of dialogue.</summary>
    Talks,

    /// <summary>A summit of leaders.</summary>
    Summit,

    /// <summary>A visit.</summary>
    Visit,

    /// <summary>A telephone call.</summary>
    PhoneCall,

    /// <summary>Negotiations.</summary>
    Negotiation,
}
