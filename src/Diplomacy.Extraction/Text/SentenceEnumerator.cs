namespace Diplomacy.Extraction.Text;

/// <summary>
/// Splits text into sentences on top of <see cref="TokenEnumerator"/>, without allocating.
/// A sentence ends at sentence-final punctuation (with closing quotes and brackets) unless an abbreviation,
/// an initial or an ordinal explains the period; at a paragraph break; and at a line break after a short
/// line (a heading, a table row, a list item) or before a bullet, but not inside hard-wrapped prose.
/// Sentence spans are trimmed to their first and last token.
/// </summary>
internal ref struct SentenceEnumerator
{
    /// <summary>Lines at least this long that end without punctuation are treated as hard-wrapped prose.</summary>
    private const int WrappedLineLength = 60;

    /// <summary>In wire copy, lines shorter than this are headings or table rows.</summary>
    private const int ShortLineLength = 30;

    private readonly ReadOnlySpan<char> _text;
    private readonly SentenceRules _rules;
    private readonly bool _hardWrapped;
    private TokenCursor _tokens;
    private int _lineStart;
    private TextSpan _current;

    public SentenceEnumerator(ReadOnlySpan<char> text, SentenceRules rules)
        : this(text, rules, new TokenCursor(text))
    {
    }

    /// <summary>Splits <paramref name="text"/> using its already lexed <paramref name="tokens"/> (all of them, in order).</summary>
    public SentenceEnumerator(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, SentenceRules rules)
        : this(text, rules, new TokenCursor(text, tokens))
    {
    }

    private SentenceEnumerator(ReadOnlySpan<char> text, SentenceRules rules, TokenCursor tokens)
    {
        _text = text;
        _rules = rules;
        _hardWrapped = IsHardWrapped(text);
        _tokens = tokens;
        _lineStart = 0;
        _current = default;
    }

    /// <summary>The sentence found by the last successful <see cref="MoveNext"/>.</summary>
    public readonly TextSpan Current => _current;

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly SentenceEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next sentence.</summary>
    public bool MoveNext()
    {
        int start = -1;
        int end = 0;
        Token previous = default;
        bool hasPrevious = false;

        while (_tokens.MoveNext())
        {
            Token t = _tokens.Current;
            if (t.IsBreak)
            {
                int lineLength = t.Start - _lineStart;
                _lineStart = t.End;
                if (start < 0)
                {
                    continue;
                }

                if (t.Kind == TokenKind.ParagraphBreak || EndsAtLineBreak(previous, lineLength, t))
                {
                    return Yield(start, end);
                }

                continue;
            }

            if (start < 0)
            {
                start = t.Start;
            }

            end = t.End;
            if (IsTerminal(t))
            {
                // closing quotes and brackets after the final mark belong to the sentence
                TokenCursor look = _tokens;
                while (look.MoveNext() && IsCloser(look.Current))
                {
                    _tokens = look;
                    end = look.Current.End;
                }

                TokenCursor peek = _tokens;
                bool hasNext = peek.MoveNext();
                if (EndsSentence(t, previous, hasPrevious, hasNext, peek.Current))
                {
                    return Yield(start, end);
                }
            }

            previous = t;
            hasPrevious = true;
        }

        if (start >= 0)
        {
            return Yield(start, end);
        }

        _current = default;
        return false;
    }

    private bool Yield(int start, int end)
    {
        _current = TextSpan.FromBounds(start, end);
        return true;
    }

    private readonly bool IsTerminal(Token t)
    {
        if (t.Kind == TokenKind.Punctuation)
        {
            return CharClass.SentenceFinal.Contains(_text[t.Start]);
        }

        return t.Kind == TokenKind.Word && t.Has(TokenFlags.Initialism) && _text[t.End - 1] == '.';
    }

    private readonly bool IsCloser(Token t)
    {
        if (t.Kind != TokenKind.Punctuation || t.Has(TokenFlags.Glued) is false)
        {
            return false;
        }

        char c = _text[t.Start];
        return c is '"' or '\'' or ')' or ']' or '}' or '\u2019' or '\u201D' or '\u00BB' or '\u203A' or '\u00AB' or '\u201C';
    }

    private readonly bool EndsSentence(Token terminal, Token previous, bool hasPrevious, bool hasNext, Token next)
    {
        if (!hasNext || next.IsBreak)
        {
            return true;
        }

        ReadOnlySpan<char> nextText = next.In(_text);
        char first = nextText[0];
        bool nextUpper = char.IsUpper(first) || char.IsDigit(first) || next.Has(TokenFlags.Cjk)
            || first is '"' or '\u201C' or '\u201E' or '\u00AB' or '\u2018' or '(' or '[' or '\u2022' or '-' or '\u2013' or '\u2014';
        ReadOnlySpan<char> mark = terminal.In(_text);

        // an initialism such as "U.S." ends a sentence only before a typical sentence start
        if (terminal.Kind == TokenKind.Word)
        {
            return !next.Has(TokenFlags.Glued) && next.Kind == TokenKind.Word && _rules.IsSentenceStarter(nextText);
        }

        if (mark[0] != '.' || mark.Length > 1)
        {
            // ! ? … and runs: end unless the next word continues in lower case
            return nextUpper || next.Kind != TokenKind.Word;
        }

        if (!nextUpper)
        {
            return false;
        }

        bool adjacent = hasPrevious && previous.End == terminal.Start;
        if (adjacent && previous.Kind == TokenKind.Word)
        {
            ReadOnlySpan<char> word = previous.In(_text);
            if (_rules.IsTitle(word))
            {
                return false;
            }

            if (_rules.IsAbbreviation(word))
            {
                return next.Kind == TokenKind.Word && _rules.IsSentenceStarter(nextText);
            }

            // an initial: "Donald J. Trump"
            if (word.Length == 1 && char.IsUpper(word[0]))
            {
                return false;
            }
        }

        if (adjacent && previous.Kind == TokenKind.Number && _rules.OrdinalPeriod && previous.Length <= 2 && next.Kind == TokenKind.Word)
        {
            return false; // "27. Februar"
        }

        if (adjacent && previous.Kind == TokenKind.Number && previous.Length <= 2 && next.Kind == TokenKind.Word && _rules.IsDayMonthAbbreviation(nextText)
            && IsDayNumber(previous.In(_text)))
        {
            return false; // "16. Nov. 2016"
        }

        if (previous.Kind == TokenKind.Number && next.Kind == TokenKind.Number && hasPrevious
            && (adjacent ? IsZeroPadded(previous.In(_text)) && next.Length == 4 : previous.Length == 4 && IsZeroPadded(nextText)))
        {
            return false; // a month with a zero between numbers: "05. 2016", "2016 . 05"
        }

        return true;
    }

    private static bool IsZeroPadded(ReadOnlySpan<char> s) => s.Length == 2 && s[0] == '0' && s[1] is >= '1' and <= '9';

    private static bool IsDayNumber(ReadOnlySpan<char> s) =>
        s.Length is 1 or 2 && char.IsAsciiDigit(s[0]) && (s.Length == 1 ? s[0] != '0' : char.IsAsciiDigit(s[1]) && (s[0] - '0') * 10 + (s[1] - '0') is >= 1 and <= 31);

    /// <summary>
    /// Whether the text is wrapped at a fixed width (wire copy): no line is much longer than a terminal line
    /// and several lines are near that width. Elsewhere every line break ends a sentence or heading.
    /// </summary>
    private static bool IsHardWrapped(ReadOnlySpan<char> text)
    {
        const int MaxWrappedWidth = 100;
        int longLines = 0;
        int start = 0;
        while (start < text.Length)
        {
            int nl = text[start..].IndexOfAny('\n', '\r');
            int length = nl < 0 ? text.Length - start : nl;
            if (length > MaxWrappedWidth)
            {
                return false;
            }

            if (length >= WrappedLineLength - 10)
            {
                longLines++;
            }

            if (nl < 0)
            {
                break;
            }

            start += nl + 1;
        }

        return longLines >= 3;
    }

    private readonly bool EndsAtLineBreak(Token last, int lineLength, Token lineBreak)
    {
        // what follows the break
        TokenCursor peek = _tokens;
        if (!peek.MoveNext())
        {
            return true;
        }

        Token next = peek.Current;
        char first = _text[next.Start];
        if (next.Kind is TokenKind.Symbol or TokenKind.Punctuation && first is '\u2022' or '-' or '*' or '\u2013' or '\u2014' or '\u00B7' or '\u25AA' or '\u25CF' or '|')
        {
            return true;
        }

        if (last.Kind == TokenKind.Punctuation && _text[last.Start] is ':' or ';' or '|')
        {
            return true;
        }

        if (!_hardWrapped)
        {
            return true; // one line, one sentence or heading
        }

        // wire copy: a new paragraph is indented; a very short line is a heading or a table row; otherwise the sentence goes on
        bool indentedNext = lineBreak.Length > 0 && _text[lineBreak.End - 1] is ' ' or '\t';
        return indentedNext || lineLength < ShortLineLength;
    }
}
