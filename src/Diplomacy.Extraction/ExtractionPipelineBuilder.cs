using Diplomacy.Extraction.Pipeline;

namespace Diplomacy.Extraction;

/// <summary>
/// Configures and builds an <see cref="ExtractionPipeline"/>. The builder can be used once;
/// the pipeline it builds is frozen.
/// </summary>
public sealed class ExtractionPipelineBuilder
{
    private ExtractionOptions _options = new();
    private bool _built;

    /// <summary>Replaces the options.</summary>
    /// <param name="options">The options to use.</param>
    /// <returns>This builder.</returns>
    public ExtractionPipelineBuilder WithOptions(ExtractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfBuilt();
        _options = options;
        return this;
    }

    /// <summary>Changes the options with a function of the current ones (e.g. <c>o =&gt; o with { MaxDocumentLength = 10_000 }</c>).</summary>
    /// <param name="configure">Returns the new options.</param>
    /// <returns>This builder.</returns>
    public ExtractionPipelineBuilder Configure(Func<ExtractionOptions, ExtractionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ThrowIfBuilt();
        _options = configure(_options) ?? throw new InvalidOperationException("The configure function returned null.");
        return this;
    }

    /// <summary>Restricts language detection to the given ISO 639-1 codes.</summary>
    /// <param name="languages">The candidate languages.</param>
    /// <returns>This builder.</returns>
    public ExtractionPipelineBuilder UseLanguages(params string[] languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        return Configure(o => o with { CandidateLanguages = [.. languages] });
    }

    /// <summary>Validates the options and builds the pipeline.</summary>
    /// <returns>An immutable, thread-safe pipeline.</returns>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    /// <exception cref="InvalidOperationException">The builder was already used.</exception>
    public ExtractionPipeline Build()
    {
        ThrowIfBuilt();
        ExtractionOptions options = _options with { CandidateLanguages = [.. _options.CandidateLanguages] };
        options.Validate();
        _built = true;
        IExtractionStage[] stages =
        [
            new NormalizationStage(),
            new LanguageDetection.LanguageDetectionStage(),
            new SentenceStage(),
            new Entities.EntityStage(),
            new Dates.DateStage(),
            new EventStage(),
        ];
        return new ExtractionPipeline(options, stages);
    }

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder has already built a pipeline; create a new builder.");
        }
    }
}
