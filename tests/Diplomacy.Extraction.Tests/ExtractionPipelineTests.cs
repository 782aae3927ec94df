using Diplomacy.Extraction.Tests.Infrastructure;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Tests;

public class ExtractionPipelineTests
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault();

    public static TheoryData<string> SeedIds() => Seeds.Ids();

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Every_sentence_span_points_into_the_original_text(string id)
    {
        Seeds.Seed seed = Seeds.Get(id);
        ExtractionResult result = Pipeline.Extract(seed.Text, Seeds.InfoFor(seed));
        Assert.Same(seed.Text, result.Text.Original);
        Assert.Equal(seed.Id, result.DocumentId);
        Assert.False(result.HasErrors);
        Assert.NotEmpty(result.Sentences);
        int last = 0;
        foreach (Sentence s in result.Sentences)
        {
            Assert.InRange(s.Span.Start, last, seed.Text.Length);
            Assert.InRange(s.Span.End, s.Span.Start + 1, seed.Text.Length);
            last = s.Span.End;
        }

        foreach (Diagnostic d in result.Diagnostics)
        {
            if (d.Span is { } span)
            {
                Assert.InRange(span.End, span.Start, seed.Text.Length);
            }
        }
    }

    [Fact]
    public void Spans_survive_normalization_that_changes_lengths()
    {
        string text = "\uFEFFU.S. and\u200B Russian officials met.\r\nThey talked.";
        ExtractionResult result = Pipeline.Extract(text);
        Assert.NotEqual(text, result.Text.Normalized);
        Assert.Equal(2, result.Sentences.Count);
        Assert.Equal("U.S. and\u200B Russian officials met.", text.Substring(result.Sentences[0].Span.Start, result.Sentences[0].Span.Length));
        Assert.Equal("They talked.", text.Substring(result.Sentences[1].Span.Start, result.Sentences[1].Span.Length));
        Assert.Contains(result.Diagnostics, d => d.Code == "normalize.invisible" && d.Span is { } s && text.Substring(s.Start, s.Length) == "\u200B");
    }

    [Fact]
    public void Overlong_input_is_truncated_with_a_warning()
    {
        ExtractionPipeline small = new ExtractionPipelineBuilder().Configure(o => o with { MaxDocumentLength = 20 }).Build();
        ExtractionResult result = small.Extract("This is a sentence that is longer than twenty characters.");
        Assert.Equal(20, result.Text.Original.Length);
        Diagnostic d = Assert.Single(result.Diagnostics, d => d.Code == "input.truncated");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void Empty_input_gives_an_empty_result()
    {
        ExtractionResult result = Pipeline.Extract("");
        Assert.Empty(result.Sentences);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Null_text_is_an_argument_error() =>
        Assert.Throws<ArgumentNullException>(() => Pipeline.Extract(null!));

    [Fact]
    public void Invalid_options_are_rejected_at_build_naming_the_option()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionPipelineBuilder().Configure(o => o with { MaxDocumentLength = 0 }).Build());
        Assert.Equal("MaxDocumentLength", ex.ParamName);
        var ex2 = Assert.Throws<ArgumentException>(() => new ExtractionPipelineBuilder().UseLanguages("english").Build());
        Assert.Equal("CandidateLanguages", ex2.ParamName);
    }

    [Fact]
    public void A_builder_builds_once()
    {
        var builder = new ExtractionPipelineBuilder();
        builder.Build();
        Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Throws<InvalidOperationException>(() => builder.UseLanguages("en"));
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => Pipeline.Extract("Some text.", null, cts.Token));
    }

    [Fact]
    public void Results_are_identical_across_threads()
    {
        var sequential = Seeds.All.Select(s => Signature(Pipeline.Extract(s.Text, Seeds.InfoFor(s)))).ToArray();
        var parallel = new string[16 * Seeds.All.Count];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            Seeds.Seed s = Seeds.All[i % Seeds.All.Count];
            parallel[i] = Signature(Pipeline.Extract(s.Text, Seeds.InfoFor(s)));
        });
        for (int i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(sequential[i % Seeds.All.Count], parallel[i]);
        }
    }

    private static string Signature(ExtractionResult r) =>
        System.Text.Json.JsonSerializer.Serialize(r, DiplomacyJsonContext.Default.ExtractionResult);

    [Fact]
    public void Result_serializes_with_camel_case_and_original_spans()
    {
        Seeds.Seed seed = Seeds.Get("003");
        string json = Signature(Pipeline.Extract(seed.Text, Seeds.InfoFor(seed)));
        Assert.Contains("\"documentId\":\"003_6172a01c34cfa938\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sentences\":[{\"span\":{\"start\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"End\"", json, StringComparison.Ordinal);
    }
}
