namespace Diplomacy.Extraction.Events;

/// <summary>The closed list of agenda topics.</summary>
public enum DiplomaticTopic
{
    /// <summary>Arms control, nuclear arms, strategic stability, treaties such as New START, non-proliferation.</summary>
    ArmsControl,

    /// <summary>Sanctions.</summary>
    Sanctions,

    /// <summary>Trade and tariffs.</summary>
    Trade,

    /// <summary>Energy.</summary>
    Energy,

    /// <summary>Cybersecurity.</summary>
    Cybersecurity,

    /// <summary>Climate change.</summary>
    ClimateChange,

    /// <summary>Health.</summary>
    Health,

    /// <summary>Ukraine.</summary>
    Ukraine,

    /// <summary>Syria.</summary>
    Syria,

    /// <summary>The Middle East.</summary>
    MiddleEast,

    /// <summary>Regional conflicts, military presence, peacekeeping.</summary>
    RegionalSecurity,

    /// <summary>NATO.</summary>
    NATO,

    /// <summary>Terrorism.</summary>
    Terrorism,

    /// <summary>Human rights.</summary>
    HumanRights,

    /// <summary>Humanitarian aid.</summary>
    Humanitarian,

    /// <summary>Embassy operations, restoring ties, bilateral irritants.</summary>
    DiplomaticRelations,

    /// <summary>Prisoners and exchanges.</summary>
    Prisoners,

    /// <summary>Migration and refugees.</summary>
    Migration,

    /// <summary>Investment, joint projects, business ties.</summary>
    EconomicCooperation,
}
