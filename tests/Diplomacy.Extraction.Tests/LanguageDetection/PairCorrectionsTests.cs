using System.Text.Json;
using Diplomacy.Extraction.LanguageDetection;
using Diplomacy.Extraction.Tests.Infrastructure;

namespace Diplomacy.Extraction.Tests.LanguageDetection;

public sealed class PairCorrectionsTests
{
    private static LanguageModel Embedded()
    {
        using Stream stream = Diplomacy.Extraction.Resources.ResourceLoader.Open("langid.bin");
        return LanguageModel.Read(stream);
    }

    [Fact]
    public void The_embedded_model_has_pair_corrections_that_survive_a_round_trip()
    {
        LanguageModel model = Embedded();
        PairCorrections pairs = Assert.IsType<PairCorrections>(model.Pairs);
        Assert.NotEmpty(pairs.Pairs);
        int es = Array.IndexOf(model.Languages, "es");
        int pt = Array.IndexOf(model.Languages, "pt");
        Assert.True(pairs.Find(es, pt) >= 0);
        Assert.Equal(pairs.Find(es, pt), pairs.Find(pt, es));

        using var copy = new MemoryStream();
        model.Write(copy, System.IO.Compression.CompressionLevel.Fastest);
        copy.Position = 0;
        PairCorrections again = Assert.IsType<PairCorrections>(LanguageModel.Read(copy).Pairs);
        Assert.Equal(pairs.Pairs.Count, again.Pairs.Count);
        for (int i = 0; i < pairs.Pairs.Count; i++)
        {
            Assert.Equal(pairs.Pairs[i].Keys, again.Pairs[i].Keys);
            Assert.Equal(pairs.Pairs[i].Weights, again.Pairs[i].Weights);
            Assert.Equal(pairs.Pairs[i].Scales, again.Pairs[i].Scales);
            Assert.Equal(pairs.Pairs[i].Margins, again.Pairs[i].Margins);
            Assert.Equal(pairs.Pairs[i].Cap, again.Pairs[i].Cap);
        }
    }

    [Theory]
    [InlineData("es", "pt", "situación económica", true)]
    [InlineData("es", "pt", "situação econômica", false)]
    [InlineData("uk", "ru", "їхні країни", true)]
    [InlineData("uk", "ru", "обязательно выслушать", false)]
    public void A_pair_model_leans_to_the_language_of_its_distinctive_words(string first, string second, string text, bool towardsFirst)
    {
        LanguageModel model = Embedded();
        PairCorrections pairs = model.Pairs!;
        int a = Array.IndexOf(model.Languages, first);
        int b = Array.IndexOf(model.Languages, second);
        PairCorrections.Pair pair = pairs.Pairs[pairs.Find(a, b)];
        double odds = PairCorrections.LogOdds(pair, text, out int words);
        Assert.Equal(2, words);

        // The stored log-odds are of the pair's first lane against its second.
        double towardsA = pair.LaneA == a ? odds : -odds;
        Assert.Equal(towardsFirst, towardsA > 0);
    }

    [Fact]
    public void The_correction_applies_only_when_the_two_best_lanes_are_a_pair()
    {
        LanguageModel model = Embedded();
        PairCorrections pairs = model.Pairs!;
        PairCorrections.Pair pair = pairs.Pairs[0];
        int other = Enumerable.Range(0, model.Languages.Length).First(l => l != pair.LaneA && l != pair.LaneB);
        uint lanes = (1u << pair.LaneA) | (1u << pair.LaneB) | (1u << other);
        const string text = "parte";

        // The pair is not on top: nothing changes.
        double[] scores = new double[LanguageModel.Lanes];
        scores[other] = 5;
        scores[pair.LaneA] = 1;
        scores[pair.LaneB] = 4;
        pairs.Apply(text, lanes, 1, scores);
        Assert.Equal([5.0, 1.0, 4.0], new[] { scores[other], scores[pair.LaneA], scores[pair.LaneB] });

        // The pair is on top: the first lane moves by the scaled log-odds and its margin to the second is rescaled, the
        // others stay.
        scores[other] = 0;
        pairs.Apply(text, lanes, 1, scores);
        double expected = 1 + ((pair.Margins[0] - 1) * -3.0) + (pair.Scales[0] * PairCorrections.LogOdds(pair, text, out _));
        Assert.Equal(expected, scores[pair.LaneA], 9);
        Assert.Equal(4.0, scores[pair.LaneB]);
        Assert.Equal(0.0, scores[other]);
    }

