namespace Diplomacy.Extraction.Text;

/// <summary>
/// Maps positions in a normalized text back to the text it was produced from, in the manner of
/// Lucene's <c>BaseCharFilter.CorrectOffset</c>: only the places where the length changed are stored
/// (sorted, searched by binary search), and maps chain through every normalization step.
/// </summary>
/// <remarks>
/// Edit <c>i</c> says that normalized <c>[NormStart, NormEnd)</c> replaced original <c>[OrigStart, OrigEnd)</c>.
/// Outside edits the two texts agree character for character, shifted by the running difference.
/// A start position inside an edit maps to the edit's original start and an end position to its original end,
/// so every mapped span covers all the original characters that produced it.
/// </remarks>
internal sealed class OffsetMap
{
    private readonly int[] _normStarts;
    private readonly int[] _normEnds;
    private readonly int[] _origStarts;
    private readonly int[] _origEnds;
    private readonly OffsetMap? _inner;

    internal OffsetMap(int[] normStarts, int[] normEnds, int[] origStarts, int[] origEnds, int normalizedLength, int sourceLength, OffsetMap? inner)
    {
        _normStarts = normStarts;
        _normEnds = normEnds;
        _origStarts = origStarts;
        _origEnds = origEnds;
        _inner = inner;
        NormalizedLength = normalizedLength;
        OriginalLength = inner?.OriginalLength ?? sourceLength;
    }

    /// <summary>Length of the text this map maps from.</summary>
    public int NormalizedLength { get; }

    /// <summary>Length of the original text at the end of the chain.</summary>
    public int OriginalLength { get; }

    /// <summary>Number of length-changing edits recorded at this level (not counting inner maps).</summary>
    public int EditCount => _normStarts.Length;

    /// <summary>Whether the map is the identity (no edits anywhere in the chain).</summary>
    public bool IsIdentity => _normStarts.Length == 0 && (_inner is null || _inner.IsIdentity);

    /// <summary>A map that changes nothing.</summary>
    /// <param name="length">Length of the text.</param>
    /// <returns>The identity map.</returns>
    public static OffsetMap Identity(int length) => new([], [], [], [], length, length, null);

    /// <summary>Maps a span start (inclusive) back to the original text.</summary>
    /// <param name="normalized">Position in the normalized text, <c>0..NormalizedLength</c>.</param>
    /// <returns>The original position.</returns>
    public int ToOriginalStart(int normalized)
    {
        int local = LocalStart(normalized);
        return _inner is null ? local : _inner.ToOriginalStart(local);
    }

    /// <summary>Maps a span end (exclusive) back to the original text.</summary>
    /// <param name="normalized">Position in the normalized text, <c>0..NormalizedLength</c>.</param>
    /// <returns>The original position.</returns>
    public int ToOriginalEnd(int normalized)
    {
        int local = LocalEnd(normalized);
        return _inner is null ? local : _inner.ToOriginalEnd(local);
    }

    /// <summary>Maps a normalized span to the original span that produced it.</summary>
    /// <param name="span">Span in the normalized text.</param>
    /// <returns>The span in the original text.</returns>
    public TextSpan ToOriginal(TextSpan span)
    {
        if (span.IsEmpty)
        {
            int p = ToOriginalStart(span.Start);
            return new TextSpan(p, 0);
        }

        int start = ToOriginalStart(span.Start);
        int end = ToOriginalEnd(span.End);
        return end < start ? new TextSpan(start, 0) : TextSpan.FromBounds(start, end);
    }

    private int LocalStart(int n)
    {
        // last edit with NormStart <= n
        int i = UpperBound(_normStarts, n) - 1;
        if (i < 0)
        {
            return n;
        }

        return n < _normEnds[i] ? _origStarts[i] : _origEnds[i] + (n - _normEnds[i]);
    }

    private int LocalEnd(int n)
    {
        // last edit with NormStart < n
        int i = UpperBound(_normStarts, n - 1) - 1;
        if (i < 0)
        {
            return n;
        }

        return n <= _normEnds[i] ? _origEnds[i] : _origEnds[i] + (n - _normEnds[i]);
    }

    /// <summary>Index of the first element greater than <paramref name="value"/>.</summary>
    private static int UpperBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
