using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Diplomacy.Extraction.Dates;
using Diplomacy.Extraction.Entities;
using Diplomacy.Extraction.Events;
using Diplomacy.Extraction.Tests.Infrastructure;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Tests.Schema;

/// <summary>
/// Keeps <c>docs/schema/diplomatic-event.schema.json</c> in step with what <see cref="DiplomacyJsonContext"/> writes:
/// the seeds' serialized events must validate against it, and every object definition must list exactly the
/// properties of the C# type (with the non-nullable ones required) and every enum exactly its C# names.
/// </summary>
public sealed class EventSchemaTests
{
    private static readonly Lazy<JsonObject> Schema = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "schema", "diplomatic-event.schema.json")))!.AsObject());

    public static TheoryData<string, Type> ObjectDefinitions() => new()
    {
        { "#", typeof(DiplomaticEvent) },
        { "textSpan", typeof(TextSpan) },
        { "eventParticipant", typeof(EventParticipant) },
        { "eventPerson", typeof(EventPerson) },
        { "eventLocation", typeof(EventLocation) },
        { "eventTime", typeof(EventTime) },
        { "topicMention", typeof(TopicMention) },
        { "eventEvidence", typeof(EventEvidence) },
        { "ploverCode", typeof(PloverCode) },
    };

    public static TheoryData<string, Type> EnumDefinitions() => new()
    {
        { "eventKind", typeof(EventKind) },
        { "eventStatus", typeof(EventStatus) },
        { "entityType", typeof(EntityType) },
        { "timeGranularity", typeof(TimeGranularity) },
        { "diplomaticTopic", typeof(DiplomaticTopic) },
    };

    [Fact]
    public void SeedEventsValidateAgainstTheSchema()
    {
        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
        int events = 0;
        var errors = new List<string>();
        foreach (Seeds.Seed seed in Seeds.All)
        {
            foreach (DiplomaticEvent e in pipeline.Extract(seed.Text, Seeds.InfoFor(seed)).Events)
            {
                events++;
                JsonNode json = JsonNode.Parse(JsonSerializer.Serialize(e, DiplomacyJsonContext.Default.DiplomaticEvent))!;
                Validate(json, Schema.Value, $"{seed.Id}#{events}", errors);
            }
        }

        Assert.True(events >= 5, $"the seeds gave only {events} events; the check needs real output");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void ValidatorRejectsDriftedOutput()
    {
        var errors = new List<string>();
        var bad = new JsonObject { ["language"] = "en", ["kind"] = "Brunch", ["status"] = 3, ["extra"] = true };
        Validate(bad, Schema.Value, "bad", errors);
        Assert.Contains(errors, e => e.Contains("'participants' is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Brunch", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("bad.status", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'extra' is not in the schema", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ObjectDefinitions))]
    public void ObjectDefinitionMatchesTheSerializedType(string definition, Type type) => SchemaCheck.DefinitionMatchesType(Schema.Value, definition, type);

    [Theory]
    [MemberData(nameof(EnumDefinitions))]
    public void EnumDefinitionListsEveryName(string definition, Type type)
    {
        string[] names = SchemaCheck.Definition(Schema.Value, definition)["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        Assert.Equal(Enum.GetNames(type), names);
    }

    private static void Validate(JsonNode? value, JsonObject schema, string path, List<string> errors) => SchemaCheck.Validate(value, Schema.Value, schema, path, errors);
}

/// <summary>
/// A structural check for the subset of JSON Schema our schema files use, and the check that an object definition
/// lists exactly the properties of the C# type (with the non-nullable ones required).
/// </summary>
internal static class SchemaCheck
{
    public static void DefinitionMatchesType(JsonObject root, string definition, Type type)
    {
        JsonObject schema = Definition(root, definition);
        JsonTypeInfo info = DiplomacyJsonContext.Default.GetTypeInfo(type)!;
        var nullability = new NullabilityInfoContext();
        var expectedRequired = new SortedSet<string>(StringComparer.Ordinal);
        List<JsonPropertyInfo> written = info.Properties.Where(Written).ToList();
        foreach (JsonPropertyInfo p in written)
        {
            var member = (PropertyInfo)p.AttributeProvider!;
            bool nullable = Nullable.GetUnderlyingType(member.PropertyType) is not null
                || (!member.PropertyType.IsValueType && nullability.Create(member).ReadState == NullabilityState.Nullable);
            if (!nullable)
            {
                expectedRequired.Add(p.Name);
            }
        }

        var schemaProperties = new SortedSet<string>(schema["properties"]!.AsObject().Select(kv => kv.Key), StringComparer.Ordinal);
        var typeProperties = new SortedSet<string>(written.Select(p => p.Name), StringComparer.Ordinal);
        var schemaRequired = new SortedSet<string>(schema["required"]!.AsArray().Select(n => n!.GetValue<string>()), StringComparer.Ordinal);
        Assert.Equal(typeProperties, schemaProperties);
        Assert.Equal(expectedRequired, schemaRequired);
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
    }

    private static bool Written(JsonPropertyInfo p) =>
        p.Get is not null && p.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), false) is not [JsonIgnoreAttribute { Condition: JsonIgnoreCondition.Always }];

    public static JsonObject Definition(JsonObject root, string name) => name == "#" ? root : root["$defs"]![name]!.AsObject();

    /// <summary>
    /// A structural check for the subset of JSON Schema the file uses: $ref, type, required, properties,
    /// additionalProperties: false, items, enum, minimum/maximum, format: date.
    /// </summary>
    public static void Validate(JsonNode? value, JsonObject root, JsonObject schema, string path, List<string> errors)
    {
        if (schema["$ref"] is { } reference)
        {
            string target = reference.GetValue<string>();
            Assert.StartsWith("#/$defs/", target, StringComparison.Ordinal);
            Validate(value, root, Definition(root, target["#/$defs/".Length..]), path, errors);
            return;
        }

        string? type = schema["type"]?.GetValue<string>();
        if (type is not null && !HasType(value, type))
        {
            errors.Add($"{path}: expected {type}, got {value?.ToJsonString() ?? "null"}");
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value?.ToJsonString()} is not one of {allowed.ToJsonString()}");
        }

        if (schema["format"]?.GetValue<string>() == "date"
            && !DateOnly.TryParseExact(value!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"{path}: '{value}' is not a yyyy-MM-dd date");
        }

        if (value is JsonValue number && type is "number" or "integer")
        {
            double x = number.GetValue<double>();
            if ((schema["minimum"] is { } min && x < min.GetValue<double>()) || (schema["maximum"] is { } max && x > max.GetValue<double>()))
            {
                errors.Add($"{path}: {x} is out of range");
            }
        }

        if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (int i = 0; i < array.Count; i++)
            {
                Validate(array[i], root, items, $"{path}[{i}]", errors);
            }
        }

        if (value is JsonObject obj)
        {
            JsonObject properties = schema["properties"]?.AsObject() ?? [];
            foreach (JsonNode? required in schema["required"]?.AsArray() ?? [])
            {
                if (!obj.ContainsKey(required!.GetValue<string>()))
                {
                    errors.Add($"{path}: '{required.GetValue<string>()}' is required");
                }
            }

            foreach (KeyValuePair<string, JsonNode?> kv in obj)
            {
                if (properties[kv.Key] is JsonObject propertySchema)
                {
                    Validate(kv.Value, root, propertySchema, $"{path}.{kv.Key}", errors);
                }
                else if (schema["additionalProperties"]?.GetValue<bool>() == false)
                {
                    errors.Add($"{path}: '{kv.Key}' is not in the schema");
                }
            }
        }
    }

    private static bool HasType(JsonNode? value, string type) => (type, value?.GetValueKind()) switch
    {
        ("object", JsonValueKind.Object) => true,
        ("array", JsonValueKind.Array) => true,
        ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => value!.AsValue().TryGetValue(out long _),
        _ => false,
    };
}
