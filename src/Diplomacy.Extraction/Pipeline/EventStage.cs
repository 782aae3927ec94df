using Diplomacy.Extraction.Events;

namespace Diplomacy.Extraction.Pipeline;

/// <summary>Builds the document's <see cref="DiplomaticEvent"/>s from its sentences, entities and time expressions.</summary>
internal sealed class EventStage : IExtractionStage
{
    public string Name => "events";

    public void Process(DocumentContext context) => context.Events.AddRange(EventFrameBuilder.Build(context));
}
