using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Events;

/// <summary>Where an event takes place.</summary>
/// <param name="City">The city, when the article names one.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-3 code of the country.</param>
/// <param name="GeonamesId">GeoNames id of the city, where known.</param>
/// <param name="Text">The text that names the place.</param>
/// <param name="Span">Where that text is in the original.</param>
public sealed record EventLocation(string? City, string? CountryCode, long? GeonamesId, string Text, TextSpan Span);
