using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Diplomacy.Extraction.Text;

/// <summary>Character classes for the scanners: an ASCII table, Unicode categories above it.</summary>
internal static class CharClass
{
    public const byte Other = 0;
    public const byte Space = 1;
    public const byte Newline = 2;
    public const byte Upper = 3;
    public const byte Lower = 4;
    public const byte Digit = 5;
    public const byte Punct = 6;
    public const byte Symbol = 7;
    public const byte LetterOther = 8;
    public const byte Mark = 9;
    public const byte Cjk = 10;
    public const byte Format = 11;
    public const byte HighSurrogate = 12;
    public const byte LowSurrogate = 13;

    /// <summary>Characters that end a sentence.</summary>
    public static readonly SearchValues<char> SentenceFinal = SearchValues.Create(".!?\u2026\u203C\u2047\u2048\u2049\u3002\uFF01\uFF1F");

    /// <summary>Hyphens that join compounds.</summary>
    public static readonly SearchValues<char> Hyphens = SearchValues.Create("-\u2010\u2011");

    /// <summary>Apostrophes inside words.</summary>
    public static readonly SearchValues<char> Apostrophes = SearchValues.Create("'\u2019\u02BC");

    private static ReadOnlySpan<byte> Ascii =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1, 1, 2, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 6, 6, 6, 7, 6, 6, 6, 6, 6, 6, 7, 6, 6, 6, 6,
        5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6, 7, 7, 7, 6,
        6, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 6, 6, 7, 6,
        7, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
        4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 7, 6, 7, 0,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Of(char c) => c < 128 ? Ascii[c] : OfNonAscii(c);

    private static byte OfNonAscii(char c)
    {
        if (char.IsHighSurrogate(c))
        {
            return HighSurrogate;
        }

        if (char.IsLowSurrogate(c))
        {
            return LowSurrogate;
        }

        if (IsCjk(c))
        {
            return Cjk;
        }

        if (c is '\u0085' or '\u2028' or '\u2029')
        {
            return Newline;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
                return Upper;
            case UnicodeCategory.LowercaseLetter:
                return Lower;
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
                return LetterOther;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                return Mark;
            case UnicodeCategory.DecimalDigitNumber:
                return Digit;
            case UnicodeCategory.SpaceSeparator:
                return Space;
            case UnicodeCategory.Format:
                return Format;
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.DashPunctuation:
            case UnicodeCategory.OpenPunctuation:
            case UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
            case UnicodeCategory.OtherPunctuation:
                return Punct;
            case UnicodeCategory.Control:
                return Other;
            default:
                return Symbol;
        }
    }

    /// <summary>Han ideographs, kana and CJK symbols written without spaces between words.</summary>
    public static bool IsCjk(char c) =>
        (c >= '\u3040' && c <= '\u30FF') || (c >= '\u3400' && c <= '\u4DBF') ||
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\uF900' && c <= '\uFAFF');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(byte cls) => cls is Upper or Lower or LetterOther;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordPart(byte cls) => cls is Upper or Lower or LetterOther or Digit or Mark;

    /// <summary>The class of the code point at <paramref name="i"/>, decoding a surrogate pair.</summary>
    public static byte OfCodePoint(ReadOnlySpan<char> text, int i, out int width)
    {
        char c = text[i];
        byte cls = Of(c);
        width = 1;
        if (cls == HighSurrogate && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            var rune = new Rune(c, text[i + 1]);
            if (rune.Value is >= 0x20000 and <= 0x3FFFF)
            {
                return Cjk;
            }

            return Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter => Upper,
                UnicodeCategory.LowercaseLetter => Lower,
                UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter => LetterOther,
                UnicodeCategory.DecimalDigitNumber => Digit,
                UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => Mark,
                _ => Symbol,
            };
        }

        return cls;
    }
}
