using System.Runtime.CompilerServices;

namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>Receives the hashed features of a text, word by word.</summary>
internal interface IFeatureSink
{
    /// <summary>
    /// Called with each word (lower-cased, padded with a space on both sides) before its features; return
    /// <see langword="false"/> to skip them (a sink that already knows the word's total, see <see cref="WordCache"/>).
    /// <see cref="EndWord"/> is called either way.
    /// </summary>
    bool BeginWord(ReadOnlySpan<char> padded);

    /// <summary>One feature: <paramref name="order"/> 1..5 for character n-grams, 0 for the whole word.</summary>
    void Add(uint key, int order);

    /// <summary>Called after each word's features; return <see langword="false"/> to stop.</summary>
    bool EndWord();
}

/// <summary>
/// Turns text into hashed features: every word (a run of letters and marks, lower-cased) is padded with a space on both
/// sides and yields its character n-grams of orders 1 to <see cref="MaxOrder"/> plus one whole-word feature.
/// The trainer and the detector share this code, so the keys always agree. Allocation-free.
/// </summary>
internal static class NGramFeaturizer
{
    public const int MaxOrder = 5;

    /// <summary>Longer runs (unsegmented CJK text) are cut into pieces of this many characters.</summary>
    public const int MaxWordLength = 40;

    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const ulong WordSeed = 0x9E3779B97F4A7C15UL;

    /// <summary>Runs the sink over the text; returns the index just after the last word read.</summary>
    public static int Run<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        Span<char> word = stackalloc char[MaxWordLength + 2];
        int i = 0;
        while (i < text.Length)
        {
            char f = LetterTables.Fold(text[i]);
            if (f == '\0')
            {
                i++;
                continue;
            }

            int len = 0;
            while (true)
            {
                word[++len] = f;
                i++;
                if (len == MaxWordLength || i >= text.Length)
                {
                    break;
                }

                f = LetterTables.Fold(text[i]);
                if (f == '\0')
                {
                    break;
                }
            }

            word[0] = ' ';
            word[len + 1] = ' ';
            if (sink.BeginWord(word[..(len + 2)]))
            {
                EmitWord(word[..(len + 2)], ref sink);
            }

            if (!sink.EndWord())
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>The number of words <see cref="Run"/> would read, counting stops after <paramref name="limit"/> + 1.</summary>
    public static int CountWords(ReadOnlySpan<char> text, int limit)
    {
        int words = 0;
        int len = 0;
        foreach (char c in text)
        {
            if (LetterTables.Fold(c) == '\0')
            {
                len = 0;
                continue;
            }

            if (len == 0 || len == MaxWordLength)
            {
                len = 0;
                if (++words > limit)
                {
                    return words;
                }
            }

            len++;
        }

        return words;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EmitWord<TSink>(ReadOnlySpan<char> padded, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        int m = padded.Length;
        for (int s = 0; s < m; s++)
        {
            ulong h = Offset;
            int max = Math.Min(MaxOrder, m - s);
            for (int k = 0; k < max; k++)
            {
                h = (h ^ padded[s + k]) * Prime;
                if (k == 0 && s == 0)
                {
                    continue; // the lone leading space
                }

                if (k == 0 && s == m - 1)
                {
                    break; // the lone trailing space
                }

                sink.Add(Mix(h), k + 1);
            }
        }

        if (m > MaxOrder && m < MaxWordLength + 2)
        {
            ulong w = WordSeed;
            foreach (char c in padded)
            {
                w = (w ^ c) * Prime;
            }

            sink.Add(Mix(w), 0);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        uint key = (uint)x;
        return key == 0 ? 1u : key;
    }
}
