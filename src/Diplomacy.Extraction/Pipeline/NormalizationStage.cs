using Diplomacy.Extraction.Normalization;

namespace Diplomacy.Extraction.Pipeline;

/// <summary>Runs the normalizer and installs its text and offset map in the context.</summary>
internal sealed class NormalizationStage : IExtractionStage
{
    public string Name => "normalize";

    public void Process(DocumentContext context)
    {
        (string text, var map) = TextNormalizer.Normalize(context.Normalized, context.Map.IsIdentity ? null : context.Map, context.Diagnostics);
        context.Normalized = text;
        context.Map = map;
    }
}
