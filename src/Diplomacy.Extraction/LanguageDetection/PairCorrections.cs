using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>
/// Learnt corrections for pairs of easily confused languages (es/pt, nl/de/en, uk/ru, …), applied to short texts when
/// the short-text layer's two best candidates are such a pair. Each pair holds a sparse discriminative word model: a
/// weight per hashed feature (the same keys as the n-gram model: whole words and character n-grams) whose sum over a
/// word is that word's log-odds of the first language against the second, fitted by logistic regression on the
/// commercial-use training lines of the two languages. Each word's log-odds is capped (per pair), the text's sum is
/// scaled per length bucket and added to the first language's score, and the layer's own margin between the two is
/// multiplied by a factor per bucket (the trainer keeps it in 0.5…1: the layer tends to be over-confident inside a
/// confusable pair). Cap, scales and factors are fitted by stacking on held-out lines. Immutable and thread-safe.
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
    /// When the two best of <paramref name="scores"/> (candidate lanes only) are a known pair, sets the first
    /// language's score to the second's plus the layer's margin times the pair's factor plus the pair's scaled
    /// log-odds. <paramref name="words"/> is the text's word count.
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
        double odds = LogOdds(pair, text, pair.Cap, out _);
        scores[pair.LaneA] += ((pair.Margins[bucket] - 1) * (scores[pair.LaneA] - scores[pair.LaneB])) + (pair.Scales[bucket] * odds);
    }

    /// <summary>Summed word log-odds (first lane against second) of a text, each word's capped at the pair's
    /// <see cref="Pair.Cap"/>, and its word count.</summary>
    public static double LogOdds(Pair pair, ReadOnlySpan<char> text, out int words)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return LogOdds(pair, text, pair.Cap, out words);
    }

    /// <summary>Summed word log-odds with every word's log-odds clamped to ±<paramref name="cap"/> (the trainer
    /// chooses the cap with this).</summary>
    public static double LogOdds(Pair pair, ReadOnlySpan<char> text, double cap, out int words)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var sink = new Sink(pair, cap);
        NGramFeaturizer.Run(text, ref sink);
        words = sink.Words;
        return sink.Total;
    }

    /// <summary>
    /// Reads the corrections written by <see cref="Write"/>, the last section of the model file (<paramref name="withCaps"/>:
    /// model format 7, with a per-word cap per pair; format 6 has none). The ≈ 375 000 varint keys are decoded from a
    /// pooled 64 KB chunk and the weights read straight into their array, instead of one <see cref="BinaryReader"/>
    /// call per byte. <paramref name="languages"/> is the lane count; corrupt data throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static PairCorrections Read(Stream stream, int languages, bool withCaps)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new ChunkReader(stream);
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

            float cap = float.PositiveInfinity;
            float[]? margins = null;
            if (withCaps)
            {
                cap = reader.Single();
                margins = new float[Buckets];
                for (int k = 0; k < Buckets; k++)
                {
                    margins[k] = reader.Single();
                }
            }

            int n = reader.Int32();
            if (a >= languages || b >= languages || a == b || n is < 0 or > 5_000_000)
            {
                throw new InvalidDataException("Language model: bad pair correction.");
            }

            var keys = new uint[n];
            reader.DeltaKeys(keys);
            var weights = new sbyte[n];
            reader.Fill(MemoryMarshal.AsBytes(weights.AsSpan()));
            pairs[i] = new Pair(a, b, keys, weights, step, intercept, scales, cap, margins);
        }

        if (!reader.AtEnd)
        {
            throw new InvalidDataException("Language model: bytes after the pair corrections.");
        }

        return new PairCorrections(pairs);
    }

    /// <summary>Decodes a block written by <see cref="WriteBlock"/> (Brotli-compressed, format 7 fields).</summary>
    public static PairCorrections ReadBlock(byte[] block, int languages)
    {
        ArgumentNullException.ThrowIfNull(block);
        try
        {
            using var brotli = new BrotliStream(new MemoryStream(block, writable: false), CompressionMode.Decompress);
            return Read(brotli, languages, withCaps: true);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("Language model: truncated pair block.", ex);
        }
    }

    /// <summary>The corrections as a separately compressed block (read lazily by <see cref="ReadBlock"/>).</summary>
    public byte[] WriteBlock(CompressionLevel level)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, level, leaveOpen: true))
        {
            using var writer = new BinaryWriter(brotli, System.Text.Encoding.UTF8, leaveOpen: true);
            Write(writer);
        }

        return buffer.ToArray();
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

            writer.Write(p.Cap);
            foreach (float margin in p.Margins)
            {
                writer.Write(margin);
            }

            writer.Write(p.Keys.Length);
            DeltaKeys.Write(writer, p.Keys);

            foreach (sbyte w in p.Weights)
            {
                writer.Write(w);
            }
        }
    }

    /// <summary>One pair: ascending feature keys with quantized weights (× <see cref="Step"/>), a per-word intercept,
    /// per bucket the scale of the text's summed log-odds and the factor of the layer's margin, and the cap of one word's log-odds.</summary>
    internal sealed class Pair
    {
        public Pair(int laneA, int laneB, uint[] keys, sbyte[] weights, float step, float intercept, float[] scales, float cap = float.PositiveInfinity, float[]? margins = null)
        {
            margins ??= [1, 1, 1];
            ArgumentNullException.ThrowIfNull(keys);
            ArgumentNullException.ThrowIfNull(weights);
            ArgumentNullException.ThrowIfNull(scales);
            if (keys.Length != weights.Length || scales.Length != Buckets || margins.Length != Buckets
                || !float.IsFinite(step) || !float.IsFinite(intercept) || float.IsNaN(cap) || cap <= 0)
            {
                throw new InvalidDataException("Language model: bad pair correction.");
            }

            for (int i = 0; i < Buckets; i++)
            {
                if (!float.IsFinite(scales[i]) || !float.IsFinite(margins[i]) || margins[i] < 0)
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
            Cap = cap;
            Margins = margins;
        }

        public int LaneA { get; }

        public int LaneB { get; }

        public uint[] Keys { get; }

        public sbyte[] Weights { get; }

        public float Step { get; }

        public float Intercept { get; }

        public float[] Scales { get; }

        /// <summary>A word's log-odds count at most this much either way (positive infinity: no cap), so that one
        /// strongly marked word (a name, a loanword) cannot outweigh the rest of a short text.</summary>
        public float Cap { get; }

        /// <summary>Per bucket, the factor of the layer's margin between the two languages (1 = unchanged): the
        /// layer may be over- or under-confident inside a pair.</summary>
        public float[] Margins { get; }

        /// <summary>The quantized weight of a feature (0 when absent).</summary>
        public int WeightOf(uint key)
        {
            int i = Array.BinarySearch(Keys, key);
            return i >= 0 ? Weights[i] : 0;
        }
    }

    /// <summary>Little-endian reading of the written fields through a pooled chunk (truncation throws
    /// <see cref="EndOfStreamException"/>).</summary>
    private sealed class ChunkReader(Stream stream) : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        private int _position;
        private int _length;

        /// <summary>Whether the stream has no byte left.</summary>
        public bool AtEnd => _position == _length && Refill() == 0;

        public int Byte()
        {
            if (_position == _length && Refill() == 0)
            {
                throw new EndOfStreamException();
            }

            return _buffer[_position++];
        }

        public int Int32()
        {
            Span<byte> bytes = stackalloc byte[4];
            Fill(bytes);
            return BinaryPrimitives.ReadInt32LittleEndian(bytes);
        }

        public float Single()
        {
            Span<byte> bytes = stackalloc byte[4];
            Fill(bytes);
            return BinaryPrimitives.ReadSingleLittleEndian(bytes);
        }

        /// <summary>Fills <paramref name="target"/>: first from the chunk, the rest straight from the stream.</summary>
        public void Fill(Span<byte> target)
        {
            int buffered = Math.Min(target.Length, _length - _position);
            _buffer.AsSpan(_position, buffered).CopyTo(target);
            _position += buffered;
            stream.ReadExactly(target[buffered..]);
        }

        /// <summary>Delta-coded keys as written by <see cref="BinaryWriter.Write7BitEncodedInt(int)"/>, summed.</summary>
        public void DeltaKeys(Span<uint> keys)
        {
            uint previous = 0;
            for (int j = 0; j < keys.Length; j++)
            {
                if (_length - _position < 5)
                {
                    Refill();
                }

                uint value = 0;
                int shift = 0;
                int b;
                do
                {
                    if (shift > 28)
                    {
                        throw new InvalidDataException("Language model: bad varint.");
                    }

                    if (_position == _length)
                    {
                        throw new EndOfStreamException();
                    }

                    b = _buffer[_position++];
                    value |= (uint)(b & 0x7F) << shift;
                    shift += 7;
                }
                while (b >= 0x80);

                previous += value;
                keys[j] = previous;
            }
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        /// <summary>Moves the unread bytes to the front and reads more; returns the number of bytes now buffered.</summary>
        private int Refill()
        {
            int left = _length - _position;
            _buffer.AsSpan(_position, left).CopyTo(_buffer);
            _position = 0;
            _length = left;
            int read;
            while (_length < _buffer.Length && (read = stream.Read(_buffer, _length, _buffer.Length - _length)) > 0)
            {
                _length += read;
            }

            return _length;
        }
    }

    private struct Sink(Pair pair, double cap) : IFeatureSink
    {
        private int _word;

        public int Words { get; private set; }

        public double Total { get; private set; }

        public readonly bool BeginWord(ReadOnlySpan<char> padded) => true;

        public void Add(uint key, int order) => _word += pair.WeightOf(key);

        public bool EndWord()
        {
            Words++;
            Total += Math.Clamp(pair.Intercept + (_word * (double)pair.Step), -cap, cap);
            _word = 0;
            return true;
        }
    }
}
