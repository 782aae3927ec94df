using Diplomacy.Extraction.Pipeline;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>
/// Detects the document's language from its normalized text (restricted to the candidate languages), weighing the
/// metadata hint; records the runners-up and the paragraphs written in another language. Replaces the hint-only stage.
/// </summary>
internal sealed class LanguageDetectionStage : IExtractionStage
{
    private Tuple<IReadOnlyList<string>, CandidateSet>? _cache;

    public string Name => "language";

    public void Process(DocumentContext context)
    {
        LanguageDetector detector = LanguageDetector.Default;
        CandidateSet candidates = CandidatesFor(detector, context.Options.CandidateLanguages);
        string? hint = context.Info.LanguageHint?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(hint))
        {
            hint = null;
        }

        DocumentLanguage result = detector.DetectDocument(context.Normalized, candidates, hint, context.Work);
        LanguageGuess main = result.Main;
        context.LanguageAlternatives.AddRange(main.Alternatives);
        foreach ((int start, int length, string language, double confidence) in result.Others)
        {
            context.LanguageSpans.Add(new LanguageSpan(context.ToOriginal(new TextSpan(start, length)), language, Math.Round(confidence, 4)));
        }

        bool hintAllowed = hint is not null && detector.KnownLanguages.Contains(hint)
            && (context.Options.CandidateLanguages.Count == 0 || context.Options.CandidateLanguages.Contains(hint));
        if (main.IsUndetermined)
        {
            if (hintAllowed)
            {
                context.Language = hint!;
                context.LanguageConfidence = 0.5;
                context.Add("language.from-hint", DiagnosticSeverity.Info, $"The text is too short or ambiguous to tell its language; the metadata hint '{hint}' was used.");
                return;
            }

            context.Add("language.undetermined", DiagnosticSeverity.Warning, "The text is too short or too ambiguous to tell its language; language-specific stages use their language-independent rules.");
            return;
        }

        context.Language = main.Language;
        context.LanguageConfidence = Math.Round(main.Confidence, 4);
        if (hint is not null && !string.Equals(hint, main.Language, StringComparison.Ordinal))
        {
            context.Add("language.hint-overridden", DiagnosticSeverity.Info, $"The metadata says '{hint}' but the text reads as '{main.Language}' (confidence {main.Confidence:F2}); the text wins.");
        }
    }

    private CandidateSet CandidatesFor(LanguageDetector detector, IReadOnlyList<string> languages)
    {
        // Options are fixed per pipeline: cache the set for them (one reference, so readers never see a torn pair).
        Tuple<IReadOnlyList<string>, CandidateSet>? cached = _cache;
        if (cached is not null && ReferenceEquals(cached.Item1, languages))
        {
            return cached.Item2;
        }

        CandidateSet created = detector.CreateCandidates(languages);
        _cache = Tuple.Create(languages, created);
        return created;
    }
}
