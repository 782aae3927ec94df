using Diplomacy.Extraction.Pipeline;

namespace Diplomacy.Extraction.Dates;

/// <summary>
/// Finds and resolves the time expressions of the document (after the sentence stage). Without a reference date
/// the expressions are found and left unresolved; the machine clock is never used.
/// </summary>
internal sealed class DateStage : IExtractionStage
{
    public string Name => "dates";

    public void Process(DocumentContext context)
    {
        string? language = context.Language is "und" or "" ? null : context.Language;
        var found = new List<RecognizedTime>();
        DateRecognizer.Recognize(context.Normalized, context.Tokens, context.Sentences, language, context.ReferenceDate, context.ReferenceTime, found, context.Work);
        foreach (RecognizedTime r in found)
        {
            context.TimeExpressionSpans.Add(r.Span);
            context.TimeExpressions.Add(r.Expression with { Span = context.ToOriginal(r.Span) });
        }
    }
}
