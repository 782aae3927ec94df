using System.Runtime.CompilerServices;

namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>
/// The discriminative layer for short texts (single words, word pairs, headlines, sentences): a multinomial logistic
/// regression over per-language features derived from the generative n-gram costs (<see cref="ShortTextFeatureSink"/>),
/// with one weight vector and one bias per language and text-length bucket (the weights are a shared part plus a
/// per-language correction, summed by the trainer). Fitted by the trainer on held-out
/// commercial-use training lines (never on test data). Immutable and thread-safe.
/// </summary>
internal sealed class ShortTextRescorer
{
    /// <summary>Features per language (see <see cref="ShortTextFeatureSink"/>); layers stored with one fewer (before format 9) read with weight 0 for the last.</summary>
    public const int FeatureCount = 11;

    /// <summary>Length buckets: 1, 2, 3, 4–6, 7–12 and 13+ words.</summary>
    public const int Buckets = 6;

    private readonly float[] _weights;
    private readonly float[] _biases;

    /// <param name="weights"><see cref="Buckets"/> × <see cref="LanguageModel.Lanes"/> × <see cref="FeatureCount"/> weights.</param>
    /// <param name="biases"><see cref="Buckets"/> × <see cref="LanguageModel.Lanes"/> per-language biases.</param>
    public ShortTextRescorer(float[] weights, float[] biases)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        if (weights.Length != Buckets * LanguageModel.Lanes * FeatureCount || biases.Length != Buckets * LanguageModel.Lanes)
        {
            throw new InvalidDataException("Language model: bad short-text layer.");
        }

        foreach (float w in weights)
        {
            if (!float.IsFinite(w))
            {
                throw new InvalidDataException("Language model: bad short-text weight.");
            }
        }

        foreach (float b in biases)
        {
            if (!float.IsFinite(b))
            {
                throw new InvalidDataException("Language model: bad short-text bias.");
            }
        }

        _weights = weights;
        _biases = biases;
    }

    /// <summary>The weights, bucket-major (for writing).</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>The biases, bucket-major (for writing).</summary>
    public ReadOnlySpan<float> Biases => _biases;

    /// <summary>The bucket of a text with this many words.</summary>
    public static int BucketOf(int words) => words switch
    {
        <= 1 => 0,
        2 => 1,
        3 => 2,
        <= 6 => 3,
        <= 12 => 4,
        _ => 5,
    };

    /// <summary>The log-linear score of one language from its features.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Score(int bucket, int lane, ReadOnlySpan<float> features)
    {
        ReadOnlySpan<float> w = _weights.AsSpan(((bucket * LanguageModel.Lanes) + lane) * FeatureCount, FeatureCount);
        double s = _biases[(bucket * LanguageModel.Lanes) + lane];
        for (int k = 0; k < FeatureCount; k++)
        {
            s += w[k] * features[k];
        }

        return s;
    }

    /// <summary>Reads the layer written by <see cref="Write"/>.</summary>
    public static ShortTextRescorer Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int stored = reader.ReadByte() == Buckets ? reader.ReadByte() : -1;
        if (stored is not (FeatureCount or FeatureCount - 1))
        {
            throw new InvalidDataException("Language model: short-text layer of another shape.");
        }

        // A layer without the rare-word feature (the last one) reads with weight 0 for it.
        var weights = new float[Buckets * LanguageModel.Lanes * FeatureCount];
        for (int i = 0; i < Buckets * LanguageModel.Lanes; i++)
        {
            for (int k = 0; k < stored; k++)
            {
                weights[(i * FeatureCount) + k] = reader.ReadSingle();
            }
        }

        var biases = new float[Buckets * LanguageModel.Lanes];
        for (int i = 0; i < biases.Length; i++)
        {
            biases[i] = reader.ReadSingle();
        }

        return new ShortTextRescorer(weights, biases);
    }

    /// <summary>Writes the layer.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write((byte)Buckets);
        writer.Write((byte)FeatureCount);
        foreach (float w in _weights)
        {
            writer.Write(w);
        }

        foreach (float b in _biases)
        {
            writer.Write(b);
        }
    }
}

/// <summary>
/// Collects, per candidate language, the features of the short-text layer (all in nats or counts, summed over words):
/// 0 the capped word votes of the generative model (its own decision score); 1–6 the cost of each feature order
/// (0 = whole words, 1..5 = n-grams) relative to the best language of that word; 7 the words the language knows as
/// whole words; 8 the words on which the language is best; 9 the 3- to 5-grams the language never saw in training;
/// 10 the word evidence over the full training vocabulary (<see cref="WordEvidence"/>): per word with a whole-word key,
/// the language's unseen-word cost minus the word's cost (its table row, or the rare-word cost), in nats.
/// Scalar over the candidate lanes: meant for texts of at most a few hundred characters.
/// </summary>
internal struct ShortTextFeatureSink : IFeatureSink
{
    private const int Orders = NGramFeaturizer.MaxOrder + 1;
    private const int Lanes = LanguageModel.Lanes;

