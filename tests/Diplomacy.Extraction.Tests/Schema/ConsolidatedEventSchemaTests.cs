using System.Text.Json;
using System.Text.Json.Nodes;
using Diplomacy.Extraction.Consolidation;
using Diplomacy.Extraction.Events;
using Diplomacy.Extraction.Tests.Infrastructure;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Tests.Schema;

/// <summary>Keeps <c>docs/schema/consolidated-event.schema.json</c> in step with what <see cref="DiplomacyJsonContext"/> writes for <see cref="ConsolidatedEvent"/>.</summary>
public sealed class ConsolidatedEventSchemaTests
{
    private static readonly Lazy<JsonObject> Schema = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "schema", "consolidated-event.schema.json")))!.AsObject());

    public static TheoryData<string, Type> ObjectDefinitions() => new()
    {
        { "#", typeof(ConsolidatedEvent) },
        { "supportedPerson", typeof(SupportedPerson) },
        { "supportedTopic", typeof(SupportedTopic) },
        { "supportedName", typeof(SupportedName) },
        { "consolidatedLocation", typeof(ConsolidatedLocation) },
        { "consolidatedTime", typeof(ConsolidatedTime) },
        { "statusReport", typeof(StatusReport) },
        { "eventSource", typeof(EventSource) },
        { "eventParticipant", typeof(EventParticipant) },
        { "eventEvidence", typeof(EventEvidence) },
        { "textSpan", typeof(TextSpan) },
    };

    [Theory]
    [MemberData(nameof(ObjectDefinitions))]
    public void ObjectDefinitionMatchesTheSerializedType(string definition, Type type) => SchemaCheck.DefinitionMatchesType(Schema.Value, definition, type);

    [Fact]
    public void ConsolidatedSeedEventsValidateAgainstTheSchema()
    {
        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
        var events = new List<DiplomaticEvent>();
        foreach (Seeds.Seed seed in Seeds.All)
        {
            events.AddRange(pipeline.Extract(seed.Text, Seeds.InfoFor(seed)).Events);
        }

        IReadOnlyList<ConsolidatedEvent> consolidated = new EventConsolidator().Consolidate(events);
        Assert.Equal(2, consolidated.Count);
        var errors = new List<string>();
        foreach (ConsolidatedEvent c in consolidated)
        {
            JsonNode json = JsonNode.Parse(JsonSerializer.Serialize(c, DiplomacyJsonContext.Default.ConsolidatedEvent))!;
            SchemaCheck.Validate(json, Schema.Value, Schema.Value, c.Id, errors);
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
