namespace Diplomacy.Extraction.Text;

/// <summary>A token: a slice of the text it came from, never a copy of it.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Flags">Shape facts.</param>
internal readonly record struct Token(int Start, int Length, TokenKind Kind, TokenFlags Flags)
{
    /// <summary>Index one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The span of the token.</summary>
    public TextSpan Span => new(Start, Length);

    /// <summary>Whether the token is a line or paragraph break.</summary>
    public bool IsBreak => Kind is TokenKind.LineBreak or TokenKind.ParagraphBreak;

    /// <summary>Whether a flag is set.</summary>
    public bool Has(TokenFlags flag) => (Flags & flag) != 0;

    /// <summary>The token's characters in <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> In(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
