using Diplomacy.Extraction.Normalization;

namespace Diplomacy.Extraction.Pipeline;

/// <summary>Runs the normalizer and installs its text and offset map in the context.</summary>
internal sealed class NormalizationStage : IExtractionStage
{
    public string Name => "normalize";

    public void Process(DocumentContext context)
    {
        NormalizationResult result = TextNormalizer.Normalize(
            context.Normalized, context.Map.IsIdentity ? null : context.Map, context.Diagnostics, context.Options.FoldTypographicQuotes, context.Options.RemoveBoilerplate, context.Work);
        context.Normalized = result.Text;
        context.Map = result.Map;
        context.Byline = result.Byline;
    }
}
