using System.Text;
using Diplomacy.Extraction.LanguageDetection;

namespace Diplomacy.Extraction.LangIdTrainer;

/// <summary>
/// Robustness to text that lost its diacritics on the way (ASCII-only sources, lossy encoding conversions): a training
/// line with Latin letters beyond ASCII also yields two damaged copies, one with those letters folded to their base
/// letter (<c>é</c> → <c>e</c>) and one with them dropped (<c>información</c> → <c>informacin</c>). The copies only add
/// features the clean text never produced; they do not change the statistics of the clean text.
/// </summary>
internal static class DiacriticLoss
{
    public static IEnumerable<string> Copies(string line)
    {
        var dropped = new StringBuilder(line.Length);
        var folded = new StringBuilder(line.Length);
        bool changed = false;
        foreach (char c in line.Normalize(NormalizationForm.FormC))
        {
            if (c > 127 && LetterTables.ScriptOf(c) == UnicodeScript.Latin)
            {
                changed = true;
                foreach (char d in c.ToString().Normalize(NormalizationForm.FormD))
                {
                    if (d < 128)
                    {
                        folded.Append(d);
                    }
                }

                continue;
            }

            dropped.Append(c);
            folded.Append(c);
        }

        if (changed)
        {
            yield return folded.ToString();
            yield return dropped.ToString();
        }
    }
}
