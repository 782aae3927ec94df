namespace Diplomacy.Extraction.Pipeline;

/// <summary>
/// Takes the document's language from its metadata hint (restricted to the candidate languages).
/// Without a hint the language stays <c>und</c> and the result says so.
/// </summary>
internal sealed class LanguageHintStage : IExtractionStage
{
    public string Name => "language";

    public void Process(DocumentContext context)
    {
        string? hint = context.Info.LanguageHint?.Trim().ToLowerInvariant();
        IReadOnlyList<string> candidates = context.Options.CandidateLanguages;
        if (!string.IsNullOrEmpty(hint) && (candidates.Count == 0 || candidates.Contains(hint)))
        {
            context.Language = hint;
            context.LanguageConfidence = 1.0;
            return;
        }

        context.Add("language.undetermined", DiagnosticSeverity.Warning, "No language hint was given and no detector is configured; language-specific stages use their language-independent rules.");
    }
}
