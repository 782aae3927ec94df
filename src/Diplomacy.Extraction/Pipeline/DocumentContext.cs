using Diplomacy.Extraction.Dates;
using Diplomacy.Extraction.Entities;
using Diplomacy.Extraction.Events;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Pipeline;

/// <summary>The per-document state the stages read and write, in the order they run.</summary>
internal sealed class DocumentContext
{
    public DocumentContext(string original, DocumentInfo info, ExtractionOptions options, CancellationToken cancellationToken)
    {
        Original = original;
        Info = info;
        Options = options;
        CancellationToken = cancellationToken;
        Normalized = original;
        Map = OffsetMap.Identity(original.Length);
    }

    public string Original { get; }

    public DocumentInfo Info { get; }

    public ExtractionOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The text the stages after the normalizer read.</summary>
    public string Normalized { get; set; }

    /// <summary>Maps <see cref="Normalized"/> back to <see cref="Original"/>.</summary>
    public OffsetMap Map { get; set; }

    /// <summary>The author's name the normalizer took from the end of the article, if any.</summary>
    public string? Byline { get; set; }

    /// <summary>The document's language (ISO 639-1) or <c>und</c>.</summary>
    public string Language { get; set; } = "und";

    /// <summary>How sure the language decision is, 0..1.</summary>
    public double LanguageConfidence { get; set; }

    /// <summary>The runners-up of the language decision, best first.</summary>
    public List<LanguageDetection.LanguageScore> LanguageAlternatives { get; } = [];

    /// <summary>Paragraphs in another language than <see cref="Language"/>; spans already in original coordinates.</summary>
    public List<LanguageDetection.LanguageSpan> LanguageSpans { get; } = [];

    /// <summary>Sentences, in normalized-text coordinates.</summary>
    public List<TextSpan> Sentences { get; } = [];

    /// <summary>All tokens of the normalized text (breaks included), in order.</summary>
    public List<Token> Tokens { get; } = [];

    /// <summary>Entities, in document order; spans already in original coordinates.</summary>
    public List<EntityMention> Entities { get; } = [];

    /// <summary>Entity spans in normalized coordinates, parallel to <see cref="Entities"/>.</summary>
    public List<TextSpan> EntitySpans { get; } = [];

    /// <summary>Time expressions, in document order; spans already in original coordinates.</summary>
    public List<TimeExpression> TimeExpressions { get; } = [];

    /// <summary>Time expression spans in normalized coordinates, parallel to <see cref="TimeExpressions"/>.</summary>
    public List<TextSpan> TimeExpressionSpans { get; } = [];

    /// <summary>The events found in the document.</summary>
    public List<DiplomaticEvent> Events { get; } = [];

    /// <summary>The reference date: the document's, else the configured clock's, else none.</summary>
    public DateOnly? ReferenceDate { get; set; }

    /// <summary>The publication time of day, when known (resolves "in 5 minutes").</summary>
    public TimeOnly? ReferenceTime { get; set; }

    /// <summary>Counts the work done on the document and honours <see cref="CancellationToken"/> inside the stages.</summary>
    public Limits.WorkMeter Work => _work ??= new Limits.WorkMeter(CancellationToken);

    private Limits.WorkMeter? _work;

    /// <summary>Maps a normalized span to the original text.</summary>
    public TextSpan ToOriginal(TextSpan normalized) => Map.ToOriginal(normalized);

    public void Add(string code, DiagnosticSeverity severity, string message, TextSpan? originalSpan = null) =>
        Diagnostics.Add(new Diagnostic(code, severity, message, originalSpan));
}
