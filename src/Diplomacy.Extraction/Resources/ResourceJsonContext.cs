using System.Text.Json.Serialization;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Resources;

/// <summary>Source-generated JSON metadata for the embedded resources.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(SentenceRulesData))]
[JsonSerializable(typeof(Events.EventLexiconData))]
[JsonSerializable(typeof(Diplomacy.Extraction.Normalization.FurnitureData))]
[JsonSerializable(typeof(Diplomacy.Extraction.Dates.CalendarData))]
[JsonSerializable(typeof(Diplomacy.Extraction.Dates.DateCueData))]
internal sealed partial class ResourceJsonContext : JsonSerializerContext;
