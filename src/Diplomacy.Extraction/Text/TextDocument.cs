namespace Diplomacy.Extraction.Text;

/// <summary>
/// A document's text: the caller's original, untouched, and the normalized text the stages work on,
/// with the map between the two.
/// </summary>
public sealed class TextDocument
{
    internal TextDocument(string original, string normalized, OffsetMap map)
    {
        Original = original;
        Normalized = normalized;
        Map = map;
    }

    /// <summary>The caller's text exactly as given (after the length limit, if one applied).</summary>
    public string Original { get; }

    /// <summary>The normalized text the later stages read.</summary>
    public string Normalized { get; }

    internal OffsetMap Map { get; }

    /// <summary>Maps a span of <see cref="Normalized"/> to the span of <see cref="Original"/> that produced it.</summary>
    /// <param name="normalizedSpan">A span inside <see cref="Normalized"/>.</param>
    /// <returns>The original span.</returns>
    public TextSpan ToOriginal(TextSpan normalizedSpan)
    {
        if (normalizedSpan.Start < 0 || normalizedSpan.End > Normalized.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(normalizedSpan));
        }

        return Map.ToOriginal(normalizedSpan);
    }

    internal static TextDocument Unchanged(string text) => new(text, text, OffsetMap.Identity(text.Length));
}
