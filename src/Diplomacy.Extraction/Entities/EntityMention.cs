using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Entities;

/// <summary>An entity found in the text, linked to an identifier where one is known.</summary>
public sealed record EntityMention
{
    /// <summary>Where it is in the original text.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>The text as written (from the normalized text).</summary>
    public required string Text { get; init; }

    /// <summary>What it is.</summary>
    public required EntityType Type { get; init; }

    /// <summary>
    /// The identifier: ISO 3166-1 alpha-3 for states (<c>RUS</c>), an upper-case code for organizations
    /// (<c>NATO</c>, <c>TASS</c>, <c>RUS-MFA</c>), a stable id for known people; <see langword="null"/> when unknown.
    /// </summary>
    public string? Code { get; init; }

    /// <summary>The canonical name (<c>Russia</c>, <c>Sergey Ryabkov</c>, <c>Istanbul</c>).</summary>
    public string? Canonical { get; init; }

    /// <summary>The country a place is in, or a person or organization belongs to (ISO 3166-1 alpha-3).</summary>
    public string? CountryCode { get; init; }

    /// <summary>For people, the role stated in the text or known (<c>Foreign Minister</c>); for roles, the normalized role.</summary>
    public string? Role { get; init; }

    /// <summary>The GeoNames id of a place, where the source has it.</summary>
    public long? GeonamesId { get; init; }

    /// <summary>Latitude of a place, where known.</summary>
    public double? Latitude { get; init; }

    /// <summary>Longitude of a place, where known.</summary>
    public double? Longitude { get; init; }
}