    [Fact]
    public void A_pair_correction_of_a_bad_shape_is_rejected()
    {
        float[] ok = new float[PairCorrections.Buckets];
        Assert.Throws<InvalidDataException>(() => new PairCorrections.Pair(0, 1, [2u, 1u], [1, 1], 0.1f, 0, ok));
        Assert.Throws<InvalidDataException>(() => new PairCorrections.Pair(0, 1, [1u], [1, 1], 0.1f, 0, ok));
        Assert.Throws<InvalidDataException>(() => new PairCorrections.Pair(0, 1, [1u], [1], float.NaN, 0, ok));
        Assert.Throws<InvalidDataException>(() => new PairCorrections.Pair(0, 1, [1u], [1], 0.1f, 0, new float[2]));
        Assert.Throws<InvalidDataException>(() => new PairCorrections.Pair(0, 1, [1u], [1], 0.1f, 0, ok, 0));
        Assert.Throws<InvalidDataException>(() => new PairCorrections.Pair(0, 1, [1u], [1], 0.1f, 0, ok, float.NaN));
        Assert.Throws<InvalidDataException>(() => new PairCorrections.Pair(0, 1, [1u], [1], 0.1f, 0, ok, 2, [1, -1, 1]));
        Assert.Throws<InvalidDataException>(() => new PairCorrections.Pair(0, 1, [1u], [1], 0.1f, 0, ok, 2, [1, 1]));
    }

    [Fact]
    public void A_corrupt_pair_block_throws_invalid_data_when_it_is_decoded()
    {
        LanguageModel model = Embedded();
        byte[] block = model.Pairs!.WriteBlock(System.IO.Compression.CompressionLevel.Fastest);
        Assert.Equal(model.Pairs.Pairs.Count, PairCorrections.ReadBlock(block, model.Languages.Length).Pairs.Count);
        Assert.Throws<InvalidDataException>(() => PairCorrections.ReadBlock(block[..(block.Length / 2)], model.Languages.Length));
        Assert.Throws<InvalidDataException>(() => PairCorrections.ReadBlock(block, 2));
    }

    [Fact]
    public void A_word_counts_at_most_the_cap_of_its_pair()
    {
        PairCorrections.Pair pair = new(0, 1, [], [], 0.1f, 5, new float[PairCorrections.Buckets], cap: 2);

        // Every word's log-odds is the intercept alone (5 nats), capped at 2: two words give 4.
        Assert.Equal(4, PairCorrections.LogOdds(pair, "alpha beta", out int words), 9);
        Assert.Equal(2, words);
        Assert.Equal(10, PairCorrections.LogOdds(pair, "alpha beta", double.PositiveInfinity, out _), 9);
    }

    [Fact]
    public void An_uncapped_pair_with_unit_margins_survives_a_round_trip()
    {
        LanguageModel model = Embedded();
        PairCorrections.Pair first = model.Pairs!.Pairs[0];
        var old = new PairCorrections([new PairCorrections.Pair(first.LaneA, first.LaneB, first.Keys, first.Weights, first.Step, first.Intercept, first.Scales)]);

        // Pairs built without a cap or margins (as format 6 files are read) keep them through a write and a read.
        using var copy = new MemoryStream();
        model.WithPairs(old).Write(copy, System.IO.Compression.CompressionLevel.Fastest);
        copy.Position = 0;
        PairCorrections.Pair again = LanguageModel.Read(copy).Pairs!.Pairs[0];
        Assert.Equal(float.PositiveInfinity, again.Cap);
        Assert.Equal([1f, 1f, 1f], again.Margins);
        Assert.Equal(first.Keys, again.Keys);
    }

    /// <summary>The names-only Reuters holiday notice (five words, all names) keeps its metadata language.</summary>
    [SharedFact]
    public void The_names_only_reuters_document_keeps_its_hint()
    {
        string path = Path.Combine(RepoPaths.Shared!, "corpora", "news", "reuters21578.jsonl");
        string? text = null, hint = null;
        foreach (string line in File.ReadLines(path))
        {
            if (line.Contains("\"reuters-13593\"", StringComparison.Ordinal))
            {
                using JsonDocument doc = JsonDocument.Parse(line);
                text = doc.RootElement.GetProperty("text").GetString();
                hint = doc.RootElement.GetProperty("language").GetString();
                break;
            }
        }

        Assert.NotNull(text);
        ExtractionPipeline pipeline = new ExtractionPipelineBuilder().Build();
        Assert.Equal("en", pipeline.Extract(text, new DocumentInfo { LanguageHint = hint }).Language);
    }
}
