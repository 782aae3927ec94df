using System.Text;
using Diplomacy.Extraction.Limits;
using Diplomacy.Extraction.Pipeline;
using Diplomacy.Extraction.Tests.Infrastructure;

namespace Diplomacy.Extraction.Tests.Hardening;

/// <summary>
/// Hostile inputs at 1x, 10x and 100x size: the work (allocated bytes, work-meter units and phrase-matching steps)
/// grows linearly, never faster, and no stage fails. Measured by counting, never by timing.
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>Work may grow at most this much faster than the input (noise: list doubling, one-off buffers).</summary>
    private const double Slack = 3.0;

    private static readonly ExtractionPipeline Unlimited = new ExtractionPipelineBuilder().Configure(o => o with { MaxDocumentLength = int.MaxValue }).Build();

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    private static string OneLine()
    {
        string seed = Seeds.All[0].Text.Replace('\n', ' ').Replace('\r', ' ');
        return seed;
    }

    /// <summary>Generators of a hostile document of size factor k (1, 10, 100); base sizes keep 100x affordable in CI.</summary>
    public static TheoryData<string> Cases() =>
    [
        "single-line", "us-initialism", "nested-brackets", "nested-quotes", "lone-surrogates", "nul-bytes", "bidi-overrides",
        "combining-flood", "entity-flood", "trigger-flood", "date-flood", "short-lines",
    ];

    internal static string Make(string name, int k) => name switch
    {
        // 1x = 10 kB; 100x = 1 MB of one line (the 10 MB line is the truncation test below)
        "single-line" => Repeat(Repeat(OneLine(), 2)[..10_000], k),
        "us-initialism" => Repeat("U.S. ", 2_000 * k), // 100x: 200k repetitions (the million is in Us_a_million_times)
        "nested-brackets" => Repeat("([{", 1_000 * k) + " Lavrov met Rubio in Riyadh. " + Repeat("}])", 1_000 * k),
        "nested-quotes" => Repeat("\"«“'", 1_000 * k) + "Lavrov met Rubio" + Repeat("'”»\"", 1_000 * k),
        "lone-surrogates" => Repeat("Lavrov \uD800 met \uDC00 Rubio \uDBFF\uDBFF in Riyadh. ", 200 * k),
        "nul-bytes" => Repeat("Lavrov\0met\0Rubio\0in\0Riyadh.\0\0", 300 * k),
        "bidi-overrides" => Repeat("\u202ELavrov met\u202C Rubio \u2066in Riyadh\u2069 on \u202BTuesday\u202C. ", 150 * k),
        "combining-flood" => "Lavrov" + Repeat("\u0301\u0308\u0327", 3_000 * k) + " met Rubio. " + Repeat("a\u0301\u0302\u0303 ", 1_000 * k),
        "entity-flood" => Repeat("&amp;&#8217;&nbsp;", 1_000 * k),
        "trigger-flood" => Repeat("the talks met ", 700 * k) + ".",
        "date-flood" => Repeat("on 12 March 2025, ", 500 * k),
        "short-lines" => Repeat("Lavrov\n", 1_500 * k),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Runs every stage on <paramref name="text"/> and counts its work on this thread.</summary>
    internal static (long Bytes, long Units, long Steps, DocumentContext Context) Measure(ExtractionPipeline pipeline, string text, CancellationToken token = default)
    {
        var context = new DocumentContext(text, new DocumentInfo(), pipeline.Options, token);
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        long steps = WorkProbe.Steps;
        foreach (IExtractionStage stage in pipeline.Stages)
        {
            stage.Process(context);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - bytes, context.Work.Units, WorkProbe.Steps - steps, context);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Work_grows_linearly_with_hostile_input(string name)
    {
        Measure(Unlimited, Make(name, 1)); // warm-up: one-off static data and caches
        var one = Measure(Unlimited, Make(name, 1));
        var ten = Measure(Unlimited, Make(name, 10));
        var hundred = Measure(Unlimited, Make(name, 100));
        Assert.DoesNotContain(hundred.Context.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        Linear("allocated bytes", one.Bytes, ten.Bytes, hundred.Bytes, 64 * 1024);
        Linear("work units", one.Units, ten.Units, hundred.Units, WorkMeter.CheckInterval);
        Linear("matching steps", one.Steps, ten.Steps, hundred.Steps, 1_000);
    }

    /// <summary>At 10x and 100x, work is at most <see cref="Slack"/> times 10 (100) times the 1x work plus a constant.</summary>
    private static void Linear(string what, long one, long ten, long hundred, long constant)
    {
        Assert.True(ten <= (Slack * 10 * one) + constant, $"{what}: 1x {one}, 10x {ten} grows faster than linear");
        Assert.True(hundred <= (Slack * 100 * one) + constant, $"{what}: 1x {one}, 100x {hundred} grows faster than linear");
        Assert.True(hundred <= (Slack * 10 * ten) + constant, $"{what}: 10x {ten}, 100x {hundred} grows faster than linear");
    }

    [Fact]
    public void Adjacent_html_entities_keep_sentences_apart_in_the_original()
    {
        // found by PropertyTests.Random_unicode_keeps_every_invariant: "...&#8217;&amp;...saidFeb." gave overlapping sentences
        Invariants.CheckAll("next week\n\u2022 saidGespr\u00e4che e.g.\u00e2\u20ac\u2122Feb. 18... &amp;- \u2022 talks...&#8217;&amp;...saidFeb. 18&amp;\n\nMr.");
    }

    [Fact]
    public void A_ten_megabyte_line_is_cut_at_the_document_limit_with_a_warning()
    {
        string line = Repeat(OneLine(), (10_000_000 / OneLine().Length) + 1);
        Assert.True(line.Length >= 10_000_000);
        ExtractionResult result = Invariants.Pipeline.Extract(line);
        Assert.Equal(ExtractionOptions.DefaultMaxDocumentLength, result.Text.Original.Length);
        Diagnostic truncated = Assert.Single(result.Diagnostics, d => d.Code == "input.truncated");
        Assert.Equal(new Extraction.Text.TextSpan(ExtractionOptions.DefaultMaxDocumentLength, line.Length - ExtractionOptions.DefaultMaxDocumentLength), truncated.Span);
        Assert.False(result.HasErrors);
        Assert.NotEmpty(result.Entities);
    }

    [Fact]
    public void Us_a_million_times_is_one_run_of_linear_work()
    {
        string text = Repeat("U.S. ", 1_000_000);
        ExtractionResult result = Unlimited.Extract(text);
        Assert.False(result.HasErrors);
        Invariants.Spans(text, result);
        Assert.All(result.Sentences, s => Assert.True(s.Span.Length < 5 * Unlimited.Options.MaxTokensPerSentence, "long sentences are cut"));
    }

    [Fact]
    public void The_hostile_inputs_keep_every_invariant()
    {
        foreach (string name in Cases())
        {
            Invariants.CheckAll(Make(name, 1));
        }
    }

    [Fact]
    public void A_sentence_over_the_token_limit_is_cut_with_a_warning()
    {
        ExtractionPipeline pipeline = new ExtractionPipelineBuilder().Configure(o => o with { MaxTokensPerSentence = 20 }).Build();
        string text = "Lavrov and Rubio met in Riyadh. The talks" + Repeat(" went on and on", 15) + " until late. Then they left.";
        ExtractionResult result = pipeline.Extract(text);
        Diagnostic d = Assert.Single(result.Diagnostics, d => d.Code == "sentence.too-long");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(text.IndexOf("The talks", StringComparison.Ordinal), d.Span!.Value.Start);
        Assert.Contains("65 tokens", d.Message, StringComparison.Ordinal);
        Assert.Equal(6, result.Sentences.Count); // one, the long one in 4 pieces (20 + 20 + 20 + 5 tokens), one
        Assert.Equal("Then they left.", result.Sentences[^1].Text);
        Invariants.Spans(text, result);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionPipelineBuilder().Configure(o => o with { MaxTokensPerSentence = 3 }).Build());
    }
}
