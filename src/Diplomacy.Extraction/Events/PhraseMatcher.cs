using System.Collections.Frozen;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Events;

/// <summary>
/// Matches lower-case phrases (token sequences; a trailing <c>*</c> on a token matches any token with that prefix)
/// against tokens, case-insensitively and without allocating. Phrases are indexed by their first token.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _byFirst;
    private readonly FrozenDictionary<char, Phrase[]> _prefixByInitial;

    /// <summary>Words at least this long, or with a non-ASCII character among their first two, skip the start filter.</summary>
    private const int FilterLengths = 64;

    /// <summary>
    /// One bit per (length, first character, second character) that can start a phrase, ASCII letters folded to lower case
    /// (<see cref="StartBit"/>): most words are rejected with one bit test instead of two dictionary lookups.
    /// </summary>
    private readonly ulong[] _startFilter = new ulong[((FilterLengths * 28 * 28) + 63) / 64];

    /// <summary>
    /// The first tokens of phrases without a prefix token, ignoring ASCII case (2^14 bits, 2 KB); the coarse
    /// <see cref="_startFilter"/> then only holds prefix tokens and the keys this filter cannot judge (non-ASCII).
    /// </summary>
    private readonly WordShapeFilter _exactFilter;

    private PhraseMatcher(FrozenDictionary<string, Phrase[]> byFirst, Phrase[] prefixFirst)
    {
        _byFirst = byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        _exactFilter = new WordShapeFilter(byFirst.Keys, bitsLog2: 14, ignoreAsciiCase: true);
        foreach (string key in byFirst.Keys)
        {
            if (!_exactFilter.CanJudge(key))
            {
                AddStart(key, exact: true); // a non-ASCII letter may equal an ASCII one ignoring case: the coarse filter knows
            }
        }

        foreach (Phrase p in prefixFirst)
        {
            AddStart(p.Tokens[0], exact: false);
        }

        // prefix phrases are looked up by their lower-case initial, so a token is compared with few of them
        _prefixByInitial = prefixFirst
            .GroupBy(p => char.ToLowerInvariant(p.Tokens[0][0]))
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
        IsEmpty = byFirst.Count == 0 && prefixFirst.Length == 0;
    }

    /// <summary>Folds a character for the start filter: ASCII letters 0-25 (either case), anything else 26; 27 stands for "no character".</summary>
    private static int FoldForFilter(char c)
    {
        int lower = c | 0x20;
        return lower is >= 'a' and <= 'z' ? lower - 'a' : 26;
    }

    private static int StartBit(int length, int first, int second) => (((length * 28) + first) * 28) + second;

    /// <summary>
    /// Records the words a first token can match: of the same length (<paramref name="exact"/>) or of any length from its own
    /// (a prefix token). A non-ASCII character among the first two may equal an ASCII one ignoring case, so it stands for all.
    /// </summary>
    private void AddStart(string token, bool exact)
    {
        if (token.Length == 0)
        {
            return;
        }

        bool wide0 = token[0] >= 128;
        bool wide1 = token.Length > 1 && token[1] >= 128;
        int minLength = token.Length;
        int maxLength = exact ? Math.Min(token.Length, FilterLengths - 1) : FilterLengths - 1;
        for (int length = minLength; length <= maxLength; length++)
        {
            for (int f0 = 0; f0 < 27; f0++)
            {
                if (!wide0 && f0 != FoldForFilter(token[0]))
                {
                    continue;
                }

                for (int f1 = 0; f1 < 28; f1++)
                {
                    bool any1 = wide1 || (token.Length == 1 && !exact); // a one-letter prefix: any second character
                    int own1 = token.Length > 1 ? FoldForFilter(token[1]) : 27;
                    if (!any1 && f1 != own1)
                    {
                        continue;
                    }

                    if (length == 1 && f1 != 27)
                    {
                        continue; // a one-character word has no second character
                    }

                    int bit = StartBit(length, f0, f1);
                    _startFilter[bit >> 6] |= 1UL << (bit & 63);
                }
            }
        }
    }

    /// <summary>Whether some phrase may start with <paramref name="word"/> (false: certainly none).</summary>
    private bool MayStart(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length >= FilterLengths || word[0] >= 128 || (word.Length > 1 && word[1] >= 128))
        {
            return true;
        }

        if (_exactFilter.MayContain(word))
        {
            return true;
        }

        int bit = StartBit(word.Length, FoldForFilter(word[0]), word.Length > 1 ? FoldForFilter(word[1]) : 27);
        return (_startFilter[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    private ReadOnlySpan<Phrase> PrefixCandidates(ReadOnlySpan<char> word) =>
        word.Length > 0 && _prefixByInitial.TryGetValue(char.ToLowerInvariant(word[0]), out Phrase[]? list) ? list : [];

    public bool IsEmpty { get; }

    public static PhraseMatcher Create(IEnumerable<(string Phrase, int Payload)> phrases)
    {
        var byFirst = new Dictionary<string, List<Phrase>>(StringComparer.OrdinalIgnoreCase);
        var prefixFirst = new List<Phrase>();
        foreach ((string text, int payload) in phrases)
        {
            string[] parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            var tokens = new string[parts.Length];
            var prefix = new bool[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                prefix[i] = parts[i].Length > 1 && parts[i][^1] == '*';
                tokens[i] = prefix[i] ? parts[i][..^1] : parts[i];
            }

            var phrase = new Phrase(tokens, prefix, payload);
            if (prefix[0])
            {
                prefixFirst.Add(phrase);
            }
            else
            {
                if (!byFirst.TryGetValue(tokens[0], out List<Phrase>? list))
                {
                    byFirst[tokens[0]] = list = [];
                }

                list.Add(phrase);
            }
        }

        var frozen = byFirst.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(p => p.Tokens.Length).ToArray(),
            StringComparer.OrdinalIgnoreCase);
        return new PhraseMatcher(frozen, [.. prefixFirst.OrderByDescending(p => p.Tokens.Length)]);
    }

    public static PhraseMatcher Create(IEnumerable<string> phrases, int payload = 0)
    {
        var list = new List<(string, int)>();
        foreach (string p in phrases)
        {
            list.Add((p, payload));
        }

        return Create(list);
    }

    /// <summary>The longest phrase starting at token <paramref name="index"/>.</summary>
    public bool TryMatch(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int index, out int length, out int payload)
    {
        Limits.WorkProbe.Step();
        length = 0;
        payload = 0;
        ReadOnlySpan<char> first = tokens[index].In(text);
        if (!MayStart(first))
        {
            return false;
        }

        if (_byFirst.TryGetValue(first, out Phrase[]? candidates))
        {
            foreach (Phrase p in candidates)
            {
                if (p.Matches(text, tokens, index))
                {
                    length = p.Tokens.Length;
                    payload = p.Payload;
                    break;
                }
            }
        }

        foreach (Phrase p in PrefixCandidates(first))
        {
            if (p.Tokens.Length > length && p.Matches(text, tokens, index))
            {
                length = p.Tokens.Length;
                payload = p.Payload;
            }
        }

        return length > 0;
    }

    /// <summary>Whether a single word (e.g. part of a hyphenated compound) is a one-token phrase.</summary>
    public bool TryMatchWord(ReadOnlySpan<char> word, out int payload)
    {
        payload = 0;
        if (_byFirst.TryGetValue(word, out Phrase[]? candidates))
        {
            foreach (Phrase p in candidates)
            {
                if (p.Tokens.Length == 1 && !p.IsPrefix[0])
                {
                    payload = p.Payload;
                    return true;
                }
            }
        }

        foreach (Phrase p in PrefixCandidates(word))
        {
            if (p.Tokens.Length == 1 && word.StartsWith(p.Tokens[0], StringComparison.OrdinalIgnoreCase))
            {
                payload = p.Payload;
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any phrase occurs in the token range.</summary>
    public bool Any(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            if (TryMatch(text, tokens, i, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Phrase(string[] Tokens, bool[] IsPrefix, int Payload)
    {
        public bool Matches(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int index)
        {
            if (index + Tokens.Length > tokens.Length)
            {
                return false;
            }

            for (int k = 0; k < Tokens.Length; k++)
            {
                ReadOnlySpan<char> word = tokens[index + k].In(text);
                bool ok = IsPrefix[k]
                    ? word.StartsWith(Tokens[k], StringComparison.OrdinalIgnoreCase)
                    : word.Equals(Tokens[k], StringComparison.OrdinalIgnoreCase) || (Tokens[k] == "'s" && word.Equals("’s", StringComparison.Ordinal));
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
