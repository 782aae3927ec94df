using Diplomacy.Extraction.Pipeline;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction;

/// <summary>
/// The extraction pipeline: normalizer, language detector, tokenizer and sentence splitter, entity and date
/// recognizers, event-frame builder. Build it once with <see cref="ExtractionPipelineBuilder"/> (or
/// <see cref="CreateDefault"/>) and reuse it: it is immutable and safe to use from many threads at once.
/// </summary>
public sealed class ExtractionPipeline
{
    private readonly IExtractionStage[] _stages;

    internal ExtractionPipeline(ExtractionOptions options, IExtractionStage[] stages)
    {
        Options = options;
        _stages = stages;
    }

    /// <summary>The stages, in the order they run (tests drive them one by one).</summary>
    internal IReadOnlyList<IExtractionStage> Stages => _stages;

    /// <summary>The options the pipeline was built with.</summary>
    public ExtractionOptions Options { get; }

    /// <summary>The names of the stages, in the order they run.</summary>
    public IReadOnlyList<string> StageNames => Array.ConvertAll(_stages, s => s.Name);

    /// <summary>A pipeline with default options.</summary>
    /// <returns>A new pipeline.</returns>
    public static ExtractionPipeline CreateDefault() => new ExtractionPipelineBuilder().Build();

    /// <summary>
    /// Runs the pipeline on one document. Problems with the content (too long, undetermined language, a stage failure)
    /// never throw: they are reported in <see cref="ExtractionResult.Diagnostics"/>.
    /// </summary>
    /// <param name="text">The document's text.</param>
    /// <param name="info">Its metadata; the reference date resolves relative time expressions.</param>
    /// <param name="cancellationToken">Stops the work, also inside a stage: checked every few thousand characters or tokens.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public ExtractionResult Extract(string text, DocumentInfo? info = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        info ??= new DocumentInfo();
        string original = text;
        var truncation = default(Diagnostic);
        if (text.Length > Options.MaxDocumentLength)
        {
            int cut = Options.MaxDocumentLength;
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }

            original = text[..cut];
            truncation = new Diagnostic(
                "input.truncated",
                DiagnosticSeverity.Warning,
                $"The document has {text.Length} characters; only the first {cut} (MaxDocumentLength) were processed.",
                new TextSpan(cut, text.Length - cut));
        }

        var context = new DocumentContext(original, info, Options, cancellationToken);
        if (truncation is not null)
        {
            context.Diagnostics.Add(truncation);
        }

        context.ReferenceDate = info.ReferenceDate
            ?? (Options.ReferenceClock is { } clock ? DateOnly.FromDateTime(clock.GetLocalNow().DateTime) : null);
        context.ReferenceTime = info.ReferenceDate is not null ? info.ReferenceTime : null;

        foreach (IExtractionStage stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (StageTimings.Enabled)
                {
                    long started = System.Diagnostics.Stopwatch.GetTimestamp();
                    long allocated = GC.GetAllocatedBytesForCurrentThread();
                    stage.Process(context);
                    StageTimings.Add(stage.Name, System.Diagnostics.Stopwatch.GetTimestamp() - started, GC.GetAllocatedBytesForCurrentThread() - allocated);
                }
                else
                {
                    stage.Process(context);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.Add($"{stage.Name}.failed", DiagnosticSeverity.Error, $"Stage '{stage.Name}' failed: {ex.GetType().Name}: {ex.Message}");
            }
        }

        if (!StageTimings.Enabled)
        {
            return BuildResult(context);
        }

        long resultStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        long resultAllocated = GC.GetAllocatedBytesForCurrentThread();
        ExtractionResult result = BuildResult(context);
        StageTimings.Add("result", System.Diagnostics.Stopwatch.GetTimestamp() - resultStarted, GC.GetAllocatedBytesForCurrentThread() - resultAllocated);
        return result;
    }

    private static ExtractionResult BuildResult(DocumentContext context)
    {
        var document = new TextDocument(context.Original, context.Normalized, context.Map);
        var sentences = new Sentence[context.Sentences.Count];
        for (int i = 0; i < sentences.Length; i++)
        {
            TextSpan span = context.Sentences[i];
            sentences[i] = new Sentence(context.ToOriginal(span), context.Normalized.Substring(span.Start, span.Length));
        }

        return new ExtractionResult(context.Info, document, context.Language, context.LanguageConfidence, sentences, context.Entities.ToArray(), context.TimeExpressions.ToArray(), context.Events.ToArray(), context.Diagnostics.ToArray())
        {
            Byline = context.Byline,
            LanguageAlternatives = context.LanguageAlternatives.ToArray(),
            OtherLanguageSpans = context.LanguageSpans.ToArray(),
        };
    }
}
