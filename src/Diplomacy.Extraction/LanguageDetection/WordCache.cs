using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>
/// A small per-thread, direct-mapped memory of recent words and their summed cost rows (before the per-word cap, so
/// the total does not depend on the candidate languages). News text repeats its common words constantly, and the
/// document check reads the start of a text twice (whole text, then its first paragraph): a hit replaces the word's
/// 10-40 feature lookups by one 64-byte add. The exact characters are compared, so results are identical with or
/// without the cache. Words longer than <see cref="MaxChars"/> letters are not remembered.
/// </summary>
internal sealed class WordCache
{
    /// <summary>Longest remembered word, in letters.</summary>
    public const int MaxChars = 14;

    private const int Slots = 4096;

    [ThreadStatic]
    private static WordCache? t_current;

    private readonly char[] _words = new char[Slots * MaxChars];
    private readonly byte[] _lengths = new byte[Slots];
    private readonly Vector256<ushort>[] _totals = new Vector256<ushort>[Slots * 2];
    private LanguageModel? _model;
    private byte _pendingLength;

    /// <summary>The calling thread's cache, emptied if it last served another model.</summary>
    public static WordCache For(LanguageModel model)
    {
        WordCache cache = t_current ??= new WordCache();
        if (!ReferenceEquals(cache._model, model))
        {
            Array.Clear(cache._lengths);
            cache._model = model;
        }

        return cache;
    }

    /// <summary>The slot of a padded word and whether it holds that word; -1 (never a hit) for words too long to keep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Lookup(ReadOnlySpan<char> padded, out bool hit)
    {
        ReadOnlySpan<char> word = padded[1..^1];
        if (word.Length > MaxChars)
        {
            hit = false;
            return -1;
        }

        uint h = 2166136261;
        foreach (char c in word)
        {
            h = (h ^ c) * 16777619;
        }

        int slot = (int)((h ^ (h >> 15)) & (Slots - 1));
        hit = _lengths[slot] == word.Length && word.SequenceEqual(_words.AsSpan(slot * MaxChars, word.Length));
        if (!hit)
        {
            // Claim the slot now (invalid until Store gives it the word's total).
            _lengths[slot] = 0;
            word.CopyTo(_words.AsSpan(slot * MaxChars));
            _pendingLength = (byte)word.Length;
        }

        return slot;
    }

    /// <summary>Adds the remembered total of a slot to a word's running total.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddTotal(int slot, ref Vector256<ushort> lo, ref Vector256<ushort> hi)
    {
        lo += _totals[slot * 2];
        hi += _totals[(slot * 2) + 1];
    }

    /// <summary>Remembers the word last looked up at <paramref name="slot"/> with its total.</summary>
    public void Store(int slot, Vector256<ushort> lo, Vector256<ushort> hi)
    {
        _totals[slot * 2] = lo;
        _totals[(slot * 2) + 1] = hi;
        _lengths[slot] = _pendingLength;
    }
}
