using Diplomacy.Extraction.LanguageDetection;

namespace Diplomacy.Extraction.Tests.LanguageDetection;

public sealed class WordEvidenceTests
{
    private static LanguageModel Embedded()
    {
        using Stream stream = Diplomacy.Extraction.Resources.ResourceLoader.Open("langid.bin");
        return LanguageModel.Read(stream);
    }

    private static uint WholeWordKey(string word)
    {
        var sink = new KeySink();
        NGramFeaturizer.Run(word, ref sink);
        Assert.True(sink.Found, $"'{word}' has no whole-word key");
        return sink.Key;
    }

    [Fact]
    public void The_embedded_model_has_rare_words_that_survive_a_round_trip()
    {
        LanguageModel model = Embedded();
        WordEvidence words = Assert.IsType<WordEvidence>(model.Words);
        Assert.InRange(words.Count, 10_000, 2_000_000);

        using var first = new MemoryStream();
        using (var writer = new BinaryWriter(first, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            words.Write(writer);
        }

        first.Position = 0;
        using var reader = new BinaryReader(first);
        WordEvidence again = WordEvidence.Read(reader, model.Languages.Length);
        Assert.Equal(words.Count, again.Count);
        using var second = new MemoryStream();
        using (var writer = new BinaryWriter(second, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            again.Write(writer);
        }

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void A_rare_word_raises_the_word_feature_of_its_language_only()
    {
        LanguageModel model = Embedded();
        int en = Array.IndexOf(model.Languages, "en");
        const string word = "zqxwvkjb";
        uint key = WholeWordKey(word);
        var keys = new uint[model.Languages.Length][];
        var costs = new byte[model.Languages.Length];
        for (int lane = 0; lane < keys.Length; lane++)
        {
            keys[lane] = lane == en ? [key] : [];
            costs[lane] = 100;
        }

        var with = new LanguageDetector(model.WithWords(new WordEvidence(keys, costs)));
        var without = new LanguageDetector(model.WithWords(null));
        const int F = ShortTextRescorer.FeatureCount;
        var a = new float[LanguageModel.Lanes * F];
        var b = new float[LanguageModel.Lanes * F];
        Assert.Equal(2, with.ShortTextFeatures(word + " und", with.AllCandidates, a, out uint lanes));
        Assert.Equal(2, without.ShortTextFeatures(word + " und", without.AllCandidates, b, out _));
        int de = Array.IndexOf(model.Languages, "de");
        Assert.True((lanes & (1u << en)) != 0 && (lanes & (1u << de)) != 0);

        // Without the evidence the unknown word adds nothing; with it, English gains and German does not.
        Assert.True(a[(en * F) + 10] > b[(en * F) + 10]);
        Assert.Equal(b[(de * F) + 10], a[(de * F) + 10]);

        // A short word after it (no whole-word key) does not repeat its evidence.
        var c = new float[LanguageModel.Lanes * F];
        with.ShortTextFeatures(word + " und und", with.AllCandidates, c, out _);
        Assert.Equal(a[(en * F) + 10] - a[(de * F) + 10], c[(en * F) + 10] - c[(de * F) + 10], 3);
    }

    [Fact]
    public void Bad_rare_word_tables_are_rejected()
    {
        Assert.Throws<InvalidDataException>(() => new WordEvidence([[5u, 3u]], [10]));
        Assert.Throws<InvalidDataException>(() => new WordEvidence([[3u, 5u]], [0]));
        Assert.Throws<InvalidDataException>(() => new WordEvidence([[3u]], [10, 10]));
    }

    [Fact]
    public void A_layer_stored_without_the_word_feature_reads_it_with_weight_zero()
    {
        const int Old = ShortTextRescorer.FeatureCount - 1;
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)ShortTextRescorer.Buckets);
            writer.Write((byte)Old);
            for (int i = 0; i < ShortTextRescorer.Buckets * LanguageModel.Lanes * Old; i++)
            {
                writer.Write(1f);
            }

            for (int i = 0; i < ShortTextRescorer.Buckets * LanguageModel.Lanes; i++)
            {
                writer.Write(0.5f);
            }
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        ShortTextRescorer layer = ShortTextRescorer.Read(reader);
        ReadOnlySpan<float> weights = layer.Weights;
        for (int i = 0; i < weights.Length; i++)
        {
            Assert.Equal(i % ShortTextRescorer.FeatureCount == Old ? 0f : 1f, weights[i]);
        }
    }

    private struct KeySink : IFeatureSink
    {
        public uint Key { get; private set; }

        public bool Found { get; private set; }

        public readonly bool BeginWord(ReadOnlySpan<char> padded) => true;

        public void Add(uint key, int order)
        {
            if (order == 0)
            {
                Key = key;
                Found = true;
            }
        }

        public readonly bool EndWord() => true;
    }
}
