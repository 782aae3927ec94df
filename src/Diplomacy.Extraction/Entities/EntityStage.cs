using Diplomacy.Extraction.Pipeline;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Entities;

/// <summary>Recognizes entities over the tokens of the normalized text and maps them to the original text.</summary>
internal sealed class EntityStage(EntityRecognizer recognizer) : IExtractionStage
{
    public EntityStage()
        : this(EntityRecognizer.Default)
    {
    }

    public string Name => "entities";

    public void Process(DocumentContext context)
    {
        var found = new List<RecognizedEntity>();
        recognizer.Recognize(context.Normalized, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(context.Tokens), context.Language, found, context.Work);
        foreach (RecognizedEntity e in found)
        {
            context.Entities.Add(ToMention(e, context.ToOriginal(e.Span), context.Normalized));
            context.EntitySpans.Add(e.Span);
        }
    }

    /// <summary>The public mention of a recognized entity.</summary>
    internal static EntityMention ToMention(RecognizedEntity e, TextSpan originalSpan, string normalized) => new()
    {
        Span = originalSpan,
        Text = normalized.Substring(e.Span.Start, e.Span.Length),
        Type = e.Type,
        Code = e.Code,
        Canonical = e.Canonical,
        CountryCode = e.CountryCode,
        Role = e.Role,
        GeonamesId = e.GeonamesId,
        Latitude = e.Latitude,
        Longitude = e.Longitude,
    };
}
