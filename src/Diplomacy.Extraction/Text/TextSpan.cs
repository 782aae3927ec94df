using System.Text.Json.Serialization;

namespace Diplomacy.Extraction.Text;

/// <summary>
/// A half-open range <c>[Start, Start + Length)</c> of UTF-16 code units in a text.
/// Every span the library returns is in the coordinates of the caller's original text.
/// </summary>
/// <param name="Start">Index of the first code unit.</param>
/// <param name="Length">Number of code units.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Index one past the last code unit.</summary>
    [JsonIgnore]
    public int End => Start + Length;

    /// <summary>Whether the span has no characters.</summary>
    [JsonIgnore]
    public bool IsEmpty => Length == 0;

    /// <summary>Creates a span from a start and an exclusive end.</summary>
    /// <param name="start">Inclusive start.</param>
    /// <param name="end">Exclusive end; must not be less than <paramref name="start"/>.</param>
    /// <returns>The span <c>[start, end)</c>.</returns>
    public static TextSpan FromBounds(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        return new TextSpan(start, end - start);
    }

    /// <summary>Whether <paramref name="other"/> lies completely inside this span.</summary>
    /// <param name="other">The span to test.</param>
    /// <returns><see langword="true"/> when <paramref name="other"/> is contained.</returns>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>Whether the two spans share at least one character.</summary>
    /// <param name="other">The span to test.</param>
    /// <returns><see langword="true"/> when they overlap.</returns>
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}
