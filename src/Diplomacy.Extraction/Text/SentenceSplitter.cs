namespace Diplomacy.Extraction.Text;

/// <summary>Entry point of the allocation-free, abbreviation-aware sentence splitter.</summary>
internal static class SentenceSplitter
{
    /// <summary>Enumerates sentence spans of <paramref name="text"/> without allocating.</summary>
    public static SentenceEnumerator Enumerate(ReadOnlySpan<char> text, SentenceRules rules) => new(text, rules);

    /// <summary>Enumerates sentence spans of <paramref name="text"/> from its tokens, lexed once beforehand with <see cref="Tokenizer"/>.</summary>
    public static SentenceEnumerator Enumerate(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, SentenceRules rules) => new(text, tokens, rules);
}
