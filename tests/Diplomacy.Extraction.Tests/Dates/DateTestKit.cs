using System.Globalization;
using Diplomacy.Extraction.Dates;

namespace Diplomacy.Extraction.Tests.Dates;

/// <summary>One shared pipeline and the lookups the date tests use.</summary>
internal static class DateTestKit
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault();

    /// <summary>The time expressions of <paramref name="text"/> with a language hint and a reference date (yyyy-MM-dd).</summary>
    public static IReadOnlyList<TimeExpression> TimesOf(string text, string language, string reference) =>
        Pipeline.Extract(text, new DocumentInfo { ReferenceDate = DateOnly.Parse(reference, CultureInfo.InvariantCulture), LanguageHint = language }).TimeExpressions;

    /// <summary>The one expression whose text is <paramref name="surface"/>; its span must point at that text.</summary>
    public static TimeExpression Single(string text, string language, string reference, string surface)
    {
        TimeExpression t = Assert.Single(TimesOf(text, language, reference), x => x.Text == surface);
        Assert.Equal(surface, text.Substring(t.Span.Start, t.Span.Length));
        return t;
    }
}
