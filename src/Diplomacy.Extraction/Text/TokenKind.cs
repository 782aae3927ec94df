namespace Diplomacy.Extraction.Text;

/// <summary>What a token is.</summary>
internal enum TokenKind : byte
{
    /// <summary>Letters (with digits, inner hyphens, apostrophes and initialism dots), or one CJK character.</summary>
    Word,

    /// <summary>Digits with inner separators (<c>1,000.5</c>, <c>27.02.2025</c>, <c>14:30</c>), a trailing percent sign or letters.</summary>
    Number,

    /// <summary>Punctuation; runs of the same mark (<c>...</c>, <c>--</c>) and of sentence-final marks form one token.</summary>
    Punctuation,

    /// <summary>Currency, math and other symbols, emoji, control characters.</summary>
    Symbol,

    /// <summary>A web address.</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>One line break (with surrounding horizontal space).</summary>
    LineBreak,

    /// <summary>Two or more line breaks: a paragraph boundary.</summary>
    ParagraphBreak,
}
