namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>
/// The rare words of each language: whole-word keys seen in the language's commercial training lines (or their
/// diacritic-loss and second-script copies) that the n-gram table does not hold, mostly words seen once, with the
/// quantized cost of a word seen once. Gives the short-text layer a frequency-weighted word feature over the full
/// training vocabulary (<see cref="ShortTextFeatureSink"/>, feature 10). Immutable and thread-safe.
/// </summary>
/// <remarks>File section (format 9): per lane one cost byte, the key count, then the sorted keys as 7-bit varint deltas.</remarks>
internal sealed class WordEvidence
{
    private readonly uint[][] _keys;
    private readonly byte[] _costs;

    /// <param name="keys">Per lane, the rare-word keys in ascending order.</param>
    /// <param name="costs">Per lane, the quantized cost of a rare word (1..254).</param>
    public WordEvidence(uint[][] keys, byte[] costs)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(costs);
        if (keys.Length != costs.Length || keys.Length > LanguageModel.Lanes)
        {
            throw new InvalidDataException("Language model: bad rare-word table.");
        }

        for (int lane = 0; lane < keys.Length; lane++)
        {
            uint[] lk = keys[lane] ?? throw new InvalidDataException("Language model: bad rare-word table.");
            for (int i = 1; i < lk.Length; i++)
            {
                if (lk[i] <= lk[i - 1])
                {
                    throw new InvalidDataException("Language model: rare-word keys out of order.");
                }
            }

            if (costs[lane] is 0 or 255)
            {
                throw new InvalidDataException("Language model: bad rare-word cost.");
            }
        }

        _keys = keys;
        _costs = costs;
    }

    /// <summary>Rare words held, over all languages.</summary>
    public int Count
    {
        get
        {
            int n = 0;
            foreach (uint[] lk in _keys)
            {
                n += lk.Length;
            }

            return n;
        }
    }

    /// <summary>The quantized cost of the word in the language if it is one of its rare words, else 0.</summary>
    public byte RareCost(int lane, uint key) =>
        (uint)lane < (uint)_keys.Length && Array.BinarySearch(_keys[lane], key) >= 0 ? _costs[lane] : (byte)0;

    /// <summary>Reads the section written by <see cref="Write"/> for a model of <paramref name="languages"/> lanes.</summary>
    public static WordEvidence Read(BinaryReader reader, int languages)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var keys = new uint[languages][];
        var costs = new byte[languages];
        for (int lane = 0; lane < languages; lane++)
        {
            costs[lane] = reader.ReadByte();
            int n = reader.ReadInt32();
            if (n is < 0 or > 10_000_000)
            {
                throw new InvalidDataException("Language model: bad rare-word count.");
            }

            keys[lane] = DeltaKeys.Read(reader, n);
        }

        return new WordEvidence(keys, costs);
    }

    /// <summary>Writes the section.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        for (int lane = 0; lane < _keys.Length; lane++)
        {
            writer.Write(_costs[lane]);
            writer.Write(_keys[lane].Length);
            DeltaKeys.Write(writer, _keys[lane]);
        }
    }
}
