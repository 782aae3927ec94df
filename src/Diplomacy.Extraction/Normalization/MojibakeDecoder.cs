using System.Globalization;
using System.Text;

namespace Diplomacy.Extraction.Normalization;

/// <summary>One repair of the mojibake decoder: source <c>[Start, End)</c> becomes <see cref="Replacement"/>.</summary>
internal readonly record struct MojibakeRepair(int Start, int End, string Replacement, string Codepage);

/// <summary>
/// Finds text that is UTF-8 decoded through a single-byte code page (Windows-125x, ISO-8859-1/-2, MacRoman,
/// cp437) and decodes it back. Works per word and per code page: a run of characters is re-encoded to bytes,
/// and where those bytes form valid UTF-8 the decoded text replaces them. Tolerates the usual damage:
/// bytes replaced by U+FFFD or '?', NBSP bytes that became spaces, and one byte the code page does not define
/// that a strict decoder dropped (which is how U+2062 <c>E2 81 A2</c> through Windows-1250 becomes <c>â˘</c>).
/// Plausibility rules keep legitimate text (<c>AHÅ™</c>, <c>4288×…</c>, <c>√π</c>) unchanged.
/// </summary>
internal static class MojibakeDecoder
{
    /// <summary>How many layers of mojibake are undone at most.</summary>
    public const int MaxLayers = 3;

    /// <summary>Characters that are often legitimate right after a word; as the second byte of a lone pair they are weak evidence.</summary>
    private const string WordFinalMarks = "™®©…’‘”“„¡¿\u00A0´¨°§¬·»«†‡•–—‰¢£¥€";

    /// <summary>Characters that can start a repair: UTF-8 lead bytes in some code page, and the double-loss block.</summary>
    private static readonly CharScan LeadChars = new(BuildLeadChars());

    private static string BuildLeadChars()
    {
        var set = new SortedSet<char>();
        foreach (SingleByteCodepage cp in SingleByteCodepage.All)
        {
            for (int b = 0xC2; b <= 0xF4; b++)
            {
                set.Add(cp.Decode((byte)b));
            }
        }

        for (char c = '\u2800'; c <= '\u2BFF'; c++)
        {
            set.Add(c);
        }

        return string.Concat(set);
    }

    /// <summary>Finds the repairs of one layer, sorted and non-overlapping.</summary>
    public static List<MojibakeRepair> FindRepairs(string text)
    {
        var groups = new List<Group>();
        var repairs = new List<MojibakeRepair>();
        var scratch = new List<Seq>();
        var bestSeqs = new List<Seq>();
        ReadOnlySpan<char> span = text;
        int i = 0;
        int nonAscii = 0;
        while (i < text.Length)
        {
            int rel = LeadChars.IndexOfAny(span[i..]);
            if (rel < 0)
            {
                break;
            }

            int p = i + rel;
            if (IsWordBreak(text[p]))
            {
                i = p + 1;
                continue;
            }

            int ws = p;
            while (ws > 0 && !IsWordBreak(text[ws - 1]))
            {
                ws--;
            }

            int we = p;
            while (we < text.Length && !IsWordBreak(text[we]))
            {
                we++;
            }

            if (!MayHoldSequence(text, ws, we))
            {
                i = we; // clean non-ASCII text ("für", "Präsident"): no code page can parse a sequence here
                continue;
            }

            // each code page parses into the scratch list; the best parse so far is kept in bestSeqs (swapped, not copied)
            WordParse best = default;
            SingleByteCodepage? bestCp = null;
            foreach (SingleByteCodepage cp in SingleByteCodepage.All)
            {
                WordParse g = ParseWord(text, ws, we, cp, scratch);
                if (g.Found && (bestCp is null || g.Covered > best.Covered))
                {
                    best = g;
                    bestCp = cp;
                    (bestSeqs, scratch) = (scratch, bestSeqs);
                }
            }

            if (bestCp is not null)
            {
                groups.Add(new Group([.. bestSeqs], bestCp, best.Covered, best.End));
                i = Math.Max(we, best.End);
            }
            else
            {
                i = we;
            }
        }

        if (groups.Count == 0 && text.IndexOf('Ã') < 0)
        {
            return repairs;
        }

        // Evidence that the text is otherwise correctly decoded: non-ASCII characters outside every candidate.
        int covered = 0;
        foreach (Group g in groups)
        {
            foreach (Seq s in g.Seqs)
            {
                for (int k = s.Start; k < s.End; k++)
                {
                    covered += text[k] >= 0x80 && text[k] != '\u00A0' ? 1 : 0;
                }
            }
        }

        for (int k = 0; k < span.Length; k++)
        {
            char c = span[k];
            bool aGrave = c == 'Ã' && k + 1 < span.Length && span[k + 1] == ' ';
            nonAscii += c >= 0x80 && c != '\u00A0' && !aGrave ? 1 : 0;
        }

        bool evidence = nonAscii > covered;
        var strongCodepages = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new bool[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            if (groups[g].IsStrong && AcceptStrong(text, groups[g]))
            {
                accepted[g] = true;
                strongCodepages.Add(groups[g].Codepage.Name);
            }
        }

        bool anyStrong = strongCodepages.Count > 0;
        for (int g = 0; g < groups.Count; g++)
        {
            if (!groups[g].IsStrong && (anyStrong || !evidence) && AcceptWeak(text, groups[g], strongCodepages))
            {
                accepted[g] = true;
            }
        }

        for (int g = 0; g < groups.Count; g++)
        {
            if (accepted[g])
            {
                foreach (Seq s in groups[g].Seqs)
                {
                    repairs.Add(new MojibakeRepair(s.Start, s.End, s.ToString(), groups[g].Codepage.Name));
                }
            }
        }

        if (anyStrong || !evidence)
        {
            AddAGraveWords(text, repairs, strongCodepages);
        }

        SortByStart(repairs);
        return repairs;
    }

