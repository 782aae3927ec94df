namespace Diplomacy.Extraction.Text;

/// <summary>Entry point of the allocation-free tokenizer.</summary>
internal static class Tokenizer
{
    /// <summary>Enumerates the tokens of <paramref name="text"/> without allocating.</summary>
    /// <param name="text">The text.</param>
    /// <returns>A <c>ref struct</c> enumerator usable in <c>foreach</c>.</returns>
    public static TokenEnumerator Enumerate(ReadOnlySpan<char> text) => new(text);

    /// <summary>Counts the tokens of <paramref name="text"/> (breaks included).</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (var _ in new TokenEnumerator(text))
        {
            count++;
        }

        return count;
    }
}
