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

    private readonly record struct Line(int Start, int End, int Words, int Letters, int KeyLength, long Hash)
    {
        public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, End - Start);
    }

    public static (string Text, OffsetMap? Map, string? Byline) Remove(string text, OffsetMap? map, List<Diagnostic> diagnostics)
    {
        List<Line> lines = SplitLines(text);
        if (lines.Count == 0)
        {
            return (text, map, null);
        }

        FurnitureLexicon lexicon = FurnitureLexicon.Default;
        var kinds = new Kind[lines.Count];
        var seen = new HashSet<long>();
        Span<char> keyBuffer = stackalloc char[256];
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

            ReadOnlySpan<char> key = line.Words <= 8 ? LineKey(text, line, ref keyBuffer) : default;
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

            if (line.Words >= 3 && line.KeyLength >= 20 && !seen.Add(line.Hash))
            {
                kinds[i] = Kind.Repeat; // 64-bit hash of the lower-cased letters and digits
            }
        }

        string? byline = FindByline(text, lines, kinds, lexicon);
        bool any = false;
        foreach (Kind k in kinds)
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

    /// <summary>The line's furniture key (lower-case letters and digits), in <paramref name="buffer"/> or a new array when it is too short.</summary>
    private static ReadOnlySpan<char> LineKey(string text, Line line, ref Span<char> buffer)
    {
        if (buffer.Length < line.End - line.Start)
        {
            buffer = new char[line.End - line.Start];
        }

        return buffer[..FurnitureLexicon.KeyInto(line.Span(text), buffer)];
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

    private static List<Line> SplitLines(string text)
    {
        var lines = new List<Line>();
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
                int words = 0, letters = 0, keyLength = 0;
                ulong hash = 14695981039346656037UL;
                bool inWord = false;
                for (int k = s; k < e; k++)
                {
                    char c = text[k];
                    bool letter, isLetter;
                    if (char.IsAscii(c))
                    {
                        isLetter = char.IsAsciiLetter(c);
                        letter = isLetter || char.IsAsciiDigit(c);
                    }
                    else
                    {
                        isLetter = char.IsLetter(c);
                        letter = char.IsLetterOrDigit(c);
                    }

                    if (letter)
                    {
                        char lower = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : char.IsAscii(c) ? c : char.ToLowerInvariant(c);
                        hash = (hash ^ lower) * 1099511628211UL;
                        keyLength++;
                    }

                    letters += isLetter ? 1 : 0;
                    if (letter && !inWord)
                    {
                        words++;
                    }

                    inWord = letter || (inWord && c is '\'' or '’' or '-');
                }

                lines.Add(new Line(start, end, words, letters, keyLength, unchecked((long)hash)));
            }

            if (nl < 0)
            {
                break;
            }

            start = nl + 1;
        }

        return lines;
    }
}
