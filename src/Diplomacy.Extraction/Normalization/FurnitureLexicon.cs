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
    }

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

    /// <summary>Whether <paramref name="key"/> is one or more furniture phrases written together (<c>CommentsNo comment</c>).</summary>
    public bool IsFurnitureKey(string key, FrozenSet<string> set)
    {
        if (key.Length == 0 || key.Length > 4 * Math.Max(1, MaxPhraseKeyLength))
        {
            return false;
        }

        var reachable = new bool[key.Length + 1];
        reachable[0] = true;
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < key.Length; i++)
        {
            if (!reachable[i])
            {
                continue;
            }

            for (int j = i + 1; j <= key.Length && j - i <= MaxPhraseKeyLength; j++)
            {
                if (!reachable[j] && lookup.Contains(key.AsSpan(i, j - i)))
                {
                    reachable[j] = true;
                }
            }
        }

        return reachable[key.Length];
    }

    /// <summary>How many of <paramref name="cues"/> occur in <paramref name="line"/> (case-insensitive, any apostrophe).</summary>
    public static int CountCues(string line, string[] cues)
    {
        string lower = line.Replace('’', '\'').ToLowerInvariant();
        int n = 0;
        foreach (string cue in cues)
        {
            if (lower.Contains(cue, StringComparison.Ordinal))
            {
                n++;
            }
        }

        return n;
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
