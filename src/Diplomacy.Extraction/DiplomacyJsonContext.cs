using System.Text.Json.Serialization;

namespace Diplomacy.Extraction;

/// <summary>
/// Source-generated System.Text.Json metadata for the library's output types (camelCase, enums as strings,
/// nulls omitted). Use it to serialize results without reflection: <c>JsonSerializer.Serialize(result, DiplomacyJsonContext.Default.ExtractionResult)</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExtractionResult))]
[JsonSerializable(typeof(Diagnostic))]
[JsonSerializable(typeof(Sentence))]
[JsonSerializable(typeof(Entities.EntityMention))]
[JsonSerializable(typeof(Dates.TimeExpression))]
[JsonSerializable(typeof(Events.DiplomaticEvent))]
[JsonSerializable(typeof(IReadOnlyList<Events.DiplomaticEvent>))]
[JsonSerializable(typeof(Consolidation.ConsolidatedEvent))]
[JsonSerializable(typeof(IReadOnlyList<Consolidation.ConsolidatedEvent>))]
public sealed partial class DiplomacyJsonContext : JsonSerializerContext;
