using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>
/// Learnt corrections for pairs of easily confused languages (es/pt, nl/de/en, uk/ru, …), applied to short texts when
/// the short-text layer's two best candidates are such a pair. Each pair holds a sparse discriminative word model: a
/// weight per hashed feature (the same keys as the n-gram model: whole words and character n-grams) whose sum over a
/// word is that word's log-odds of the first language against the second, fitted by logistic regression on the
/// commercial-use training lines of the two languages. The text's summed log-odds are scaled per length bucket
/// (fitted by stacking on held-out lines) and added to the first language's score. Immutable and thread-safe.
/// </summary>
internal sealed class PairCorrections
{
    /// <summary>Length buckets: 1, 2 and 3–6 words.</summary>
    public const int Buckets = 3;

    private readonly Pair[] _pairs;

    public PairCorrections(IReadOnlyList<Pair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        _pairs = [.. pairs];
    }

    /// <summary>The pairs.</summary>
    public IReadOnlyList<Pair> Pairs => _pairs;

    /// <summary>The bucket of a text with this many words.</summary>
    public static int BucketOf(int words) => words <= 1 ? 0 : words == 2 ? 1 : 2;

    /// <summary>The index of the pair of these two lanes (either order), or -1.</summary>
    public int Find(int laneA, int laneB)
    {
        for (int i = 0; i < _pairs.Length; i++)
        {
            Pair p = _pairs[i];
            if ((p.LaneA == laneA && p.LaneB == laneB) || (p.LaneA == laneB && p.LaneB == laneA))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// When the two best of <paramref name="scores"/> (candidate lanes only) are a known pair, adds the pair's scaled
    /// log-odds to the first language's score. <paramref name="words"/> is the text's word count.
    /// </summary>
    public void Apply(ReadOnlySpan<char> text, uint lanes, int words, Span<double> scores)
    {
        int best = -1, second = -1;
        for (uint r = lanes; r != 0; r &= r - 1)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(r);
            if (best < 0 || scores[lane] > scores[best])
            {
                second = best;
                best = lane;
            }
            else if (second < 0 || scores[lane] > scores[second])
            {
                second = lane;
            }
        }

        int index = second < 0 ? -1 : Find(best, second);
        if (index < 0)
        {
            return;
        }

        Pair pair = _pairs[index];
        int bucket = BucketOf(words);
        double odds = LogOdds(pair, text, out _);
        scores[pair.LaneA] += pair.Scales[bucket] * odds;
    }

    /// <summary>Summed word log-odds (first lane against second) of a text, and its word count.</summary>
    public static double LogOdds(Pair pair, ReadOnlySpan<char> text, out int words)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var sink = new Sink(pair);
        NGramFeaturizer.Run(text, ref sink);
        words = sink.Words;
        return sink.Total;
    }

