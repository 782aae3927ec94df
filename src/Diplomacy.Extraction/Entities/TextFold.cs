using System.Globalization;
using System.Text;

namespace Diplomacy.Extraction.Entities;

/// <summary>
/// Case and diacritic folding for gazetteer keys: lower case, accents removed, <c>ß</c> to <c>ss</c>,
/// typographic apostrophes to <c>'</c>. Writes into a caller's buffer, never allocates.
/// </summary>
internal static class TextFold
{
    /// <summary>The longest token that is folded; longer tokens are never names.</summary>
    public const int MaxLength = 64;

    private static readonly char[] Table = BuildTable();

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/>; returns the length, or -1 when it does not fit.</summary>
    public static int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        int n = 0;
        foreach (char c in source)
        {
            if (n + 2 > destination.Length)
            {
                return -1;
            }

            if (c == 'ß')
            {
                destination[n++] = 's';
                destination[n++] = 's';
                continue;
            }

            destination[n++] = c < Table.Length ? Table[c] : c is '\u2019' or '\u2018' or '\u02BC' ? '\'' : char.ToLowerInvariant(c);
        }

        return n;
    }

    /// <summary>Folds a string (for building the tables).</summary>
    public static string Fold(string source)
    {
        Span<char> buffer = stackalloc char[(source.Length * 2) + 2];
        int n = Fold(source, buffer);
        return new string(buffer[..n]);
    }

    private static char[] BuildTable()
    {
        var table = new char[0x250];
        for (int i = 0; i < table.Length; i++)
        {
            char c = (char)i;
            char lower = char.ToLowerInvariant(c);
            string decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            char folded = lower;
            if (decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark)
            {
                folded = decomposed[0];
            }

            table[i] = folded;
        }

        return table;
    }
}