    /// <summary>
    /// 'à' as a word whose NBSP byte turned into a plain space: <c>Ã le</c>, <c>jusqu'Ã nos</c>; and Portuguese
    /// <c>Ã s</c> for 'às'. Only before a lower-case word, so <c>C O N C L U S Ã O</c> stays.
    /// </summary>
    private static void AddAGraveWords(string text, List<MojibakeRepair> repairs, HashSet<string> strongCodepages)
    {
        foreach (SingleByteCodepage cp in SingleByteCodepage.All)
        {
            bool latin = cp.CodePage is 1252 or 28591;
            if (!latin && !strongCodepages.Contains(cp.Name))
            {
                continue;
            }

            char lead = cp.Decode(0xC3);
            int from = 0;
            while (from < text.Length)
            {
                int p = text.IndexOf(lead, from);
                if (p < 0)
                {
                    break;
                }

                from = p + 1;
                bool twoSpaces = p + 3 < text.Length && text[p + 1] == ' ' && text[p + 2] == ' ';
                int w = twoSpaces ? p + 3 : p + 2;
                if (w >= text.Length || text[p + 1] != ' ' || !char.IsLower(text[w]) || (p > 0 && char.IsUpper(text[p - 1])) || Overlaps(repairs, p))
                {
                    continue;
                }

                bool portugueseAs = !twoSpaces && text[w] == 's' && (w + 1 == text.Length || !char.IsLetter(text[w + 1]));
                repairs.Add(portugueseAs ? new MojibakeRepair(p, p + 3, "às", cp.Name)
                    : twoSpaces ? new MojibakeRepair(p, p + 2, "à", cp.Name) : new MojibakeRepair(p, p + 1, "à", cp.Name));
            }
        }
    }

    /// <summary>
    /// Sorts by start (the starts are distinct, so the result is unique): nothing to do when already sorted, a linear merge
    /// when the list is two sorted runs (the decoder's repairs, then the HTML entities), else a full sort.
    /// </summary>
    internal static void SortByStart(List<MojibakeRepair> repairs)
    {
        int split = 1;
        while (split < repairs.Count && repairs[split].Start >= repairs[split - 1].Start)
        {
            split++;
        }

        if (split >= repairs.Count)
        {
            return;
        }

        for (int k = split + 1; k < repairs.Count; k++)
        {
            if (repairs[k].Start < repairs[k - 1].Start)
            {
                repairs.Sort((a, b) => a.Start.CompareTo(b.Start));
                return;
            }
        }

        MojibakeRepair[] first = repairs.GetRange(0, split).ToArray();
        MojibakeRepair[] second = repairs.GetRange(split, repairs.Count - split).ToArray();
        repairs.Clear();
        int i = 0, j = 0;
        while (i < first.Length || j < second.Length)
        {
            repairs.Add(j >= second.Length || (i < first.Length && first[i].Start <= second[j].Start) ? first[i++] : second[j++]);
        }
    }