    private readonly LanguageModel _model;
    private readonly uint _lanes;
    private readonly float _wholeWordWeight;
    private readonly float _cap;
    private OrderLaneBuffer _word;
    private OrderLaneBuffer _orderSums;
    private LaneBuffer _capped;
    private LaneBuffer _hits;
    private LaneBuffer _wins;
    private LaneBuffer _unseen;
    private LaneBuffer _rare;
    private uint _wordKey;
    private bool _hasWordKey;
    private bool _wordRow;

    public ShortTextFeatureSink(LanguageModel model, uint lanes, float wholeWordWeight, float capNats)
    {
        _model = model;
        _lanes = lanes;
        _wholeWordWeight = wholeWordWeight;
        _cap = capNats * model.Scale;
    }

    /// <summary>Words read.</summary>
    public int Words { get; private set; }

    public readonly bool BeginWord(ReadOnlySpan<char> padded) => true;

    public void Add(uint key, int order)
    {
        int row = _model.Find(key);
        if (order == 0)
        {
            _wordKey = key;
            _hasWordKey = true;
            _wordRow = row >= 0;
        }

        if (row < 0)
        {
            return;
        }

        ReadOnlySpan<byte> costs = _model.Row(row);
        ReadOnlySpan<byte> floors = _model.Floors;
        for (uint r = _lanes; r != 0; r &= r - 1)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(r);
            byte c = costs[lane];
            _word[(order * Lanes) + lane] += c;
            byte floor = floors[(lane * Orders) + order];
            if (order == 0 && c < floor)
            {
                _hits[lane] += 1;
            }
            else if (order >= 3 && c >= floor)
            {
                _unseen[lane] += 1;
            }
        }
    }

    public bool EndWord()
    {
        Words++;
        float inv = 1f / _model.Scale;
        Span<float> total = stackalloc float[Lanes];
        float bestTotal = float.MaxValue;
        int bestLane = -1;
        for (uint r = _lanes; r != 0; r &= r - 1)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(r);
            float t = _word[lane] * _wholeWordWeight;
            for (int o = 1; o < Orders; o++)
            {
                t += _word[(o * Lanes) + lane];
            }

            total[lane] = t;
            if (t < bestTotal)
            {
                bestTotal = t;
                bestLane = lane;
            }
        }

        if (bestLane < 0)
        {
            _hasWordKey = false;
            _wordRow = false;
            return true;
        }

        _wins[bestLane] += 1;
        WordEvidence? evidence = _model.Words;
        if (evidence is not null && _hasWordKey)
        {
            // Frequency-weighted word evidence over the full training vocabulary: the word's log frequency in the
            // language relative to the language's unseen-word cost (table words from their row, rare words from the
            // evidence, other words 0). Words too short or too long for a whole-word key add nothing.
            ReadOnlySpan<byte> floors = _model.Floors;
            for (uint r = _lanes; r != 0; r &= r - 1)
            {
                int lane = System.Numerics.BitOperations.TrailingZeroCount(r);
                float floor = floors[lane * Orders];
                float cost = _wordRow ? Math.Min(_word[lane], floor) : floor;
                if (cost >= floor)
                {
                    byte rare = evidence.RareCost(lane, _wordKey);
                    if (rare != 0)
                    {
                        cost = Math.Min(rare, floor);
                    }
                }

                _rare[lane] += (floor - cost) * inv;
            }
        }

        _hasWordKey = false;
        _wordRow = false;
        for (int o = 0; o < Orders; o++)
        {
            float min = float.MaxValue;
            for (uint r = _lanes; r != 0; r &= r - 1)
            {
                min = Math.Min(min, _word[(o * Lanes) + System.Numerics.BitOperations.TrailingZeroCount(r)]);
            }

            for (uint r = _lanes; r != 0; r &= r - 1)
            {
                int lane = System.Numerics.BitOperations.TrailingZeroCount(r);
                _orderSums[(o * Lanes) + lane] += (_word[(o * Lanes) + lane] - min) * inv;
                _word[(o * Lanes) + lane] = 0;
            }
        }

        for (uint r = _lanes; r != 0; r &= r - 1)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(r);
            _capped[lane] += Math.Min(total[lane] - bestTotal, _cap) * inv;
        }

        return true;
    }

    /// <summary>Writes the <see cref="ShortTextRescorer.FeatureCount"/> features of a lane.</summary>
    public readonly void CopyFeatures(int lane, Span<float> features)
    {
        features[0] = _capped[lane];
        for (int o = 0; o < Orders; o++)
        {
            features[1 + o] = _orderSums[(o * Lanes) + lane];
        }

        features[7] = _hits[lane];
        features[8] = _wins[lane];
        features[9] = _unseen[lane];
        features[10] = _rare[lane];
    }

    [InlineArray(Lanes)]
    private struct LaneBuffer
    {
        private float _element;
    }

    [InlineArray(Orders * Lanes)]
    private struct OrderLaneBuffer
    {
        private float _element;
    }
}
