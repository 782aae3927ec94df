using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Normalization;

/// <summary>What the normalizer produced: the text, its map back to the caller's original, and the byline it took out.</summary>
internal sealed record NormalizationResult(string Text, OffsetMap Map, string? Byline);

/// <summary>
/// Cleans text for the later stages in four passes, each recording its edits in an <see cref="OffsetMap"/> chained
/// to the previous one, so every normalized position maps back to the caller's original text:
/// <list type="number">
/// <item>encoding: HTML entities and mojibake (<see cref="MojibakeDecoder"/>), layer after layer;</item>
/// <item>characters: line endings, C0/C1 controls, invisible and format characters, odd spaces, NFC, optional quote folding;</item>
/// <item>boilerplate: repeated lines, page furniture, error pages, disclaimers, end bylines, punctuation runs (<see cref="Boilerplate"/>);</item>
/// <item>whitespace: runs folded without merging paragraphs, a space restored after clearly joined sentences.</item>
/// </list>
/// Every change is reported as a diagnostic with its span in the original text.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>Characters the character pass acts on; text without any of them passes through untouched.</summary>
    private static readonly CharScan Suspicious = new(BuildSuspicious(foldQuotes: false));

    private static readonly CharScan SuspiciousWithQuotes = new(BuildSuspicious(foldQuotes: true));

    private static readonly SearchValues<char> LineBreakOrJoin = SearchValues.Create("\n.!?,;");

    /// <summary>How often the character passes may run again after the first round (see <see cref="Normalize"/>).</summary>
    private const int MaxExtraRounds = 3;

    /// <summary>Runs all passes.</summary>
    /// <param name="text">The text to normalize.</param>
    /// <param name="inner">The map of an earlier step, when <paramref name="text"/> is itself derived from the original.</param>
    /// <param name="diagnostics">Receives one diagnostic per change, in original coordinates.</param>
    /// <param name="foldQuotes">Whether typographic quotes become ASCII quotes.</param>
    /// <param name="removeBoilerplate">Whether the boilerplate pass runs (repeated lines, furniture, error pages, disclaimers, byline, punctuation runs).</param>
    /// <param name="work">Counts each pass's characters and checks for cancellation between passes.</param>
    public static NormalizationResult Normalize(string text, OffsetMap? inner, List<Diagnostic> diagnostics, bool foldQuotes = false, bool removeBoilerplate = true, Limits.WorkMeter? work = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        OffsetMap? map = inner;
        string current = text;
        work?.Check();
        (current, map) = RepairEncoding(current, map, diagnostics);
        work?.Add(current.Length);
        (current, map) = CleanCharacters(current, map, diagnostics, foldQuotes);
        work?.Add(current.Length);
        (current, map) = NormalizeComposition(current, map, diagnostics);
        work?.Add(current.Length);
        string? byline = null;
        if (removeBoilerplate)
        {
            (current, map, byline) = Boilerplate.Remove(current, map, diagnostics);
            work?.Add(current.Length);
        }

        (current, map) = FoldWhitespace(current, map, diagnostics);
        work?.Add(current.Length);

        // A removal can bring characters together that form new mojibake or a new whitespace run ("ß\u200B\uFFFD"):
        // the character passes run again until nothing changes, so normalizing the result again changes nothing.
        for (int round = 0; round < MaxExtraRounds && !ReferenceEquals(current, text); round++)
        {
            string before = current;
            (current, map) = RepairEncoding(current, map, diagnostics);
            (current, map) = CleanCharacters(current, map, diagnostics, foldQuotes);
            (current, map) = NormalizeComposition(current, map, diagnostics);
            (current, map) = FoldWhitespace(current, map, diagnostics);
            work?.Add(current.Length);
            if (ReferenceEquals(before, current) || string.Equals(before, current, StringComparison.Ordinal))
            {
                break;
            }
        }
        return new NormalizationResult(current, map ?? OffsetMap.Identity(text.Length), byline);
    }

    /// <summary>Maps a span of the current pass's input to the original text.</summary>
    internal static TextSpan ToOriginal(OffsetMap? map, int start, int end)
    {
        var span = TextSpan.FromBounds(start, end);
        return map?.ToOriginal(span) ?? span;
    }

    private static (string, OffsetMap?) Finish(OffsetMapBuilder builder, string text, OffsetMap? map)
    {
        if (!builder.Changed)
        {
            return (text, map);
        }

        (string result, OffsetMap next) = builder.Build(map);
        return (result, next);
    }

    // ---------------------------------------------------------------- pass 1: entities and mojibake

    private static (string, OffsetMap?) RepairEncoding(string text, OffsetMap? map, List<Diagnostic> diagnostics)
    {
        for (int layer = 0; layer < MojibakeDecoder.MaxLayers; layer++)
        {
            List<MojibakeRepair> repairs = MojibakeDecoder.FindRepairs(text);
            AddEntities(text, repairs);
            if (repairs.Count == 0)
            {
                break;
            }

            MojibakeDecoder.SortByStart(repairs);
            var builder = new OffsetMapBuilder(text);
            int pos = 0;
            int runStart = -1, runEnd = -1;
            string runKind = "";
            foreach (MojibakeRepair r in repairs)
            {
                if (r.Start < pos)
                {
                    continue;
                }

                builder.Replace(r.Start, r.End, r.Replacement);
                pos = r.End;
                string kind = r.Codepage.Length == 0 ? "entity" : r.Codepage;
                if (runStart >= 0 && (r.Start > runEnd + 1 || kind != runKind))
                {
                    ReportEncoding(diagnostics, map, runStart, runEnd, runKind, text);
                    runStart = -1;
                }

                if (runStart < 0)
                {
                    runStart = r.Start;
                    runKind = kind;
                }

                runEnd = r.End;
            }

            ReportEncoding(diagnostics, map, runStart, runEnd, runKind, text);
            (text, map) = Finish(builder, text, map);
        }

        return (text, map);
    }

    private static void ReportEncoding(List<Diagnostic> diagnostics, OffsetMap? map, int start, int end, string kind, string text)
    {
        if (start < 0)
        {
            return;
        }

        string code = kind == "entity" ? "normalize.entity" : "normalize.mojibake";
        string message = kind == "entity" ? "Decoded HTML character references." : MojibakeMessages.GetOrAdd(kind, k => $"Repaired UTF-8 text that had been read as {k}.");
        diagnostics.Add(new Diagnostic(code, DiagnosticSeverity.Info, message, ToOriginal(map, start, end)));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> MojibakeMessages = new(StringComparer.Ordinal);

    internal static string Shorten(string text, int start, int end) =>
        end - start <= 40 ? text[start..end] : string.Concat(text.AsSpan(start, 37), "...");

    /// <summary>HTML character references (<c>&amp;amp;</c>, <c>&amp;#8217;</c>, <c>&amp;nbsp;</c>), decoded by <see cref="WebUtility"/>.</summary>
    private static void AddEntities(string text, List<MojibakeRepair> repairs)
    {
        // the decoder's repairs, sorted by start; the running maximum of their ends answers "does [start, end) overlap one?"
        // by one binary search. Entities found here never overlap each other: the scan resumes after each one.
        int decoded = repairs.Count;
        int[]? maxEnd = null;
        int from = 0;
        while (true)
        {
            int p = text.IndexOf('&', from);
            if (p < 0)
            {
                return;
            }

            from = p + 1;
            int limit = Math.Min(text.Length, p + 12);
            int q = p + 1;
            bool numeric = q < limit && text[q] == '#';
            if (numeric)
            {
                q++;
                if (q < limit && (text[q] == 'x' || text[q] == 'X'))
                {
                    q++;
                }
            }

            int bodyStart = q;
            while (q < limit && char.IsAsciiLetterOrDigit(text[q]))
            {
                q++;
            }

            if (q >= limit || text[q] != ';' || q == bodyStart || (!numeric && !char.IsAsciiLetter(text[bodyStart])))
            {
                continue;
            }

            string entity = text.Substring(p, q - p + 1);
            string value = WebUtility.HtmlDecode(entity);
            if (value != entity && value.Length > 0 && !Overlaps(repairs, decoded, ref maxEnd, p, q + 1))
            {
                repairs.Add(new MojibakeRepair(p, q + 1, value, ""));
            }

            from = q + 1;
        }
    }

    /// <summary>Whether <c>[start, end)</c> overlaps one of the first <paramref name="count"/> repairs (sorted by start).</summary>
    private static bool Overlaps(List<MojibakeRepair> repairs, int count, ref int[]? maxEnd, int start, int end)
    {
        if (count == 0)
        {
            return false;
        }

        if (maxEnd is null)
        {
            maxEnd = new int[count];
            int running = int.MinValue;
            for (int k = 0; k < count; k++)
            {
                running = Math.Max(running, repairs[k].End);
                maxEnd[k] = running;
            }
        }

        // repairs [0, before) start before end; one of them overlaps when the largest of their ends is past start
        int lo = 0, hi = count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (repairs[mid].Start < end)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo > 0 && maxEnd[lo - 1] > start;
    }

    // ---------------------------------------------------------------- pass 2: characters

    private static string BuildSuspicious(bool foldQuotes)
    {
        var sb = new StringBuilder();
        for (char c = '\0'; c < ' '; c++)
        {
            if (c != '\n')
            {
                sb.Append(c);
            }
        }

        for (char c = '\u007F'; c <= '\u00A0'; c++)
        {
            sb.Append(c);
        }

        sb.Append("\u00AD\u034F\u061C\u115F\u1160\u1680\u17B4\u17B5\u180B\u180C\u180D\u180E\u3000\u3164\uFEFF\uFFA0\uFFF9\uFFFA\uFFFB");
        for (char c = '\u2000'; c <= '\u200F'; c++)
        {
            sb.Append(c);
        }

        for (char c = '\u2028'; c <= '\u202F'; c++)
        {
            sb.Append(c);
        }

        for (char c = '\u205F'; c <= '\u206F'; c++)
        {
            sb.Append(c);
        }

        // surrogates: valid pairs are kept, lone halves (invalid UTF-16) become U+FFFD
        for (char c = '\uD800'; c <= '\uDFFF'; c++)
        {
            sb.Append(c);
        }

        if (foldQuotes)
        {
            sb.Append("\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u2032\u2033");
        }

        return sb.ToString();
    }

    private enum CharAction
    {
        Remove,
        Space,
        LineEnd,
        Replace,
    }

    private static (CharAction Action, string Replacement, string Code) Classify(string text, int i)
    {
        char c = text[i];
        switch (c)
        {
            case '\r':
                return i + 1 < text.Length && text[i + 1] == '\n' ? (CharAction.Remove, "", "normalize.line-ending") : (CharAction.LineEnd, "\n", "normalize.line-ending");
            case '\u2028':
                return (CharAction.LineEnd, "\n", "normalize.line-ending");
            case '\u2029':
                return (CharAction.LineEnd, "\n\n", "normalize.line-ending");
            case '\t' or '\u000B' or '\u000C' or '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000':
                return (CharAction.Space, " ", "normalize.space");
            case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032':
                return (CharAction.Replace, "'", "normalize.quotes");
            case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033':
                return (CharAction.Replace, "\"", "normalize.quotes");
            case >= '\u0080' and <= '\u009F':
                char fixedChar = MojibakeDecoder.FixC1(c);
                return fixedChar != c ? (CharAction.Replace, fixedChar.ToString(), "normalize.c1-control") : (CharAction.Remove, "", "normalize.control");
            case < ' ' or '\u007F':
                return (CharAction.Remove, "", "normalize.control");
            default:
                return (CharAction.Remove, "", "normalize.invisible");
        }
    }

    private static (string, OffsetMap?) CleanCharacters(string text, OffsetMap? map, List<Diagnostic> diagnostics, bool foldQuotes)
    {
        CharScan suspicious = foldQuotes ? SuspiciousWithQuotes : Suspicious;
        int i = suspicious.IndexOfAny(text);
        if (i < 0)
        {
            return (text, map);
        }

        var builder = new OffsetMapBuilder(text);
        int runStart = -1, runEnd = -1;
        string runCode = "";
        while (i >= 0 && i < text.Length)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int after = suspicious.IndexOfAny(text.AsSpan(i + 2));
                i = after < 0 ? -1 : i + 2 + after; // a valid pair needs no edit
                continue;
            }

            (CharAction action, string replacement, string code) = char.IsSurrogate(text[i])
                ? (CharAction.Replace, "\uFFFD", "normalize.surrogate")
                : Classify(text, i);
            if (action == CharAction.Remove)
            {
                builder.Delete(i, i + 1);
            }
            else
            {
                builder.Replace(i, i + 1, replacement);
            }

            if (runStart >= 0 && (runEnd != i || code != runCode))
            {
                ReportChars(diagnostics, map, runStart, runEnd, runCode);
                runStart = -1;
            }

            if (runStart < 0)
            {
                runStart = i;
                runCode = code;
            }

            runEnd = i + 1;
            int next = suspicious.IndexOfAny(text.AsSpan(i + 1));
            i = next < 0 ? -1 : i + 1 + next;
        }

        ReportChars(diagnostics, map, runStart, runEnd, runCode);
        return Finish(builder, text, map);
    }

    private static void ReportChars(List<Diagnostic> diagnostics, OffsetMap? map, int start, int end, string code)
    {
        if (start < 0 || code == "normalize.line-ending")
        {
            return;
        }

        string message = code switch
        {
            "normalize.space" => "Replaced unusual space characters by a space.",
            "normalize.quotes" => "Folded typographic quotes to ASCII.",
            "normalize.c1-control" => "Read C1 control characters as Windows-1252.",
            "normalize.control" => "Removed control characters.",
            "normalize.surrogate" => "Replaced unpaired UTF-16 surrogates (invalid text) by U+FFFD.",
            _ => "Removed invisible or format characters.",
        };
        diagnostics.Add(new Diagnostic(code, DiagnosticSeverity.Info, message, ToOriginal(map, start, end)));
    }

    /// <summary>
    /// The most combining marks kept in a row (Unicode's stream-safe limit, UAX #15). Longer runs ("Zalgo" text) are cut:
    /// composing them is quadratic (canonical reordering), and no language needs more.
    /// </summary>
    private const int MaxCombiningMarks = 30;

    /// <summary>Deletes combining marks beyond <see cref="MaxCombiningMarks"/> in a row, with one <c>normalize.mark-flood</c> per run.</summary>
    private static (string, OffsetMap?) LimitCombiningMarks(string text, OffsetMap? map, List<Diagnostic> diagnostics)
    {
        int i = text.AsSpan().IndexOfAnyInRange('\u0300', '\uFFFF');
        if (i < 0)
        {
            return (text, map);
        }

        OffsetMapBuilder? builder = null;
        int run = 0;
        for (; i < text.Length; i++)
        {
            if (!IsCombiningMark(text[i]))
            {
                run = 0;
                continue;
            }

            if (++run == MaxCombiningMarks + 1)
            {
                int end = i;
                while (end < text.Length && IsCombiningMark(text[end]))
                {
                    end++;
                }

                (builder ??= new OffsetMapBuilder(text)).Delete(i, end);
                diagnostics.Add(new Diagnostic("normalize.mark-flood", DiagnosticSeverity.Warning, $"Removed {end - i} combining marks after the first {MaxCombiningMarks} in a row.", ToOriginal(map, i, end)));
                i = end - 1;
                run = 0;
            }
        }

        return builder is null ? (text, map) : Finish(builder, text, map);
    }

    private static bool IsCombiningMark(char c) =>
        c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Unicode NFC, applied only to the runs that are not already in NFC so offsets stay exact elsewhere.</summary>
    private static (string, OffsetMap?) NormalizeComposition(string text, OffsetMap? map, List<Diagnostic> diagnostics)
    {
        (text, map) = LimitCombiningMarks(text, map, diagnostics);
        if (text.AsSpan().IndexOfAnyExceptInRange('\0', '\u02FF') < 0 || text.IsNormalized(NormalizationForm.FormC))
        {
            return (text, map);
        }

        var builder = new OffsetMapBuilder(text);
        int i = 0;
        while (i < text.Length)
        {
            int rel = text.AsSpan(i).IndexOfAnyExceptInRange('\0', '\u007F');
            if (rel < 0)
            {
                break;
            }

            int start = i + rel;
            int end = start;
            while (end < text.Length && text[end] >= 0x80)
            {
                end++;
            }

            int from = start > i ? start - 1 : start; // the ASCII base letter of a combining sequence
            string run = text[from..end];
            if (!run.IsNormalized(NormalizationForm.FormC))
            {
                builder.Replace(from, end, run.Normalize(NormalizationForm.FormC));
                diagnostics.Add(new Diagnostic("normalize.nfc", DiagnosticSeverity.Info, $"Composed '{run}' to Unicode NFC.", ToOriginal(map, from, end)));
            }

            i = end;
        }

        return Finish(builder, text, map);
    }

    // ---------------------------------------------------------------- pass 4: whitespace

    /// <summary>
    /// Folds whitespace runs and restores missing spaces. The scan stops only at line breaks, joining punctuation and
    /// double spaces (two vectorized searches), never at the single spaces between words, which need no edit.
    /// </summary>
    private static (string, OffsetMap?) FoldWhitespace(string text, OffsetMap? map, List<Diagnostic> diagnostics)
    {
        OffsetMapBuilder? builder = null;
        int lastJoin = -1;
        int n = text.Length;
        int i = 0;
        while (i < n && text[i] is ' ' or '\n')
        {
            i++;
        }

        if (i > 0)
        {
            (builder ??= new OffsetMapBuilder(text)).Delete(0, i);
        }

        int doubleSpace = -1; // next "  " at or after i, or n when there is none; -1 = not searched yet
        while (i < n)
        {
            int rel = text.AsSpan(i).IndexOfAny(LineBreakOrJoin);
            int stop = rel < 0 ? n : i + rel;
            if (doubleSpace < i)
            {
                int d = text.AsSpan(i).IndexOf("  ", StringComparison.Ordinal);
                doubleSpace = d < 0 ? n : i + d;
            }

            int runStart;
            if (doubleSpace < stop)
            {
                runStart = doubleSpace;
            }
            else if (stop == n)
            {
                if (n > i && text[n - 1] == ' ')
                {
                    (builder ??= new OffsetMapBuilder(text)).Delete(n - 1, n); // one trailing space
                }

                break;
            }
            else if (text[stop] == '\n')
            {
                runStart = stop > i && text[stop - 1] == ' ' ? stop - 1 : stop;
            }
            else
            {
                if (IsJoin(text, stop, lastJoin))
                {
                    lastJoin = stop;
                    (builder ??= new OffsetMapBuilder(text)).Insert(stop + 1, " ");
                    diagnostics.Add(new Diagnostic("normalize.missing-space", DiagnosticSeverity.Info, "Inserted a missing space after punctuation.", ToOriginal(map, stop, stop + 2)));
                }

                i = stop + 1;
                continue;
            }

            int j = runStart;
            int newlines = 0;
            while (j < n && text[j] is ' ' or '\n')
            {
                newlines += text[j] == '\n' ? 1 : 0;
                j++;
            }

            if (j == n)
            {
                (builder ??= new OffsetMapBuilder(text)).Delete(runStart, n);
                break;
            }

            string want = newlines == 0 ? " " : newlines == 1 ? "\n" : "\n\n";
            if (!text.AsSpan(runStart, j - runStart).SequenceEqual(want))
            {
                (builder ??= new OffsetMapBuilder(text)).Replace(runStart, j, want);
            }

            i = j;
        }

        return builder is null ? (text, map) : Finish(builder, text, map);
    }

    /// <summary>
    /// Whether the punctuation at <paramref name="i"/> clearly joins two sentences or clauses without the space:
    /// <c>nations.Among</c>, <c>powers,diplomats</c>; never <c>U.S.</c>, <c>3.5</c>, <c>a.m.</c>, URLs or e-mail addresses.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="i">The punctuation mark.</param>
    /// <param name="joinedAt">A mark before <paramref name="i"/> already found joining (it gets a space, so it is no abbreviation dot).</param>
    internal static bool IsJoin(string text, int i, int joinedAt = -1)
    {
        if (i == 0 || i + 2 >= text.Length)
        {
            return false;
        }

        char c = text[i];
        char prev = text[i - 1];
        char next = text[i + 1];
        if (!char.IsLetter(prev) || !char.IsLetter(next))
        {
            return false;
        }

        if (c is '.' or '!' or '?')
        {
            if (!char.IsLower(prev) || !char.IsUpper(next) || !char.IsLower(text[i + 2]))
            {
                return false;
            }

            int k = i - 1;
            while (k >= 0 && char.IsLetter(text[k]))
            {
                k--;
            }

            if (i - 1 - k < 2 || (k >= 0 && text[k] == '.' && k != joinedAt))
            {
                return false; // a.m., e.g.
            }
        }

        return !InUrlOrEmail(text, i);
    }

    private static bool InUrlOrEmail(string text, int i)
    {
        int start = i;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        int end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        ReadOnlySpan<char> token = text.AsSpan(start, end - start);
        return token.Contains("://", StringComparison.Ordinal) || token.Contains('@') || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || token.Contains('/');
    }
}
