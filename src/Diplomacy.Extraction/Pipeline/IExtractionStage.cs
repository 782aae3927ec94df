namespace Diplomacy.Extraction.Pipeline;

/// <summary>
/// One stage of the pipeline. Stages are stateless and shared across threads; everything about the
/// document being processed lives in the <see cref="DocumentContext"/>.
/// </summary>
internal interface IExtractionStage
{
    /// <summary>A short name used in diagnostics.</summary>
    string Name { get; }

    /// <summary>Runs the stage on one document.</summary>
    void Process(DocumentContext context);
}
