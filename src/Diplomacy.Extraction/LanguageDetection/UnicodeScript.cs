namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>
/// Writing systems the detector tells apart (Unicode block ranges, a property of the characters, not of any language).
/// At most 32 values so that a set of scripts fits in a <see cref="uint"/> bit mask.
/// </summary>
internal enum UnicodeScript : byte
{
    None = 0,
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Devanagari,
    Bengali,
    Gurmukhi,
    Gujarati,
    Oriya,
    Tamil,
    Telugu,
    Kannada,
    Malayalam,
    Sinhala,
    Thai,
    Lao,
    Tibetan,
    Myanmar,
    Georgian,
    Hangul,
    Ethiopic,
    Khmer,
    Kana,
    Han,
    Other,
}

/// <summary>Per-character tables shared by the trainer and the detector: letter folding and script.</summary>
internal static class LetterTables
{
    /// <summary>Number of <see cref="UnicodeScript"/> values.</summary>
    public const int ScriptCount = (int)UnicodeScript.Other + 1;

    private static readonly char[] FoldTable = BuildFold();
    private static readonly byte[] ScriptTable = BuildScripts();

    /// <summary>The lower-cased letter (or combining mark) for <paramref name="c"/>, or <c>'\0'</c> when it is not part of a word.</summary>
    public static char Fold(char c) => FoldTable[c];

    /// <summary>The script of a character (<see cref="UnicodeScript.None"/> for non-letters and common characters).</summary>
    public static UnicodeScript ScriptOf(char c) => (UnicodeScript)ScriptTable[c];

    /// <summary>Whether exactly the ASCII letters A-Z, a-z are Latin and every other ASCII character has no script (lets the census count ASCII text 16 characters at a time).</summary>
    public static readonly bool AsciiLettersAreLatin = CheckAscii();

    private static bool CheckAscii()
    {
        for (int c = 0; c < 128; c++)
        {
            bool letter = c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z');
            if (ScriptOf((char)c) != (letter ? UnicodeScript.Latin : UnicodeScript.None))
            {
                return false;
            }
        }

        return true;
    }

    private static char[] BuildFold()
    {
        var table = new char[65536];
        for (int i = 0; i < table.Length; i++)
        {
            char c = (char)i;
            switch (char.GetUnicodeCategory(c))
            {
                case System.Globalization.UnicodeCategory.UppercaseLetter:
                case System.Globalization.UnicodeCategory.LowercaseLetter:
                case System.Globalization.UnicodeCategory.TitlecaseLetter:
                case System.Globalization.UnicodeCategory.ModifierLetter:
                case System.Globalization.UnicodeCategory.OtherLetter:
                    char lower = char.ToLowerInvariant(c);
                    table[i] = lower == '\0' ? c : lower;
                    break;
                case System.Globalization.UnicodeCategory.NonSpacingMark:
                case System.Globalization.UnicodeCategory.SpacingCombiningMark:
                    table[i] = c;
                    break;
                default:
                    table[i] = '\0';
                    break;
            }
        }

        return table;
    }

    private static byte[] BuildScripts()
    {
        var table = new byte[65536];
        void Range(int from, int to, UnicodeScript script)
        {
            for (int i = from; i <= to; i++)
            {
                table[i] = (byte)script;
            }
        }

        Range(0x0041, 0x005A, UnicodeScript.Latin);
        Range(0x0061, 0x007A, UnicodeScript.Latin);
        Range(0x00C0, 0x024F, UnicodeScript.Latin);
        Range(0x1E00, 0x1EFF, UnicodeScript.Latin);
        Range(0xFF21, 0xFF3A, UnicodeScript.Latin);
        Range(0xFF41, 0xFF5A, UnicodeScript.Latin);
        Range(0x0370, 0x03FF, UnicodeScript.Greek);
        Range(0x1F00, 0x1FFF, UnicodeScript.Greek);
        Range(0x0400, 0x052F, UnicodeScript.Cyrillic);
        Range(0x0530, 0x058F, UnicodeScript.Armenian);
        Range(0x0590, 0x05FF, UnicodeScript.Hebrew);
        Range(0xFB1D, 0xFB4F, UnicodeScript.Hebrew);
        Range(0x0600, 0x06FF, UnicodeScript.Arabic);
        Range(0x0750, 0x077F, UnicodeScript.Arabic);
        Range(0x08A0, 0x08FF, UnicodeScript.Arabic);
        Range(0xFB50, 0xFDFF, UnicodeScript.Arabic);
        Range(0xFE70, 0xFEFF, UnicodeScript.Arabic);
        Range(0x0900, 0x097F, UnicodeScript.Devanagari);
        Range(0x0980, 0x09FF, UnicodeScript.Bengali);
        Range(0x0A00, 0x0A7F, UnicodeScript.Gurmukhi);
        Range(0x0A80, 0x0AFF, UnicodeScript.Gujarati);
        Range(0x0B00, 0x0B7F, UnicodeScript.Oriya);
        Range(0x0B80, 0x0BFF, UnicodeScript.Tamil);
        Range(0x0C00, 0x0C7F, UnicodeScript.Telugu);
        Range(0x0C80, 0x0CFF, UnicodeScript.Kannada);
        Range(0x0D00, 0x0D7F, UnicodeScript.Malayalam);
        Range(0x0D80, 0x0DFF, UnicodeScript.Sinhala);
        Range(0x0E00, 0x0E7F, UnicodeScript.Thai);
        Range(0x0E80, 0x0EFF, UnicodeScript.Lao);
        Range(0x0F00, 0x0FFF, UnicodeScript.Tibetan);
        Range(0x1000, 0x109F, UnicodeScript.Myanmar);
        Range(0x10A0, 0x10FF, UnicodeScript.Georgian);
        Range(0x1100, 0x11FF, UnicodeScript.Hangul);
        Range(0x3130, 0x318F, UnicodeScript.Hangul);
        Range(0xAC00, 0xD7AF, UnicodeScript.Hangul);
        Range(0x1200, 0x139F, UnicodeScript.Ethiopic);
        Range(0x1780, 0x17FF, UnicodeScript.Khmer);
        Range(0x3040, 0x30FF, UnicodeScript.Kana);
        Range(0x31F0, 0x31FF, UnicodeScript.Kana);
        Range(0xFF66, 0xFF9F, UnicodeScript.Kana);
        Range(0x3400, 0x4DBF, UnicodeScript.Han);
        Range(0x4E00, 0x9FFF, UnicodeScript.Han);
        Range(0xF900, 0xFAFF, UnicodeScript.Han);

        // Letters outside the listed blocks count as "other"; marks keep the script of their block (set above) or none.
        for (int i = 0; i < table.Length; i++)
        {
            if (table[i] == 0 && FoldTable[i] != '\0' && char.IsLetter((char)i))
            {
                table[i] = (byte)UnicodeScript.Other;
            }
            else if (table[i] != 0 && FoldTable[i] == '\0')
            {
                table[i] = 0;
            }
        }

        // The prolonged sound mark and iteration marks are Japanese-only in practice.
        table[0x30FC] = (byte)UnicodeScript.Kana;
        return table;
    }
}
