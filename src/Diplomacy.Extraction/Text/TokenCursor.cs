namespace Diplomacy.Extraction.Text;

/// <summary>
/// A forward cursor over tokens that either lexes the text on the fly (<see cref="TokenEnumerator"/>) or walks tokens
/// that were already lexed, so the sentence splitter does not tokenize the text a second time. Copying the struct
/// gives an independent look-ahead cursor in both modes.
/// </summary>
internal ref struct TokenCursor
{
    private readonly ReadOnlySpan<Token> _tokens;
    private readonly bool _precomputed;
    private TokenEnumerator _lexer;
    private int _index;
    private Token _current;

    /// <summary>Lexes <paramref name="text"/> while moving.</summary>
    public TokenCursor(ReadOnlySpan<char> text)
    {
        _lexer = new TokenEnumerator(text);
        _tokens = default;
        _precomputed = false;
        _index = -1;
        _current = default;
    }

    /// <summary>Walks <paramref name="tokens"/>, which must be exactly what <see cref="TokenEnumerator"/> yields for the text.</summary>
    public TokenCursor(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        _lexer = new TokenEnumerator(text);
        _tokens = tokens;
        _precomputed = true;
        _index = -1;
        _current = default;
    }

    /// <summary>The token found by the last successful <see cref="MoveNext"/>.</summary>
    public readonly Token Current => _current;

    /// <summary>Advances to the next token.</summary>
    public bool MoveNext()
    {
        if (_precomputed)
        {
            if (_index + 1 < _tokens.Length)
            {
                _current = _tokens[++_index];
                return true;
            }

            _index = _tokens.Length;
            return false;
        }

        if (_lexer.MoveNext())
        {
            _current = _lexer.Current;
            return true;
        }

        return false;
    }
}
