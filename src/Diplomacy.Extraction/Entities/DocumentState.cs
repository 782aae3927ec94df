using System.Buffers;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Entities;

/// <summary>Per-document view the recognizer's rules read: the text, its tokens, which tokens a name covers.</summary>
internal ref struct DocumentState
{
    private readonly Gazetteer _gazetteer;
    private readonly bool[] _covered;

    public DocumentState(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int mask, Gazetteer gazetteer)
    {
        Text = text;
        Tokens = tokens;
        Mask = mask;
        _gazetteer = gazetteer;
        _covered = ArrayPool<bool>.Shared.Rent(Math.Max(tokens.Length, 1));
        _covered.AsSpan(0, tokens.Length).Clear();
    }

    /// <summary>Returns the rented coverage array.</summary>
    public readonly void Dispose() => ArrayPool<bool>.Shared.Return(_covered);

    public ReadOnlySpan<char> Text { get; }

    public ReadOnlySpan<Token> Tokens { get; }

    /// <summary>Language mask of the document.</summary>
    public int Mask { get; }

    public readonly void Cover(int first, int last) => _covered.AsSpan(first, last - first + 1).Fill(true);

    public readonly void Uncover(int first, int last) => _covered.AsSpan(first, last - first + 1).Clear();

    /// <summary>The previous token that is not a symbol (junk), or -1 at a break or the start.</summary>
    public readonly int PreviousWord(int index) => WordFrom(index, -1);

    /// <summary>The next token that is not a symbol, or -1 at a break or the end.</summary>
    public readonly int NextWord(int index) => WordFrom(index, +1);

    private readonly int WordFrom(int index, int step)
    {
        for (int i = index + step; i >= 0 && i < Tokens.Length; i += step)
        {
            Token t = Tokens[i];
            if (t.IsBreak)
            {
                return -1;
            }

            if (t.Kind != TokenKind.Symbol)
            {
                return i;
            }
        }

        return -1;
    }

    public readonly bool PreviousIs(int index, Gazetteer.WordClass wordClass) => Is(PreviousWord(index), wordClass);

    public readonly bool NextIs(int index, Gazetteer.WordClass wordClass) => Is(NextWord(index), wordClass);

    public readonly bool Is(int index, Gazetteer.WordClass wordClass)
    {
        if (index < 0 || Tokens[index].Kind != TokenKind.Word || Tokens[index].Length > TextFold.MaxLength)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[(TextFold.MaxLength * 2) + 2];
        int n = TextFold.Fold(Tokens[index].In(Text), buffer);
        return n > 0 && _gazetteer.Is(buffer[..n], wordClass, Mask);
    }

    public readonly string? ModifierAt(int index)
    {
        if (index < 0 || Tokens[index].Kind != TokenKind.Word || Tokens[index].Length > TextFold.MaxLength)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[(TextFold.MaxLength * 2) + 2];
        int n = TextFold.Fold(Tokens[index].In(Text), buffer);
        return n > 0 ? _gazetteer.Modifier(buffer[..n]) : null;
    }

    /// <summary>Whether the token is a capitalized word no name covers (a candidate part of a person's name).</summary>
    public readonly bool IsNameWord(int index)
    {
        Token t = Tokens[index];
        if (t.Kind != TokenKind.Word || _covered[index] || !t.Has(TokenFlags.Capitalized) || t.Length < 2
            || t.Has(TokenFlags.AllUpper) || t.Has(TokenFlags.Initialism) || t.Has(TokenFlags.Alphanumeric) || t.Has(TokenFlags.Apostrophe))
        {
            return false;
        }

        // one lookup: the word classes are flags, and Is asks whether the word has any of them
        return !Is(index, Gazetteer.WordClass.NameStop | Gazetteer.WordClass.Speech | Gazetteer.WordClass.Honorific);
    }

    public readonly bool IsGivenNameAt(int index) => _gazetteer.IsGivenName(Tokens[index].In(Text));

    /// <summary>Whether the previous word is capitalized and not part of a name (a title-case headline).</summary>
    public readonly bool PreviousIsCapitalWord(int index)
    {
        int p = PreviousWord(index);
        return p >= 0 && Tokens[p].Kind == TokenKind.Word && !_covered[p] && Tokens[p].Has(TokenFlags.Capitalized);
    }

    public readonly bool NextIsUncoveredCapital(int index)
    {
        int n = NextWord(index);
        return n >= 0 && IsCapitalUncovered(n);
    }

    public readonly bool PreviousIsUncoveredCapital(int index)
    {
        int p = PreviousWord(index);
        return p >= 0 && IsCapitalUncovered(p) && !IsSentenceStart(p);
    }

    public readonly bool CommaBetween(int last, int next) =>
        next == last + 2 && Tokens[last + 1].Kind == TokenKind.Punctuation && Text[Tokens[last + 1].Start] == ',';

    /// <summary>Nothing but a possessive clitic (<c>’s</c>) between two tokens.</summary>
    public readonly bool OnlyPossessiveBetween(int last, int next)
    {
        if (next == last + 1)
        {
            return true;
        }

        if (next != last + 2)
        {
            return false;
        }

        ReadOnlySpan<char> between = Tokens[last + 1].In(Text);
        return between.Length == 2 && between[0] is '\'' or '\u2019' && between[1] is 's' or 'S';
    }

    /// <summary><c>of</c> or <c>of the</c> between two tokens.</summary>
    public readonly bool OfBetween(int last, int next)
    {
        if (next != last + 2 && next != last + 3)
        {
            return false;
        }

        bool of = Tokens[last + 1].In(Text).Equals("of", StringComparison.OrdinalIgnoreCase);
        return of && (next == last + 2 || Tokens[last + 2].In(Text).Equals("the", StringComparison.OrdinalIgnoreCase));
    }

    private readonly bool IsCapitalUncovered(int index)
    {
        Token t = Tokens[index];
        return t.Kind == TokenKind.Word && !_covered[index] && t.Has(TokenFlags.Capitalized) && !t.Has(TokenFlags.AllUpper)
            && !Is(index, Gazetteer.WordClass.Speech);
    }

    private readonly bool IsSentenceStart(int index)
    {
        int p = PreviousWord(index);
        if (p < 0)
        {
            return true;
        }

        Token t = Tokens[p];
        return t.Kind == TokenKind.Punctuation && Text[t.Start] is '.' or '!' or '?' or ':' or '|' or '–' or '—' or '"' or '“';
    }
}
