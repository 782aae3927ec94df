using System.Buffers;
using System.Collections.Frozen;
using Diplomacy.Extraction.Resources;

namespace Diplomacy.Extraction.Normalization;

/// <summary>
/// The furniture cues of all languages, merged: the normalizer runs before language detection, and a phrase of one
/// language is furniture on any page. Phrases are compared as keys: lower-case letters and digits only.
/// </summary>
internal sealed class FurnitureLexicon
{
    private static readonly Lazy<FurnitureLexicon> DefaultLazy = new(Load);

    private FurnitureLexicon(List<FurnitureData> data)
    {
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        var headings = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        var error = new List<string>();
        var legal = new List<string>();
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (FurnitureData d in data)
        {
            foreach (string p in d.Phrases)
            {
                phrases.Add(Key(p));
            }

            foreach (string p in d.DisclaimerHeadings)
            {
                headings.Add(Key(p));
            }

            foreach (string p in d.BylinePrefixes)
            {
                prefixes.Add(p.ToLowerInvariant());
            }

            foreach (string p in d.AuthorRoles)
            {
                roles.Add(p.ToLowerInvariant());
            }

            error.AddRange(d.ErrorCues);
            legal.AddRange(d.LegalCues);
        }

        Phrases = phrases.ToFrozenSet(StringComparer.Ordinal);
        DisclaimerHeadings = headings.ToFrozenSet(StringComparer.Ordinal);
        BylinePrefixes = prefixes.ToFrozenSet(StringComparer.Ordinal);
        AuthorRoles = roles.ToFrozenSet(StringComparer.Ordinal);
        ErrorCues = [.. error];
        LegalCues = [.. legal];
        int max = 0;
        foreach (string p in phrases)
        {
            max = Math.Max(max, p.Length);
        }

        MaxPhraseKeyLength = max;
        var firstChars = new HashSet<char>();
        foreach (string p in phrases.Concat(headings))
        {
            if (p.Length > 0)
            {
                firstChars.Add(p[0]);
            }

            _phraseLengths |= p.Length < 64 ? 1UL << p.Length : 0;
            _hasLongPhrase |= p.Length >= 64;
        }

        _firstChars = SearchValues.Create([.. firstChars]);
        _errorCueValues = CueValues(ErrorCues);
        _legalCueValues = CueValues(LegalCues);
        (_edgePairs, _edgePairsComplete) = EdgePairs([.. phrases, .. headings]);
        (_legalCueRaw, _legalCueTraps) = RawCueValues(LegalCues);
    }

    /// <summary>
    /// Bit <c>a * 128 + b</c> of the first half: some phrase starts with the ASCII pair <c>ab</c>; of the second half: some phrase
    /// ends with it. A key made of phrases starts with the first pair of its first phrase and ends with the last pair of its last.
    /// </summary>
    private readonly System.Collections.BitArray _edgePairs;

    /// <summary>Whether every phrase has at least two characters, all ASCII at both ends (else the pair test is skipped).</summary>
    private readonly bool _edgePairsComplete;

    /// <summary>The legal cues and their typographic-apostrophe spellings, case-insensitive: finds lines without a cue without lower-casing them.</summary>
    private readonly SearchValues<string>? _legalCueRaw;

    /// <summary>Characters that lower-case to a cue character without being equal to it ignoring case (the Kelvin sign): such lines take the slow path.</summary>
    private readonly SearchValues<char>? _legalCueTraps;

    /// <summary>First characters of all phrase and heading keys: a key position no phrase starts with is skipped.</summary>
    private readonly SearchValues<char> _firstChars;

    /// <summary>Bit <c>n</c> is set when some phrase or heading key has length <c>n</c> (below 64).</summary>
    private readonly ulong _phraseLengths;

    private readonly bool _hasLongPhrase;

    private readonly SearchValues<string>? _errorCueValues;

    private readonly SearchValues<string>? _legalCueValues;

    public static FurnitureLexicon Default => DefaultLazy.Value;

    public FrozenSet<string> Phrases { get; }

    public FrozenSet<string> DisclaimerHeadings { get; }

    public FrozenSet<string> BylinePrefixes { get; }

    public FrozenSet<string> AuthorRoles { get; }

    public string[] ErrorCues { get; }

    public string[] LegalCues { get; }

    public int MaxPhraseKeyLength { get; }

    /// <summary>Lower-case letters and digits of <paramref name="text"/>.</summary>
    public static string Key(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        int n = 0;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }

    /// <summary>Writes the key of <paramref name="text"/> (see <see cref="Key"/>) into <paramref name="buffer"/>, which must be at least as long; returns its length.</summary>
    public static int KeyInto(ReadOnlySpan<char> text, Span<char> buffer)
    {
        int n = 0;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return n;
    }

    /// <summary>Whether <paramref name="key"/> is one or more furniture phrases written together (<c>CommentsNo comment</c>).</summary>
    public bool IsFurnitureKey(ReadOnlySpan<char> key, FrozenSet<string> set)
    {
        if (key.Length == 0 || key.Length > 4 * Math.Max(1, MaxPhraseKeyLength))
        {
            return false;
        }

        if (_edgePairsComplete && key.Length >= 2 && !MayStartAndEndWithPhrase(key))
        {
            return false;
        }

        Span<bool> reachable = key.Length < 512 ? stackalloc bool[key.Length + 1] : new bool[key.Length + 1];
        reachable.Clear();
        reachable[0] = true;
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < key.Length; i++)
        {
            if (!reachable[i] || !_firstChars.Contains(key[i]))
            {
                continue;
            }

            for (int j = i + 1; j <= key.Length && j - i <= MaxPhraseKeyLength; j++)
            {
                int length = j - i;
                bool possible = length < 64 ? (_phraseLengths & (1UL << length)) != 0 : _hasLongPhrase;
                if (possible && !reachable[j] && lookup.Contains(key.Slice(i, length)))
                {
                    reachable[j] = true;
                }
            }
        }

