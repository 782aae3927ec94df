using System.Buffers;
using System.Runtime.InteropServices;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Normalization;

/// <summary>
/// Removes whole lines that are not article text, judged by general signals: repetition (the first occurrence stays),
/// line shape (punctuation runs, bare status codes, name-shaped bylines), position (error pages at the edges,
/// bylines and disclaimers at the end) and small per-language cue lists (<see cref="FurnitureLexicon"/>).
/// Every removal is reported with its original span; nothing with eight or more words is removed unless it repeats
/// an earlier line, belongs to a disclaimer, an error page or an author blurb.
/// </summary>
internal static class Boilerplate
{
    private const int EdgeLines = 5;

    private enum Kind
    {
        Keep,
        Repeat,
        Furniture,
        ErrorPage,
        Disclaimer,
        Byline,
        PunctuationRun,
    }

    /// <summary>A line longer than this many lines is not kept in the per-thread scratch list after the call.</summary>
    private const int MaxCachedLines = 4096;

    /// <summary>Per ASCII character: bit 1 letter or digit (a key character), bit 2 letter, bit 4 joins a word (<c>'</c>, <c>-</c>).</summary>
    private static readonly byte[] AsciiClass = BuildAsciiClass();

    [ThreadStatic]
    private static List<Line>? t_lines;

    [ThreadStatic]
    private static HashSet<long>? t_seen;

