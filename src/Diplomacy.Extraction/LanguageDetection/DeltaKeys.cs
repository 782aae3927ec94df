namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>Sorted hash keys stored as 7-bit varint deltas (the n-gram table, the pair corrections, the rare-word table).</summary>
internal static class DeltaKeys
{
    /// <summary>Writes ascending <paramref name="keys"/> as deltas (the count is written by the caller).</summary>
    public static void Write(BinaryWriter writer, ReadOnlySpan<uint> keys)
    {
        uint previous = 0;
        foreach (uint key in keys)
        {
            writer.Write7BitEncodedInt((int)(key - previous));
            previous = key;
        }
    }

    /// <summary>Reads <paramref name="count"/> keys written by <see cref="Write"/>.</summary>
    public static uint[] Read(BinaryReader reader, int count)
    {
        var keys = new uint[count];
        uint previous = 0;
        for (int i = 0; i < count; i++)
        {
            previous += (uint)reader.Read7BitEncodedInt();
            keys[i] = previous;
        }

        return keys;
    }
}
