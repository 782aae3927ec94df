using Microsoft.Extensions.Logging;

namespace Diplomacy.Extraction.DependencyInjection.Logging;

/// <summary>Runs the pipeline and writes the result's diagnostics to an <see cref="ILogger"/>.</summary>
public static partial class ExtractionLoggingExtensions
{
    /// <summary>
    /// Extracts from one document like <see cref="ExtractionPipeline.Extract"/>, then logs a summary at debug level and
    /// every diagnostic at or above <paramref name="minimumSeverity"/>: errors as <see cref="LogLevel.Error"/>,
    /// warnings as <see cref="LogLevel.Warning"/>, infos as <see cref="LogLevel.Debug"/>.
    /// </summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="logger">Where diagnostics go.</param>
    /// <param name="text">The document's text.</param>
    /// <param name="info">Its metadata.</param>
    /// <param name="minimumSeverity">The least severe diagnostic to log.</param>
    /// <param name="cancellationToken">Stops the work between stages.</param>
    /// <returns>The result, unchanged.</returns>
    public static ExtractionResult ExtractAndLog(
        this ExtractionPipeline pipeline,
        ILogger logger,
        string text,
        DocumentInfo? info = null,
        DiagnosticSeverity minimumSeverity = DiagnosticSeverity.Info,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(logger);
        ExtractionResult result = pipeline.Extract(text, info, cancellationToken);
        string id = result.DocumentId ?? "(no id)";
        foreach (Diagnostic d in result.Diagnostics)
        {
            if (d.Severity < minimumSeverity)
            {
                continue;
            }

            switch (d.Severity)
            {
                case DiagnosticSeverity.Error:
                    LogError(logger, id, d.Code, d.Message);
                    break;
                case DiagnosticSeverity.Warning:
                    LogWarning(logger, id, d.Code, d.Message);
                    break;
                default:
                    LogInfo(logger, id, d.Code, d.Message);
                    break;
            }
        }

        LogSummary(logger, id, result.Language, result.Events.Count, result.Diagnostics.Count);
        return result;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Document {DocumentId}: {Code}: {Message}")]
    private static partial void LogError(ILogger logger, string documentId, string code, string message);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Document {DocumentId}: {Code}: {Message}")]
    private static partial void LogWarning(ILogger logger, string documentId, string code, string message);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Document {DocumentId}: {Code}: {Message}")]
    private static partial void LogInfo(ILogger logger, string documentId, string code, string message);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Document {DocumentId}: language {Language}, {EventCount} events, {DiagnosticCount} diagnostics")]
    private static partial void LogSummary(ILogger logger, string documentId, string language, int eventCount, int diagnosticCount);
}
