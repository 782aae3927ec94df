using System.Text.Json.Serialization;
using Diplomacy.Extraction.Dates;
using Diplomacy.Extraction.Entities;
using Diplomacy.Extraction.Events;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction;

/// <summary>What the pipeline found in one document. Every span points into <see cref="TextDocument.Original"/>.</summary>
public sealed class ExtractionResult
{
    internal ExtractionResult(
        DocumentInfo info,
        TextDocument text,
        string language,
        double languageConfidence,
        IReadOnlyList<Sentence> sentences,
        IReadOnlyList<EntityMention> entities,
        IReadOnlyList<TimeExpression> timeExpressions,
        IReadOnlyList<DiplomaticEvent> events,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        Info = info;
        Text = text;
        Language = language;
        LanguageConfidence = languageConfidence;
        Sentences = sentences;
        Entities = entities;
        TimeExpressions = timeExpressions;
        Events = events;
        Diagnostics = diagnostics;
    }

    /// <summary>The document's identifier, from <see cref="DocumentInfo.Id"/>.</summary>
    public string? DocumentId => Info.Id;

    /// <summary>The metadata the document came with.</summary>
    [JsonIgnore]
    public DocumentInfo Info { get; }

    /// <summary>The original and normalized text.</summary>
    [JsonIgnore]
    public TextDocument Text { get; }

    /// <summary>The document's language (ISO 639-1), or <c>und</c> when undetermined.</summary>
    public string Language { get; }

    /// <summary>How sure the language decision is, from 0 to 1.</summary>
    public double LanguageConfidence { get; }

    /// <summary>The other candidate languages with their scores, best first (the runners-up of <see cref="Language"/>).</summary>
    public IReadOnlyList<LanguageDetection.LanguageScore> LanguageAlternatives { get; internal init; } = [];

    /// <summary>Paragraphs written in another language than <see cref="Language"/>, in document order.</summary>
    public IReadOnlyList<LanguageDetection.LanguageSpan> OtherLanguageSpans { get; internal init; } = [];

    /// <summary>The sentences, in document order.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>States, places, organizations, people and roles, in document order.</summary>
    public IReadOnlyList<EntityMention> Entities { get; }

    /// <summary>Time expressions with their resolved intervals, in document order.</summary>
    public IReadOnlyList<TimeExpression> TimeExpressions { get; }

    /// <summary>The diplomatic events the document reports, one per real meeting.</summary>
    public IReadOnlyList<DiplomaticEvent> Events { get; }

    /// <summary>Repairs, removals, limits and failures, in the order they happened.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// The author's name, when the normalizer found a byline (and author blurb) at the end of the article and
    /// removed it from the text; <see langword="null"/> otherwise.
    /// </summary>
    public string? Byline { get; internal init; }

    /// <summary>Whether any stage failed on this document.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (Diagnostic d in Diagnostics)
            {
                if (d.Severity == DiagnosticSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