        return reachable[key.Length];
    }

    /// <summary>How many error cues occur in <paramref name="line"/> (see <see cref="CountCues(ReadOnlySpan{char}, string[], SearchValues{string}?)"/>).</summary>
    public int CountErrorCues(ReadOnlySpan<char> line) => CountCues(line, ErrorCues, _errorCueValues);

    /// <summary>How many legal cues occur in <paramref name="line"/>.</summary>
    public int CountLegalCues(ReadOnlySpan<char> line)
    {
        if (_legalCueRaw is not null && !line.ContainsAny(_legalCueRaw) && (_legalCueTraps is null || !line.ContainsAny(_legalCueTraps)))
        {
            return 0; // no cue in any casing: the common case, without lower-casing the line
        }

        return CountCues(line, LegalCues, _legalCueValues);
    }

    private bool MayStartAndEndWithPhrase(ReadOnlySpan<char> key)
    {
        char a = key[0], b = key[1], y = key[^2], z = key[^1];
        if ((a | b | y | z) >= 128)
        {
            return true; // not in the table: let the full test decide
        }

        return _edgePairs[(a * 128) + b] && _edgePairs[(128 * 128) + (y * 128) + z];
    }

    private static (System.Collections.BitArray Pairs, bool Complete) EdgePairs(List<string> keys)
    {
        var pairs = new System.Collections.BitArray(2 * 128 * 128);
        bool complete = keys.Count > 0;
        foreach (string k in keys)
        {
            if (k.Length < 2 || (k[0] | k[1] | k[^2] | k[^1]) >= 128)
            {
                complete = false;
                continue;
            }

            pairs[(k[0] * 128) + k[1]] = true;
            pairs[(128 * 128) + (k[^2] * 128) + k[^1]] = true;
        }

        return (pairs, complete);
    }

    /// <summary>
    /// A case-insensitive search for the cues as written and with <c>’</c> for <c>'</c>, plus the characters whose invariant lower
    /// case is a cue character although ordinal case-insensitive comparison does not equate them. A line with neither has no cue
    /// after <see cref="CountCues(ReadOnlySpan{char}, string[], SearchValues{string}?)"/>'s lower-casing and apostrophe folding.
    /// </summary>
    private static (SearchValues<string>? Raw, SearchValues<char>? Traps) RawCueValues(string[] cues)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        var cueChars = new HashSet<char>();
        foreach (string cue in cues)
        {
            if (cue.Length == 0)
            {
                return (null, null);
            }

            all.Add(cue);
            all.Add(cue.Replace('\'', '’'));
            cueChars.UnionWith(cue);
        }

        if (all.Count == 0)
        {
            return (null, null);
        }

        var traps = new List<char>();
        for (int c = 0x80; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            char lower = char.ToLowerInvariant(ch);
            if (lower != ch && cueChars.Contains(lower) && char.ToUpperInvariant(ch) != char.ToUpperInvariant(lower))
            {
                traps.Add(ch);
            }
        }

        return (SearchValues.Create([.. all], StringComparison.OrdinalIgnoreCase), traps.Count == 0 ? null : SearchValues.Create([.. traps]));
    }

    /// <summary>
    /// How many of <paramref name="cues"/> occur in <paramref name="line"/> (case-insensitive, any apostrophe).
    /// <paramref name="any"/>, when given, finds lines without any cue in one vectorized scan.
    /// </summary>
    public static int CountCues(ReadOnlySpan<char> line, string[] cues, SearchValues<string>? any = null)
    {
        char[]? rented = null;
        Span<char> lower = line.Length <= 512 ? stackalloc char[line.Length] : (rented = ArrayPool<char>.Shared.Rent(line.Length)).AsSpan(0, line.Length);
        line.ToLowerInvariant(lower);
        lower.Replace('’', '\'');
        int n = 0;
        if (any is null || lower.IndexOfAny(any) >= 0)
        {
            foreach (string cue in cues)
            {
                if (lower.IndexOf(cue, StringComparison.Ordinal) >= 0)
                {
                    n++;
                }
            }
        }

        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return n;
    }

    private static SearchValues<string>? CueValues(string[] cues)
    {
        foreach (string cue in cues)
        {
            if (cue.Length == 0)
            {
                return null; // an empty cue occurs everywhere: no prefilter
            }
        }

        return cues.Length == 0 ? null : SearchValues.Create(cues, StringComparison.Ordinal);
    }

    private static FurnitureLexicon Load()
    {
        var list = new List<FurnitureData>();
        foreach (string language in ResourceLoader.LanguagesWith("furniture.json"))
        {
            list.Add(ResourceLoader.TryReadJson(language, "furniture.json", ResourceJsonContext.Default.FurnitureData)
                ?? throw new InvalidDataException($"Resource {language}/furniture.json is missing."));
        }

        return new FurnitureLexicon(list);
    }
}
