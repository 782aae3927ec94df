using System.Runtime.CompilerServices;

namespace Diplomacy.Extraction.Text;

/// <summary>
/// Splits text into <see cref="Token"/>s without allocating, in the shape of the runtime's
/// <c>Regex.ValueMatchEnumerator</c>: a <c>ref struct</c> whose <see cref="GetEnumerator"/> returns itself.
/// Copying the enumerator snapshots its position, which is how callers look ahead.
/// </summary>
internal ref struct TokenEnumerator
{
    private const int MaxTokenLength = 4096;
    private readonly ReadOnlySpan<char> _text;
    private int _pos;
    private Token _current;

    public TokenEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _pos = 0;
        _current = default;
    }

    /// <summary>The token found by the last successful <see cref="MoveNext"/>.</summary>
    public readonly Token Current => _current;

    /// <summary>Position where scanning resumes.</summary>
    public readonly int Position => _pos;

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly TokenEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next token.</summary>
    /// <returns><see langword="false"/> at the end of the text.</returns>
    public bool MoveNext()
    {
        ReadOnlySpan<char> text = _text;
        int n = text.Length;
        int i = _pos;
        bool glued = i > 0 && !_current.IsBreak;

        while (i < n)
        {
            char ch = text[i];
            if (ch == ' ')
            {
                i++;
                glued = false;
                continue;
            }

            byte cls = CharClass.Of(ch);
            if (cls is CharClass.Space or CharClass.Format)
            {
                i++;
                glued = false;
                continue;
            }

            if (cls == CharClass.Newline)
            {
                return ScanBreak(i);
            }

            TokenFlags flags = glued ? TokenFlags.Glued : TokenFlags.None;
            switch (cls)
            {
                case CharClass.Upper:
                case CharClass.Lower:
                case CharClass.LetterOther:
                case CharClass.Mark:
                    if ((text[i] | 0x20) is 'h' or 'w' && TryScanUrl(i, flags))
                    {
                        return true;
                    }

                    return ScanWord(i, flags);
                case CharClass.Digit:
                    return ScanNumber(i, flags);
                case CharClass.Cjk:
                    return Emit(i, 1, TokenKind.Word, flags | TokenFlags.Cjk);
                case CharClass.HighSurrogate:
                    {
                        byte cp = CharClass.OfCodePoint(text, i, out int width);
                        if (cp == CharClass.Cjk)
                        {
                            return Emit(i, width, TokenKind.Word, flags | TokenFlags.Cjk);
                        }

                        if (CharClass.IsLetter(cp) || cp == CharClass.Digit)
                        {
                            return ScanWord(i, flags);
                        }

                        return Emit(i, width, TokenKind.Symbol, flags);
                    }

                case CharClass.Punct:
                    return ScanPunctuation(i, flags);
                default:
                    return Emit(i, 1, TokenKind.Symbol, flags);
            }
        }

        _pos = n;
        _current = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Emit(int start, int length, TokenKind kind, TokenFlags flags)
    {
        _current = new Token(start, length, kind, flags);
        _pos = start + length;
        return true;
    }

    private bool ScanBreak(int start)
    {
        ReadOnlySpan<char> text = _text;
        int i = start;
        int lines = 0;
        int lastBreakEnd = start;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\r')
            {
                lines++;
                i += i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                lastBreakEnd = i;
            }
            else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
            {
                lines++;
                i++;
                lastBreakEnd = i;
            }
            else if (CharClass.Of(c) is CharClass.Space or CharClass.Format)
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return Emit(start, lastBreakEnd - start, lines >= 2 ? TokenKind.ParagraphBreak : TokenKind.LineBreak, TokenFlags.None);
    }

    private bool ScanWord(int start, TokenFlags flags)
    {
        ReadOnlySpan<char> text = _text;
        int n = text.Length;

        // Initialism: single letters each followed by a period (U.S., e.g., z.B.), also U.S without the last period.
        int j = start;
        int segments = 0;
        while (j + 1 < n && text[j + 1] == '.' && CharClass.IsLetter(CharClass.Of(text[j])))
        {
            segments++;
            j += 2;
            if (!(j + 1 < n && CharClass.IsLetter(CharClass.Of(text[j])) && text[j + 1] == '.'))
            {
                break;
            }
        }

        if (segments >= 2 || (segments == 1 && j + 1 <= n && j < n && CharClass.IsLetter(CharClass.Of(text[j])) && (j + 1 == n || !CharClass.IsWordPart(CharClass.Of(text[j + 1])))))
        {
            if (segments == 1)
            {
                j++; // U.S
            }

            flags |= TokenFlags.Initialism;
            if (char.IsUpper(text[start]))
            {
                flags |= TokenFlags.Capitalized;
            }

            // U.S.-Russia: a compound continues after the initialism
            if (j + 1 < n && CharClass.Hyphens.Contains(text[j]) && CharClass.IsWordPart(CharClass.Of(text[j + 1])))
            {
                return ContinueWord(start, j + 1, flags | TokenFlags.Hyphenated, sawUpper: true, sawLower: false);
            }

            return Emit(start, j - start, TokenKind.Word, flags);
        }

        return ContinueWord(start, start, flags, sawUpper: false, sawLower: false);
    }

    private bool ContinueWord(int start, int from, TokenFlags flags, bool sawUpper, bool sawLower)
    {
        ReadOnlySpan<char> text = _text;
        int n = text.Length;
        int limit = Math.Min(n, start + MaxTokenLength);
        int j = from;
        bool sawDigit = false;
        bool sawLetter = sawUpper || sawLower;
        if (j == start)
        {
            char f = text[j];
            if ((uint)(f - 'A') <= 'Z' - 'A' || (f > 127 && CharClass.OfCodePoint(text, j, out _) == CharClass.Upper))
            {
                flags |= TokenFlags.Capitalized;
            }
        }

        while (j < limit)
        {
            char c = text[j];

            // fast path: runs of ASCII lower-case letters, the bulk of news text
            if ((uint)(c - 'a') <= 'z' - 'a')
            {
                sawLower = true;
                sawLetter = true;
                j++;
                while (j < limit && (uint)(text[j] - 'a') <= 'z' - 'a')
                {
                    j++;
                }

                continue;
            }

            byte cls = CharClass.Of(c);
            if (cls is CharClass.Space or CharClass.Newline)
            {
                break; // the common end of a word
            }

            switch (cls)
            {
                case CharClass.Upper:
                    sawUpper = true;
                    sawLetter = true;
                    j++;
                    continue;
                case CharClass.Lower:
                    sawLower = true;
                    sawLetter = true;
                    j++;
                    continue;
                case CharClass.LetterOther:
                    sawLetter = true;
                    j++;
                    continue;
                case CharClass.Mark:
                    j++;
                    continue;
                case CharClass.Digit:
                    sawDigit = true;
                    j++;
                    continue;
                case CharClass.HighSurrogate:
                    {
                        byte cp = CharClass.OfCodePoint(text, j, out int width);
                        if (cp is CharClass.Upper or CharClass.Lower or CharClass.LetterOther or CharClass.Digit or CharClass.Mark)
                        {
                            sawLetter |= cp != CharClass.Digit;
                            j += width;
                            continue;
                        }

                        break;
                    }
            }

            // joiners: an inner hyphen or apostrophe followed by a word character
            if (j + 1 < n && j > start && CharClass.IsWordPart(CharClass.Of(text[j + 1])))
            {
                if (CharClass.Hyphens.Contains(c))
                {
                    flags |= TokenFlags.Hyphenated;
                    j++;
                    continue;
                }

                if (CharClass.Apostrophes.Contains(c) && CharClass.IsLetter(CharClass.Of(text[j + 1])))
                {
                    // possessive clitic ('s, ’s) stands alone so that "Lavrov’s" yields "Lavrov"
                    if ((text[j + 1] | 0x20) == 's' && (j + 2 >= n || !CharClass.IsWordPart(CharClass.Of(text[j + 2]))))
                    {
                        break;
                    }

                    flags |= TokenFlags.Apostrophe;
                    j++;
                    continue;
                }
            }

            if (c == '@' || ((c == '.' || c == '_' || c == '+') && j + 1 < n && text[j + 1] != ' '))
            {
                if (TryScanEmail(start, flags))
                {
                    return true;
                }
            }

            break;
        }

        if (j == start)
        {
            return Emit(start, 1, TokenKind.Symbol, flags);
        }

        if (sawUpper && !sawLower && j - start >= 2 && sawLetter)
        {
            flags |= TokenFlags.AllUpper;
        }

        if (sawDigit && sawLetter)
        {
            flags |= TokenFlags.Alphanumeric;
        }

        return Emit(start, j - start, TokenKind.Word, flags);
    }

    private bool ScanNumber(int start, TokenFlags flags)
    {
        ReadOnlySpan<char> text = _text;
        int n = text.Length;
        int limit = Math.Min(n, start + MaxTokenLength);
        int j = start + 1;
        while (j < limit)
        {
            char c = text[j];
            if (char.IsAsciiDigit(c) || (c > 127 && CharClass.Of(c) == CharClass.Digit))
            {
                j++;
                continue;
            }

            if ((c is '.' or ',' or '/' or ':') && j + 1 < n && char.IsAsciiDigit(text[j + 1]))
            {
                j += 2;
                continue;
            }

            break;
        }

        if (j < n && text[j] == '%')
        {
            j++;
        }
        else if (j < n && CharClass.IsLetter(CharClass.Of(text[j])))
        {
            // 1st, 10th, 1980s, 5G
            flags |= TokenFlags.Alphanumeric;
            while (j < limit && CharClass.IsWordPart(CharClass.Of(text[j])))
            {
                j++;
            }
        }

        // 5-year, 3-day: a number joined to a word by a hyphen
        if (j + 1 < n && CharClass.Hyphens.Contains(text[j]) && CharClass.IsLetter(CharClass.Of(text[j + 1])))
        {
            return ContinueWord(start, j + 1, flags | TokenFlags.Hyphenated, sawUpper: false, sawLower: false) && RetypeAsNumber();
        }

        return Emit(start, j - start, TokenKind.Number, flags);
    }

    private bool RetypeAsNumber()
    {
        _current = _current with { Kind = TokenKind.Number };
        return true;
    }

    private bool ScanPunctuation(int start, TokenFlags flags)
    {
        ReadOnlySpan<char> text = _text;
        char c = text[start];
        int j = start + 1;
        int limit = Math.Min(text.Length, start + MaxTokenLength);

        // a possessive clitic ’s after a word
        if (CharClass.Apostrophes.Contains(c) && (flags & TokenFlags.Glued) != 0 && j < text.Length && (text[j] | 0x20) == 's'
            && (j + 1 >= text.Length || !CharClass.IsWordPart(CharClass.Of(text[j + 1]))))
        {
            return Emit(start, 2, TokenKind.Word, flags | TokenFlags.Apostrophe);
        }

        if (CharClass.SentenceFinal.Contains(c))
        {
            while (j < limit && CharClass.SentenceFinal.Contains(text[j]))
            {
                j++;
            }
        }
        else
        {
            while (j < limit && text[j] == c)
            {
                j++;
            }
        }

        return Emit(start, j - start, TokenKind.Punctuation, flags);
    }

    private bool TryScanUrl(int start, TokenFlags flags)
    {
        ReadOnlySpan<char> rest = _text[start..];
        int prefix;

        // cheap rejection first: most words starting with h or w are not addresses
        if (rest.Length < 5 || ((rest[1] | 0x20) != 't' && (rest[1] | 0x20) != 'w') || ((rest[2] | 0x20) != 't' && (rest[2] | 0x20) != 'w'))
        {
            return false;
        }

        if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 8;
        }
        else if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 7;
        }
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 4;
        }
        else
        {
            return false;
        }

        int j = prefix;
        int limit = Math.Min(rest.Length, MaxTokenLength);
        while (j < limit)
        {
            char c = rest[j];
            byte cls = CharClass.Of(c);
            if (cls is CharClass.Space or CharClass.Newline or CharClass.Format || c is '<' or '>' or '"' || c == '\u201C' || c == '\u201D')
            {
                break;
            }

            j++;
        }

        // trailing punctuation belongs to the sentence, not the address
        while (j > prefix && rest[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'' or '\u2019')
        {
            j--;
        }

        if (j <= prefix + 1)
        {
            return false;
        }

        return Emit(start, j, TokenKind.Url, flags);
    }

    private bool TryScanEmail(int start, TokenFlags flags)
    {
        ReadOnlySpan<char> text = _text;
        int n = text.Length;
        int limit = Math.Min(n, start + 254);
        int j = start;
        while (j < limit && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '.' or '_' or '%' or '+' or '-'))
        {
            j++;
        }

        if (j >= limit || text[j] != '@' || j == start)
        {
            return false;
        }

        int at = j++;
        int lastDot = -1;
        while (j < limit && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '.' or '-'))
        {
            if (text[j] == '.')
            {
                lastDot = j;
            }

            j++;
        }

        while (j > at + 1 && text[j - 1] == '.')
        {
            j--;
        }

        if (lastDot <= at + 1 || lastDot >= j - 1)
        {
            return false;
        }

        return Emit(start, j - start, TokenKind.Email, flags);
    }
}
