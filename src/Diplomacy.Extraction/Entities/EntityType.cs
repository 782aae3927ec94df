namespace Diplomacy.Extraction.Entities;

/// <summary>The kind of an <see cref="EntityMention"/>.</summary>
public enum EntityType
{
    /// <summary>A state, named, abbreviated, as an adjective or demonym, or by metonym (<c>the Kremlin</c>, <c>Washington</c>).</summary>
    State,

    /// <summary>A city or region.</summary>
    Place,

    /// <summary>An international body, a government body or ministry, a news agency.</summary>
    Organization,

    /// <summary>A person.</summary>
    Person,

    /// <summary>A role or title (<c>foreign minister</c>, <c>Außenminister</c>, <c>spokesperson</c>).</summary>
    Role,
}
