using Diplomacy.Extraction.Events;
using Diplomacy.Extraction.Normalization;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Tests.Hardening;

/// <summary>The guarantees every result must keep, whatever the input: checked by the property and hostile-input tests.</summary>
internal static class Invariants
{
    public static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault();

    /// <summary>Runs <paramref name="text"/> twice and checks every invariant; returns the first result.</summary>
    /// <param name="text">The input.</param>
    /// <param name="pipeline">The pipeline; default options when null.</param>
    /// <param name="boilerplateIdempotent">
    /// Whether to check idempotency with the boilerplate pass too; otherwise only the character passes are checked (a
    /// line removed as a repeat can expose another near-repeat in heavily mutated documents: a known limit).
    /// </param>
    public static ExtractionResult CheckAll(string text, ExtractionPipeline? pipeline = null, bool boilerplateIdempotent = true)
    {
        pipeline ??= Pipeline;
        ExtractionResult first = pipeline.Extract(text);
        ExtractionResult second = pipeline.Extract(text);
        Assert.False(first.HasErrors, "a stage failed: " + string.Join("; ", first.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Message)));
        Assert.Equal(Serialize(first), Serialize(second));
        Spans(text, first);
        Tokens(first.Text.Normalized);
        Idempotent(first.Text.Normalized, boilerplateIdempotent ? pipeline.Options : pipeline.Options with { RemoveBoilerplate = false });
        return first;
    }

    public static string Serialize(ExtractionResult r) =>
        System.Text.Json.JsonSerializer.Serialize(r, DiplomacyJsonContext.Default.ExtractionResult);

    /// <summary>Every public span lies inside the original text; spans of one kind are in document order.</summary>
    public static void Spans(string input, ExtractionResult r)
    {
        string original = r.Text.Original;
        Assert.True(input.StartsWith(original, StringComparison.Ordinal), "the original is the input or its prefix");
        int length = original.Length;

        int previousEnd = 0;
        foreach (Sentence s in r.Sentences)
        {
            Inside(s.Span, length, "sentence");
            Assert.True(s.Span.Start >= previousEnd, $"sentences overlap or are out of order at {s.Span}");
            previousEnd = s.Span.End;
        }

        InOrder(r.Entities.Select(e => e.Span), length, "entity");
        InOrder(r.TimeExpressions.Select(t => t.Span), length, "time expression");
        InOrder(r.OtherLanguageSpans.Select(l => l.Span), length, "language span");
        foreach (DiplomaticEvent e in r.Events)
        {
            Inside(e.Span, length, "event");
            foreach (EventEvidence ev in e.Evidence)
            {
                Inside(ev.Span, length, "evidence " + ev.Field);
            }

            InOrder(e.Topics.Select(t => t.Span), length, "topic");
            if (e.Time is { } time)
            {
                Inside(time.Span, length, "event time");
            }

            if (e.Location is { } location)
            {
                Inside(location.Span, length, "event location");
            }
        }

        foreach (Diagnostic d in r.Diagnostics)
        {
            if (d.Span is { } span)
            {
                // input.truncated points at the cut-off tail, in the caller's text
                Inside(span, d.Code == "input.truncated" ? input.Length : length, "diagnostic " + d.Code);
            }
        }
    }

    private static void InOrder(IEnumerable<TextSpan> spans, int length, string what)
    {
        int previousStart = 0;
        foreach (TextSpan span in spans)
        {
            Inside(span, length, what);
            Assert.True(span.Start >= previousStart, $"{what} spans out of order at {span}");
            previousStart = span.Start;
        }
    }

    private static void Inside(TextSpan span, int length, string what)
    {
        Assert.True(span.Start >= 0 && span.Length >= 0 && span.End <= length, $"{what} span {span} is outside the text of length {length}");
    }

    /// <summary>Tokens are in order, do not overlap, and leave out only spaces and invisible format characters.</summary>
    public static void Tokens(string text)
    {
        int covered = 0;
        foreach (Token t in Tokenizer.Enumerate(text))
        {
            Assert.True(t.Start >= covered, $"token {t.Start}..{t.End} overlaps the previous one ending at {covered}");
            Assert.True(t.Length > 0 && t.End <= text.Length, $"token {t.Start}..{t.End} is empty or outside the text");
            Gap(text, covered, t.Start);
            covered = t.End;
        }

        Gap(text, covered, text.Length);
    }

    private static void Gap(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            byte cls = CharClass.Of(text[i]);
            Assert.True(text[i] == ' ' || cls is CharClass.Space or CharClass.Format, $"U+{(int)text[i]:X4} at {i} belongs to no token");
        }
    }

    /// <summary>Normalizing the normalized text changes nothing.</summary>
    public static void Idempotent(string normalized, ExtractionOptions options)
    {
        string again = TextNormalizer.Normalize(normalized, null, [], options.FoldTypographicQuotes, options.RemoveBoilerplate).Text;
        Assert.Equal(normalized, again);
    }
}