    /// <summary>A non-blank line: its bounds, word and letter counts and where its key (see <see cref="FurnitureLexicon.Key"/>) is in the key buffer.</summary>
    private readonly record struct Line(int Start, int End, int Words, int Letters, int KeyStart, int KeyLength)
    {
        public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, End - Start);
    }

    public static (string Text, OffsetMap? Map, string? Byline) Remove(string text, OffsetMap? map, List<Diagnostic> diagnostics)
    {
        char[] keys = ArrayPool<char>.Shared.Rent(Math.Max(16, text.Length));
        List<Line> lines = t_lines ?? [];
        t_lines = null; // taken; given back below
        HashSet<long> seen = t_seen ?? [];
        t_seen = null;
        Kind[]? kinds = null;
        try
        {
            lines.Clear();
            seen.Clear();
            SplitLines(text, keys, lines);
            if (lines.Count == 0)
            {
                return (text, map, null);
            }

            kinds = ArrayPool<Kind>.Shared.Rent(lines.Count);
            Array.Clear(kinds, 0, lines.Count);
            return Classify(text, map, diagnostics, lines, kinds, keys, seen);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(keys);
            if (kinds is not null)
            {
                ArrayPool<Kind>.Shared.Return(kinds);
            }

            if (lines.Count <= MaxCachedLines)
            {
                lines.Clear();
                seen.Clear();
                t_lines = lines;
                t_seen = seen;
            }
        }
    }

    private static (string Text, OffsetMap? Map, string? Byline) Classify(string text, OffsetMap? map, List<Diagnostic> diagnostics, List<Line> lines, Kind[] kinds, char[] keys, HashSet<long> seen)
    {
        FurnitureLexicon lexicon = FurnitureLexicon.Default;
        for (int i = 0; i < lines.Count; i++)
        {
            Line line = lines[i];
            bool edge = i < EdgeLines || i >= lines.Count - EdgeLines;
            if (line.Letters == 0)
            {
                if (IsPunctuationRun(text, line))
                {
                    kinds[i] = Kind.PunctuationRun;
                }
                else if (edge && IsStatusCode(text, line))
                {
                    kinds[i] = Kind.ErrorPage;
                }

                continue;
            }

            ReadOnlySpan<char> key = line.Words <= 8 ? keys.AsSpan(line.KeyStart, line.KeyLength) : default;
            if (line.Words <= 8 && lexicon.IsFurnitureKey(key, lexicon.Phrases))
            {
                kinds[i] = Kind.Furniture;
                continue;
            }

            if (edge && line.Words <= 20 && lexicon.CountErrorCues(line.Span(text)) >= 3)
            {
                kinds[i] = Kind.ErrorPage;
                continue;
            }

            if (line.Words <= 4 && lexicon.IsFurnitureKey(key, lexicon.DisclaimerHeadings))
            {
                kinds[i] = Kind.Disclaimer;
                if (i + 1 < lines.Count && lexicon.CountLegalCues(lines[i + 1].Span(text)) >= 1)
                {
                    kinds[++i] = Kind.Disclaimer;
                }

                continue;
            }

            if (i > lines.Count / 2 && lexicon.CountLegalCues(line.Span(text)) >= 3)
            {
                kinds[i] = Kind.Disclaimer;
                continue;
            }

            if (line.Words >= 3 && line.KeyLength >= 20 && !seen.Add(KeyHash(keys.AsSpan(line.KeyStart, line.KeyLength))))
            {
                kinds[i] = Kind.Repeat; // 64-bit hash of the lower-cased letters and digits
            }
        }

        string? byline = FindByline(text, lines, kinds, lexicon);
        bool any = false;
        foreach (Kind k in kinds.AsSpan(0, lines.Count))
        {
            any |= k != Kind.Keep;
        }

        if (!any)
        {
            return (text, map, byline);
        }

        var builder = new OffsetMapBuilder(text);
        for (int i = 0; i < lines.Count; i++)
        {
            if (kinds[i] == Kind.Keep)
            {
                continue;
            }

            Line line = lines[i];
            int end = line.End < text.Length && text[line.End] == '\n' ? line.End + 1 : line.End;
            builder.Delete(line.Start, end);
            diagnostics.Add(new Diagnostic(Code(kinds[i]), DiagnosticSeverity.Info, Message(kinds[i], text, line), TextNormalizer.ToOriginal(map, line.Start, line.End)));
        }

        (string result, OffsetMap next) = builder.Build(map);
        return (result, next, byline);
    }

    private static string Code(Kind kind) => kind switch
    {
        Kind.Repeat => "normalize.repeat",
        Kind.Furniture => "normalize.furniture",
        Kind.ErrorPage => "normalize.error-page",
        Kind.Disclaimer => "normalize.disclaimer",
        Kind.Byline => "normalize.byline",
        _ => "normalize.punctuation-run",
    };

    private static string Message(Kind kind, string text, Line line)
    {
        string shown = TextNormalizer.Shorten(text, line.Start, line.End);
        return kind switch
        {
            Kind.Repeat => $"Removed a repeated line: '{shown}'.",
            Kind.Furniture => $"Removed page furniture: '{shown}'.",
            Kind.ErrorPage => $"Removed error-page text: '{shown}'.",
            Kind.Disclaimer => $"Removed a disclaimer: '{shown}'.",
            Kind.Byline => $"Moved the byline or author blurb to metadata: '{shown}'.",
            _ => $"Removed a run of punctuation: '{shown}'.",
        };
    }

    /// <summary>
    /// An author's name (2-4 capitalized words, optionally after <c>By</c>) after the last article paragraph,
    /// optionally followed by a short blurb with an author-role word. Returns the name.
    /// </summary>
    private static string? FindByline(string text, List<Line> lines, Kind[] kinds, FurnitureLexicon lexicon)
    {
        // the last kept lines, from the end
        int last = lines.Count - 1;
        while (last >= 0 && kinds[last] != Kind.Keep)
        {
            last--;
        }

        if (last < 1)
        {
            return null;
        }

        if (IsBlurb(text, lines[last], lexicon) && TryName(text, lines[last - 1], lexicon, out string? name, out _))
        {
            kinds[last] = Kind.Byline;
            kinds[last - 1] = Kind.Byline;
            return name;
        }

        if (TryName(text, lines[last], lexicon, out name, out bool prefixed) && prefixed)
        {
            kinds[last] = Kind.Byline;
            return name;
        }

        return null;
    }

    private static bool IsBlurb(string text, Line line, FurnitureLexicon lexicon)
    {
        if (line.Words > 30)
        {
            return false;
        }

        foreach (Range r in text.AsSpan(line.Start, line.End - line.Start).SplitAny(" ,.;:"))
        {
            string word = text.AsSpan(line.Start, line.End - line.Start)[r].ToString().ToLowerInvariant();
            if (lexicon.AuthorRoles.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryName(string text, Line line, FurnitureLexicon lexicon, out string? name, out bool prefixed)
    {
        name = null;
        prefixed = false;
        string content = text[line.Start..line.End].Trim();
        string[] words = content.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int first = 0;
        if (words.Length > 1 && lexicon.BylinePrefixes.Contains(words[0].ToLowerInvariant()))
        {
            first = 1;
            prefixed = true;
        }

        int count = words.Length - first;
        if (count is < 2 or > 4)
        {
            return false;
        }

        for (int w = first; w < words.Length; w++)
        {
            string word = words[w];
            if (!char.IsUpper(word[0]))
            {
                return false;
            }

            foreach (char c in word)
            {
                if (!char.IsLetter(c) && c is not '.' and not '-' and not '\'' and not '’')
                {
                    return false;
                }
            }
        }

        name = string.Join(' ', words, first, count);
        return true;
    }

    private static bool IsPunctuationRun(string text, Line line)
    {
        int nonSpace = 0;
        for (int k = line.Start; k < line.End; k++)
        {
            char c = text[k];
            if (char.IsDigit(c))
            {
                return false;
            }

            nonSpace += c != ' ' ? 1 : 0;
        }

        return nonSpace >= 3;
    }

    private static bool IsStatusCode(string text, Line line)
    {
        ReadOnlySpan<char> s = text.AsSpan(line.Start, line.End - line.Start).Trim();
        return s.Length == 3 && s[0] is '4' or '5' && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]);
    }

    /// <summary>
    /// Splits <paramref name="text"/> into non-blank lines, counting words and letters and writing each line's key into
    /// <paramref name="keys"/> (as long as the text at least). ASCII characters take a branch-free table path.
    /// </summary>
    private static void SplitLines(string text, char[] keys, List<Line> lines)
    {
        byte[] cls = AsciiClass;
        int keyPos = 0;
        int start = 0;
        while (start <= text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl;
            int s = start, e = end;
            while (s < e && text[s] == ' ')
            {
                s++;
            }

            while (e > s && text[e - 1] == ' ')
            {
                e--;
            }

            if (e > s)
            {
                int words = 0, letters = 0, n = keyPos;
                int inWord = 0;
                for (int k = s; k < e; k++)
                {
                    char c = text[k];
                    int f;
                    char lower;
                    if (c < 128)
                    {
                        f = cls[c];
                        lower = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                    }
                    else
                    {
                        bool isLetter = char.IsLetter(c);
                        bool letterOrDigit = isLetter || char.IsLetterOrDigit(c);
                        f = (letterOrDigit ? 1 : 0) | (isLetter ? 2 : 0) | (c == '’' ? 4 : 0);
                        lower = letterOrDigit ? char.ToLowerInvariant(c) : c;
                    }

                    int alnum = f & 1;
                    keys[n] = lower;
                    n += alnum;
                    letters += (f >> 1) & 1;
                    words += alnum & (inWord ^ 1);
                    inWord = alnum | (inWord & (f >> 2));
                }

                lines.Add(new Line(start, end, words, letters, keyPos, n - keyPos));
                keyPos = n;
            }

            if (nl < 0)
            {
                break;
            }

            start = nl + 1;
        }
    }

    /// <summary>A 64-bit hash of a line key, four characters at a time (equal keys, equal hashes; used to find repeated lines).</summary>
    private static long KeyHash(ReadOnlySpan<char> key)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15UL;
        ulong h = 0xCBF29CE484222325UL ^ (ulong)key.Length;
        ReadOnlySpan<ulong> blocks = MemoryMarshal.Cast<char, ulong>(key);
        foreach (ulong block in blocks)
        {
            h = (h ^ block) * Multiplier;
            h ^= h >> 29;
        }

        for (int k = blocks.Length * 4; k < key.Length; k++)
        {
            h = (h ^ key[k]) * Multiplier;
            h ^= h >> 29;
        }

        h ^= h >> 32;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return unchecked((long)h);
    }

    private static byte[] BuildAsciiClass()
    {
        var table = new byte[128];
        for (int c = 0; c < 128; c++)
        {
            bool letter = char.IsAsciiLetter((char)c);
            bool digit = char.IsAsciiDigit((char)c);
            table[c] = (byte)((letter || digit ? 1 : 0) | (letter ? 2 : 0) | (c is '\'' or '-' ? 4 : 0));
        }

        return table;
    }
}
