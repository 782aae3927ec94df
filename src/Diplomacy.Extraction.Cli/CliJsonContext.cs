using System.Text.Json.Serialization;

namespace Diplomacy.Extraction.Cli;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(JsonlRecord))]
[JsonSerializable(typeof(MetaFile))]
[JsonSerializable(typeof(ErrorRecord))]
[JsonSerializable(typeof(NormalizeOutput))]
[JsonSerializable(typeof(TokensOutput))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