    private static bool Overlaps(List<MojibakeRepair> repairs, int p)
    {
        foreach (MojibakeRepair r in repairs)
        {
            if (p >= r.Start && p < r.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AcceptStrong(string text, Group g)
    {
        if (g.Seqs.Length != 1)
        {
            return true;
        }

        Seq s = g.Seqs[0];
        if (s.Length == 0 || s.Lossy)
        {
            return true;
        }

        // A lone CJK/Hangul/other far-script letter glued to a Latin word is a coincidence (Brontë…” is not Bront+U+B154).
        bool pair = s.Length == 2 && char.IsSurrogatePair(s.A, s.B);
        int cp = pair ? char.ConvertToUtf32(s.A, s.B) : s.A;
        bool far = (pair ? Rune.IsLetter(new Rune(s.A, s.B)) : char.IsLetter(s.A)) && cp >= 0x0800 && cp is not (>= 0x1E00 and <= 0x1EFF);
        bool latinNeighbour = (s.Start > 0 && IsLatinLetter(text[s.Start - 1])) || (s.End < text.Length && IsLatinLetter(text[s.End]));
        return !(far && latinNeighbour);
    }

    private static bool AcceptWeak(string text, Group g, HashSet<string> strongCodepages)
    {
        Seq s = g.Seqs[0];
        char lead = text[s.Start];
        char cont = text[s.Start + 1];
        char decoded = s.A;
        if (cont is '’' or '‘' or '\'')
        {
            return false; // an apostrophe reading wins
        }

        bool notorious = lead is 'Ã' or 'Â';
        if (!char.IsLetter(decoded) && !(lead == 'Â' && decoded is >= '\u00A0' and <= '\u00BF'))
        {
            return false;
        }

        if (notorious)
        {
            return true;
        }

        if (strongCodepages.Contains(g.Codepage.Name))
        {
            return true;
        }

        char prev = s.Start > 0 ? text[s.Start - 1] : ' ';
        char next = s.End < text.Length ? text[s.End] : ' ';
        if (!char.IsLetter(lead) && !char.IsLetter(prev))
        {
            return false;
        }

        if (char.IsUpper(cont) && char.IsUpper(prev))
        {
            return false; // two capitals in a row (HÅØYA) are more likely a word than a lone pair of mojibake
        }

        if (WordFinalMarks.Contains(cont, StringComparison.Ordinal))
        {
            return cont != '\u00A0' && char.IsLetter(prev) && char.IsLetter(next);
        }

        return true;
    }

    /// <summary>The outcome of <see cref="ParseWord"/>: whether it found a group, the characters it covers and where it ends.</summary>
    private readonly record struct WordParse(bool Found, int Covered, int End);

    /// <summary>
    /// Whether a sequence can start in the word [<paramref name="ws"/>, <paramref name="we"/>) under any code page: every code page
    /// encodes ASCII as itself, so <see cref="TryParse"/> needs a non-ASCII character followed by a non-ASCII character (a
    /// continuation byte, U+FFFD, NBSP) or a space, and <see cref="TryDoubleLoss"/> a character of U+2800-U+2BFF.
    /// </summary>
    private static bool MayHoldSequence(string text, int ws, int we)
    {
        for (int k = ws; k < we; k++)
        {
            char c = text[k];
            if (c < 0x80)
            {
                continue;
            }

            if ((c is >= '\u2800' and <= '\u2BFF') || (k + 1 < text.Length && (text[k + 1] >= 0x80 || text[k + 1] == ' ')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses the word <c>[ws, we)</c> as mojibake through <paramref name="cp"/>; the sequences go to <paramref name="seqs"/> (cleared first).</summary>
    private static WordParse ParseWord(string text, int ws, int we, SingleByteCodepage cp, List<Seq> seqs)
    {
        seqs.Clear();
        int pos = ws;
        int end = we;
        int covered = 0;
        bool c1 = false;
        int lastEnd = -1;
        while (pos < end)
        {
            if (text[pos] >= 0x80 && (TryParse(text, pos, cp, out Seq seq, allowSpace: true, afterSeq: lastEnd == pos) || TryDoubleLoss(text, pos, cp, out seq)) && seq.Length > 0)
            {
                if (IsImplausible(seq.Length == 1 ? [seq.A] : [seq.A, seq.B], out bool onlyC1))
                {
                    if (!onlyC1)
                    {
                        return default;
                    }

                    c1 = true; // an intermediate layer of double mojibake; believed only inside a run
                }

                lastEnd = seq.End;

                seqs.Add(seq);
                covered += seq.End - seq.Start;
                pos = seq.End;
                if (pos > end && pos < text.Length && TryParse(text, pos, cp, out _, allowSpace: false))
                {
                    // the run of mojibake continues across an NBSP or space byte: take in the next word as well
                    end = pos;
                    while (end < text.Length && !IsWordBreak(text[end]))
                    {
                        end++;
                    }
                }

                end = Math.Max(end, pos);
            }
            else
            {
                pos++;
            }
        }

        return seqs.Count == 0 || (c1 && seqs.Count < 2) ? default : new WordParse(true, covered, end);
    }

    /// <summary>Parses one UTF-8 sequence, re-encoded through <paramref name="cp"/>, at <paramref name="p"/>.</summary>
    private static bool TryParse(string text, int p, SingleByteCodepage cp, out Seq seq, bool allowSpace, bool afterSeq = false)
    {
        seq = default;
        int b0 = cp.Encode(text[p]);
        if (b0 < 0xC2 || b0 > 0xF4)
        {
            return false;
        }

        int need = b0 < 0xE0 ? 1 : b0 < 0xF0 ? 2 : 3;
        Span<byte> bytes = stackalloc byte[4];
        bytes[0] = (byte)b0;
        int q = p + 1;
        int got = 0;
        bool lossy = false;
        bool spaceLast = false;
        while (got < need && q < text.Length)
        {
            char c = text[q];
            int b = cp.Encode(c);
            if (c == '\uFFFD')
            {
                lossy = true;
                b = 0x80;
            }
            else if (c == ' ' && allowSpace)
            {
                b = 0xA0;
                spaceLast = got == need - 1;
            }
            else if (c == '?' && need == 2 && got == 1 && b0 == 0xE2 && bytes[1] == 0x80)
            {
                lossy = true;
                b = 0x80;
            }
            else if (b is < 0x80 or > 0xBF)
            {
                break;
            }

            bytes[++got] = (byte)b;
            q++;
        }

        if (got < need)
        {
            bool wordInitial = p == 0 || !char.IsLetter(text[p - 1]);
            if (got == 1 && need == 2 && !lossy && wordInitial && text[q - 1] != ' ' && TryLostByte(bytes[0], bytes[1], cp, out char restored))
            {
                seq = new Seq(p, q, restored, '\0', 1, Lossy: false, Restored: true);
                return true;
            }

            return false;
        }

        if (!ValidPrefix(bytes, got))
        {
            return false;
        }

        if (lossy)
        {
            seq = new Seq(p, q, '\uFFFD', '\0', 1, Lossy: true, Restored: false);
            return true;
        }

        int scalar = need switch
        {
            1 => ((bytes[0] & 0x1F) << 6) | (bytes[1] & 0x3F),
            2 => ((bytes[0] & 0x0F) << 12) | ((bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F),
            _ => ((bytes[0] & 0x07) << 18) | ((bytes[1] & 0x3F) << 12) | ((bytes[2] & 0x3F) << 6) | (bytes[3] & 0x3F),
        };

        if (scalar is >= 0xD800 and <= 0xDBFF)
        {
            // CESU-8: a surrogate pair encoded as two three-byte sequences.
            if (q < text.Length && TryParse(text, q, cp, out Seq low, allowSpace: false) && low.Surrogate is >= 0xDC00 and <= 0xDFFF)
            {
                seq = new Seq(p, low.End, (char)scalar, (char)low.Surrogate, 2, Lossy: false, Restored: false);
                return true;
            }

            return false;
        }

        if (scalar is >= 0xDC00 and <= 0xDFFF)
        {
            // Only meaningful as the second half of a CESU-8 pair; callers skip an empty text.
            seq = new Seq(p, q, '\0', '\0', 0, Lossy: false, Restored: false) { Surrogate = scalar };
            return true;
        }

        if (scalar > 0x10FFFF)
        {
            return false;
        }

        Span<char> units = stackalloc char[2];
        int unitCount = new Rune(scalar).EncodeToUtf16(units);
        if (spaceLast)
        {
            // A space standing for an NBSP byte at the end of a sequence is believed only inside a run of mojibake,
            // or for a capital that starts a word (Å veices for Šveices).
            bool inRun = afterSeq || (q < text.Length && TryParse(text, q, cp, out _, allowSpace: false));
            bool capital = need == 1 && char.IsUpper(units[0]) && (p == 0 || !char.IsLetter(text[p - 1])) && q < text.Length && char.IsLower(text[q]);
            if (!inRun && !capital)
            {
                return false;
            }
        }

        seq = new Seq(p, q, units[0], unitCount == 2 ? units[1] : '\0', unitCount, Lossy: false, Restored: false);
        return true;
    }

    /// <summary>
    /// A three-byte sequence that lost its middle or last byte to a strict decoder: try the code page's undefined
    /// bytes in the gap and accept only General Punctuation (quotes, dashes, invisible operators), where such
    /// losses happen in practice.
    /// </summary>
    internal static bool TryLostByte(byte b0, byte b1, SingleByteCodepage cp, out char restored)
    {
        restored = '\0';
        if (b0 != 0xE2)
        {
            return false;
        }

        char[]? table = cp.LostByteTable;
        if (table is null)
        {
            table = new char[256];
            for (int b = 0; b < 256; b++)
            {
                table[b] = ComputeLostByte(0xE2, (byte)b, cp, out char r) ? r : '\0';
            }

            cp.LostByteTable = table; // idempotent: a race computes the same table twice
        }

        restored = table[b1];
        return restored != '\0';
    }

    private static bool ComputeLostByte(byte b0, byte b1, SingleByteCodepage cp, out char restored)
    {
        restored = '\0';
        int bestRank = int.MaxValue;
        foreach (byte u in cp.UndefinedBytes)
        {
            if (u > 0xBF)
            {
                continue;
            }

            for (int pos = 1; pos <= 2; pos++)
            {
                byte m = pos == 1 ? u : b1;
                byte l = pos == 1 ? b1 : u;
                if (b0 != 0xE2)
                {
                    continue;
                }

                int scalar = ((b0 & 0x0F) << 12) | ((m & 0x3F) << 6) | (l & 0x3F);
                if (scalar is < 0x2000 or > 0x206F)
                {
                    continue;
                }

                int rank = scalar is >= 0x2018 and <= 0x201F ? 0 : scalar is >= 0x2060 and <= 0x2064 ? 1 : 2;
                if (rank < bestRank)
                {
                    bestRank = rank;
                    restored = (char)scalar;
                }
            }
        }

        return bestRank != int.MaxValue;
    }

    /// <summary>
    /// A second layer over a lossy one: <c>E2 81 A2 C2 A0</c> (U+2062, NBSP) lost its 0x81 through Windows-1250 and the
    /// remaining bytes <c>E2 A2 A0</c> were read as UTF-8 again, giving U+28A0. Re-encodes such a character and restores
    /// the invisible character and the space, the only combination accepted.
    /// </summary>
    private static bool TryDoubleLoss(string text, int p, SingleByteCodepage cp, out Seq seq)
    {
        seq = default;
        char c = text[p];
        if (c is < '\u2800' or > '\u2BFF')
        {
            return false;
        }

        byte b1 = (byte)(0x80 | ((c >> 6) & 0x3F));
        byte b2 = (byte)(0x80 | (c & 0x3F));
        char tail = cp.Decode(b2);
        if (!char.IsWhiteSpace(tail) || !TryLostByte(0xE2, b1, cp, out char restored) || !IsInvisible(restored))
        {
            return false;
        }

        seq = new Seq(p, p + 1, restored, tail, 2, Lossy: false, Restored: true);
        return true;
    }

    private static bool IsInvisible(char c) => c is (>= '\u200B' and <= '\u200F') or (>= '\u2060' and <= '\u2064');

    private static bool ValidPrefix(ReadOnlySpan<byte> bytes, int got)
    {
        if (got < 1)
        {
            return true;
        }

        byte b1 = bytes[1];
        return bytes[0] switch
        {
            0xE0 => b1 >= 0xA0,
            0xF0 => b1 >= 0x90,
            0xF4 => b1 < 0x90,
            _ => true,
        };
    }

    /// <summary>Decoded characters that real text almost never contains, so the decoding is wrong.</summary>
    internal static bool IsImplausible(ReadOnlySpan<char> decoded, out bool onlyC1)
    {
        onlyC1 = false;
        for (int k = 0; k < decoded.Length; k++)
        {
            char c = decoded[k];
            if (char.IsSurrogate(c))
            {
                continue;
            }

            if (c is >= '\u0080' and < '\u00A0')
            {
                onlyC1 = true;
                continue;
            }

            if (c < 0x80 || c is >= '\u0180' and < '\u0218' || c is > '\u021B' and < '\u02B0'
                || (c is >= '\u02B0' and < '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.ModifierLetter)
                || c is '\u017F' or '\u0149' or '\u0138'
                || c is >= '\u0370' and < '\u0386' || c is > '\u03CE' and < '\u0400'
                || c is >= '\u0460' and < '\u0490' || c is > '\u0491' and < '\u0590' || c is >= '\u0700' and < '\u0900')
            {
                onlyC1 = false;
                return true;
            }

            UnicodeCategory cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Control)
            {
                onlyC1 = false;
                return true;
            }
        }

        return onlyC1;
    }

    private static bool IsLatinLetter(char c) => char.IsAsciiLetter(c) || (c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c));

    private static bool IsAsciiSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    private static bool IsWordBreak(char c) => IsAsciiSpace(c) || c == '\u00A0';

    /// <summary>Replaces C1 controls that Windows-1252 defines with their characters (ftfy's <c>fix_c1_controls</c>).</summary>
    public static char FixC1(char c)
    {
        char d = SingleByteCodepage.Windows1252.Decode((byte)c);
        return d;
    }

    /// <summary>Repairs mojibake only, layer after layer (and C1 controls), without offsets; used by conformance tests and tools.</summary>
    public static string FixEncoding(string text)
    {
        for (int layer = 0; layer < MaxLayers; layer++)
        {
            List<MojibakeRepair> repairs = FindRepairs(text);
            if (repairs.Count == 0)
            {
                break;
            }

            text = Apply(text, repairs);
        }

        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(c is >= '\u0080' and <= '\u009F' ? FixC1(c) : c);
        }

        return sb.ToString();
    }

    private static string Apply(string text, List<MojibakeRepair> repairs)
    {
        var sb = new StringBuilder(text.Length);
        int pos = 0;
        foreach (MojibakeRepair r in repairs)
        {
            if (r.Start < pos)
            {
                continue;
            }

            sb.Append(text, pos, r.Start - pos).Append(r.Replacement);
            pos = r.End;
        }

        return sb.Append(text, pos, text.Length - pos).ToString();
    }

    private sealed class Group(Seq[] seqs, SingleByteCodepage codepage, int covered, int end)
    {
        public Seq[] Seqs { get; } = seqs;

        public SingleByteCodepage Codepage { get; } = codepage;

        public int Covered { get; } = covered;

        public int End { get; } = end;

        public bool IsStrong
        {
            get
            {
                if (Seqs.Length >= 2)
                {
                    return true;
                }

                Seq s = Seqs[0];
                return s.Lossy || s.Restored || s.End - s.Start >= 3;
            }
        }
    }

    /// <summary>One decoded sequence: source <c>[Start, End)</c> decodes to <see cref="Length"/> (0-2) characters <see cref="A"/>, <see cref="B"/>.</summary>
    private readonly record struct Seq(int Start, int End, char A, char B, int Length, bool Lossy, bool Restored)
    {
        public int Surrogate { get; init; }

        /// <summary>The decoded text (allocated only for accepted repairs).</summary>
        public override string ToString() => Length switch
        {
            0 => "",
            1 => A.ToString(),
            _ => new string([A, B]),
        };
    }
}