    /// <summary>
    /// Reads the corrections written by <see cref="Write"/>, which are the last section of the model file:
    /// the rest of the stream is read at once and decoded from a span (≈ 375 000 varint keys and byte weights; reading
    /// them call by call through a <see cref="BinaryReader"/> was a third of the model's load time).
    /// <paramref name="languages"/> is the lane count.
    /// </summary>
    public static PairCorrections Read(Stream stream, int languages)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var rest = new MemoryStream();
        stream.CopyTo(rest);
        return Read(rest.GetBuffer().AsSpan(0, (int)rest.Length), languages);
    }

    /// <summary>Decodes the corrections from their bytes; corrupt data throws <see cref="InvalidDataException"/>.</summary>
    public static PairCorrections Read(ReadOnlySpan<byte> data, int languages)
    {
        var reader = new SpanReader(data);
        int count = reader.Byte();
        var pairs = new Pair[count];
        for (int i = 0; i < count; i++)
        {
            int a = reader.Byte();
            int b = reader.Byte();
            float step = reader.Single();
            float intercept = reader.Single();
            var scales = new float[Buckets];
            for (int k = 0; k < Buckets; k++)
            {
                scales[k] = reader.Single();
            }

            int n = reader.Int32();
            if (a >= languages || b >= languages || a == b || n is < 0 or > 5_000_000)
            {
                throw new InvalidDataException("Language model: bad pair correction.");
            }

            var keys = new uint[n];
            reader.DeltaKeys(keys);
            sbyte[] weights = MemoryMarshal.Cast<byte, sbyte>(reader.Bytes(n)).ToArray();
            pairs[i] = new Pair(a, b, keys, weights, step, intercept, scales);
        }

        if (!reader.AtEnd)
        {
            throw new InvalidDataException("Language model: bytes after the pair corrections.");
        }

        return new PairCorrections(pairs);
    }

    /// <summary>Writes the corrections.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write((byte)_pairs.Length);
        foreach (Pair p in _pairs)
        {
            writer.Write((byte)p.LaneA);
            writer.Write((byte)p.LaneB);
            writer.Write(p.Step);
            writer.Write(p.Intercept);
            foreach (float scale in p.Scales)
            {
                writer.Write(scale);
            }

            writer.Write(p.Keys.Length);
            uint previous = 0;
            foreach (uint key in p.Keys)
            {
                writer.Write7BitEncodedInt((int)(key - previous));
                previous = key;
            }

            foreach (sbyte w in p.Weights)
            {
                writer.Write(w);
            }
        }
    }

    /// <summary>One pair: ascending feature keys with quantized weights (× <see cref="Step"/>), a per-word intercept,
    /// and per bucket the scale of the text's summed log-odds.</summary>
    internal sealed class Pair
    {
        public Pair(int laneA, int laneB, uint[] keys, sbyte[] weights, float step, float intercept, float[] scales)
        {
            ArgumentNullException.ThrowIfNull(keys);
            ArgumentNullException.ThrowIfNull(weights);
            ArgumentNullException.ThrowIfNull(scales);
            if (keys.Length != weights.Length || scales.Length != Buckets
                || !float.IsFinite(step) || !float.IsFinite(intercept))
            {
                throw new InvalidDataException("Language model: bad pair correction.");
            }

            for (int i = 0; i < Buckets; i++)
            {
                if (!float.IsFinite(scales[i]))
                {
                    throw new InvalidDataException("Language model: bad pair correction.");
                }
            }

            for (int i = 1; i < keys.Length; i++)
            {
                if (keys[i] <= keys[i - 1])
                {
                    throw new InvalidDataException("Language model: pair correction keys out of order.");
                }
            }

            LaneA = laneA;
            LaneB = laneB;
            Keys = keys;
            Weights = weights;
            Step = step;
            Intercept = intercept;
            Scales = scales;
        }

        public int LaneA { get; }

        public int LaneB { get; }

        public uint[] Keys { get; }

        public sbyte[] Weights { get; }

        public float Step { get; }

        public float Intercept { get; }

        public float[] Scales { get; }

        /// <summary>The quantized weight of a feature (0 when absent).</summary>
        public int WeightOf(uint key)
        {
            int i = Array.BinarySearch(Keys, key);
            return i >= 0 ? Weights[i] : 0;
        }
    }

    /// <summary>Little-endian reading of the written fields from a span (truncation throws <see cref="EndOfStreamException"/>).</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public readonly bool AtEnd => _position == _data.Length;

        public int Byte() => Bytes(1)[0];

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Bytes(4));

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if ((uint)count > (uint)(_data.Length - _position))
            {
                throw new EndOfStreamException();
            }

            ReadOnlySpan<byte> slice = _data.Slice(_position, count);
            _position += count;
            return slice;
        }

        /// <summary>Delta-coded keys as written by <see cref="BinaryWriter.Write7BitEncodedInt(int)"/>, summed.</summary>
        public void DeltaKeys(Span<uint> keys)
        {
            ReadOnlySpan<byte> data = _data;
            int position = _position;
            uint previous = 0;
            for (int j = 0; j < keys.Length; j++)
            {
                uint value = 0;
                int shift = 0;
                byte b;
                do
                {
                    if (shift > 28)
                    {
                        throw new InvalidDataException("Language model: bad varint.");
                    }

                    if ((uint)position >= (uint)data.Length)
                    {
                        throw new EndOfStreamException();
                    }

                    b = data[position++];
                    value |= (uint)(b & 0x7F) << shift;
                    shift += 7;
                }
                while (b >= 0x80);

                previous += value;
                keys[j] = previous;
            }

            _position = position;
        }
    }

    private struct Sink(Pair pair) : IFeatureSink
    {
        private int _word;

        public int Words { get; private set; }

        public double Total { get; private set; }

        public readonly bool BeginWord(ReadOnlySpan<char> padded) => true;

        public void Add(uint key, int order) => _word += pair.WeightOf(key);

        public bool EndWord()
        {
            Words++;
            Total += pair.Intercept + (_word * (double)pair.Step);
            _word = 0;
            return true;
        }
    }
}
