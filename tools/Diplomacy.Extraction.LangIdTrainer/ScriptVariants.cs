using System.Globalization;
using System.Text;
using Diplomacy.Extraction.LanguageDetection;

namespace Diplomacy.Extraction.LangIdTrainer;

/// <summary>
/// Transliteration rules from <c>script-variants.tsv</c>: a language whose training text is in one of its two scripts
/// also learns the other from a transliterated copy. Longest match first; characters without a rule are kept.
/// </summary>
internal sealed class ScriptVariants
{
    private readonly Dictionary<string, List<(string From, string To)>> _rules;

    private ScriptVariants(Dictionary<string, List<(string From, string To)>> rules) => _rules = rules;

    public static ScriptVariants Load(string path)
    {
        var rules = new Dictionary<string, List<(string From, string To)>>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] row = line.Split('\t');
            if (row.Length != 3 || row[1].Length == 0)
            {
                throw new InvalidDataException($"{path}: bad rule '{line}'.");
            }

            if (!rules.TryGetValue(row[0], out List<(string, string)>? list))
            {
                rules[row[0]] = list = [];
            }

            list.Add((row[1].Normalize(NormalizationForm.FormC), row[2].Normalize(NormalizationForm.FormC)));
        }

        foreach (List<(string From, string To)> list in rules.Values)
        {
            list.Sort((a, b) => b.From.Length.CompareTo(a.From.Length));
        }

        return new ScriptVariants(rules);
    }

    /// <summary>Whether the language has a second-script copy.</summary>
    public bool Has(string language) => _rules.ContainsKey(language);

    /// <summary>
    /// Whether the language's copy is in another script (Serbian Cyrillic, an everyday spelling), as opposed to a
    /// same-script copy such as a legacy-encoding defect; only the former gives short-text layer examples.
    /// </summary>
    public bool ChangesScript(string language)
    {
        if (!_rules.TryGetValue(language, out List<(string From, string To)>? rules))
        {
            return false;
        }

        foreach ((string from, string to) in rules)
        {
            if (from.Length > 0 && to.Length > 0 && LetterTables.ScriptOf(from[0]) != LetterTables.ScriptOf(to[0]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The transliterated, lower-cased copy of a line.</summary>
    public string Transliterate(string language, string line)
    {
        List<(string From, string To)> rules = _rules[language];
        string lower = line.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(lower.Length);
        int i = 0;
        while (i < lower.Length)
        {
            bool matched = false;
            foreach ((string from, string to) in rules)
            {
                if (string.CompareOrdinal(lower, i, from, 0, from.Length) == 0)
                {
                    sb.Append(to);
                    i += from.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                sb.Append(lower[i]);
                i++;
            }
        }

        return sb.ToString();
    }
}
