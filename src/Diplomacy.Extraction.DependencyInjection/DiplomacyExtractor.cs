using Diplomacy.Extraction.DependencyInjection.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Diplomacy.Extraction.DependencyInjection;

/// <summary>
/// The registered <see cref="ExtractionPipeline"/> plus logging: every call logs the result's diagnostics
/// (at or above <see cref="DiplomacyExtractionOptions.MinimumLoggedSeverity"/>) to <see cref="ILogger{TCategoryName}"/>.
/// Registered as a singleton by <c>AddDiplomacyExtraction</c>; thread-safe.
/// </summary>
public sealed class DiplomacyExtractor
{
    private readonly ILogger _logger;
    private readonly DiagnosticSeverity _minimumSeverity;

    /// <summary>Creates the extractor (normally done by the container).</summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger; when absent (no logging registered) nothing is logged.</param>
    public DiplomacyExtractor(ExtractionPipeline pipeline, IOptions<DiplomacyExtractionOptions> options, ILogger<DiplomacyExtractor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        Pipeline = pipeline;
        _minimumSeverity = options.Value.MinimumLoggedSeverity;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The pipeline that does the work.</summary>
    public ExtractionPipeline Pipeline { get; }

    /// <summary>Runs the pipeline on one document and logs its diagnostics.</summary>
    /// <param name="text">The document's text.</param>
    /// <param name="info">Its metadata; the reference date resolves relative time expressions.</param>
    /// <param name="cancellationToken">Stops the work between stages.</param>
    /// <returns>The result.</returns>
    public ExtractionResult Extract(string text, DocumentInfo? info = null, CancellationToken cancellationToken = default) =>
        Pipeline.ExtractAndLog(_logger, text, info, _minimumSeverity, cancellationToken);
}
