using System.Buffers;

namespace Diplomacy.Extraction.Normalization;

/// <summary>
/// A character set split into its ASCII part (searched with a vectorized ASCII searcher) and the rest: <see cref="IndexOfAny"/>
/// finds the same position as <see cref="MemoryExtensions.IndexOfAny{T}(ReadOnlySpan{T}, SearchValues{T})"/> on the whole set,
/// but runs over ASCII text at vector speed, where a set with non-ASCII members would fall back to a scalar bitmap.
/// </summary>
internal sealed class CharScan
{
    private readonly SearchValues<char> _all;
    private readonly SearchValues<char>? _ascii;

    public CharScan(ReadOnlySpan<char> chars)
    {
        _all = SearchValues.Create(chars);
        var ascii = new List<char>();
        foreach (char c in chars)
        {
            if (c < 0x80)
            {
                ascii.Add(c);
            }
        }

        _ascii = ascii.Count == 0 ? null : SearchValues.Create([.. ascii]);
    }

    /// <summary>Whether <paramref name="c"/> is in the set.</summary>
    public bool Contains(char c) => _all.Contains(c);

    /// <summary>The first position of a character of the set in <paramref name="text"/>, or -1.</summary>
    public int IndexOfAny(ReadOnlySpan<char> text)
    {
        int nonAscii = text.IndexOfAnyExceptInRange('\0', '\u007F');
        ReadOnlySpan<char> head = nonAscii < 0 ? text : text[..nonAscii];
        int found = _ascii is null ? -1 : head.IndexOfAny(_ascii);
        if (found >= 0 || nonAscii < 0)
        {
            return found;
        }

        int rest = text[nonAscii..].IndexOfAny(_all);
        return rest < 0 ? -1 : nonAscii + rest;
    }
}
