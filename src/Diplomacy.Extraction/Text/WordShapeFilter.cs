namespace Diplomacy.Extraction.Text;

/// <summary>
/// A one-sided filter over words: one bit per hashed (length, first two characters, last character). A word whose bit is
/// clear is certainly not among the added words; a set bit means "maybe" (look it up). Most words of a text start no phrase
/// or entry, so one bit test replaces a hash lookup for them. Immutable after construction; thread-safe to read.
/// </summary>
internal sealed class WordShapeFilter
{
    private readonly ulong[] _bits;
    private readonly int _bitsLog2;
    private readonly bool _ignoreAsciiCase;

    /// <param name="words">The words to let through.</param>
    /// <param name="bitsLog2">The filter has 2^<paramref name="bitsLog2"/> bits.</param>
    /// <param name="ignoreAsciiCase">
    /// Whether words compare ignoring case: ASCII letters are folded, and a word with a non-ASCII character at a hashed
    /// position always passes (such a character may equal an ASCII one ignoring case).
    /// </param>
    public WordShapeFilter(IEnumerable<string> words, int bitsLog2, bool ignoreAsciiCase)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bitsLog2, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitsLog2, 24);
        _bitsLog2 = bitsLog2;
        _ignoreAsciiCase = ignoreAsciiCase;
        _bits = new ulong[(1 << bitsLog2) / 64];
        foreach (string word in words)
        {
            int bit = Bit(word);
            if (bit >= 0)
            {
                _bits[bit >> 6] |= 1UL << (bit & 63);
            }
        }
    }

    /// <summary>Whether some word of the filter may be <paramref name="word"/> (false: certainly none).</summary>
    public bool MayContain(ReadOnlySpan<char> word)
    {
        int bit = Bit(word);
        return bit < 0 || (_bits[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    /// <summary>Whether the filter can judge <paramref name="word"/> at all (false: <see cref="MayContain"/> always answers true).</summary>
    public bool CanJudge(ReadOnlySpan<char> word) => Bit(word) >= 0;

    /// <summary>The bit of a word, or -1 when the filter cannot judge it (folding case and a non-ASCII character at a hashed position).</summary>
    private int Bit(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return 0;
        }

        char c0 = word[0], c1 = word.Length > 1 ? word[1] : '\0', last = word[^1];
        if (_ignoreAsciiCase)
        {
            if ((c0 | c1 | last) >= 128)
            {
                return -1;
            }

            c0 = AsciiLower(c0);
            c1 = AsciiLower(c1);
            last = AsciiLower(last);
        }

        uint key = ((uint)Math.Min(word.Length, 255) << 24) ^ ((uint)c0 << 16) ^ ((uint)c1 << 8) ^ ((uint)last * 0x9E3779B1u);
        return (int)((key * 0x85EBCA6Bu) >> (32 - _bitsLog2));
    }

    private static char AsciiLower(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
}
