using System.Text;

namespace Diplomacy.Extraction.LangIdTrainer;

/// <summary>Builds the attribution file that ships next to the model.</summary>
internal static class Notice
{
    public static string Build(Corpus corpus)
    {
        var sb = new StringBuilder();
        sb.Append("Diplomacy.Extraction language-identification model (Resources/langid.bin)\n");
        sb.Append("=========================================================================\n\n");
        sb.Append("langid.bin holds hashed character n-gram and word statistics (quantized log-probabilities; no text) derived from\n");
        sb.Append("the sentence collections listed below. Only the line ranges whose licence permits commercial use were read\n");
        sb.Append("(CC BY 2.0 FR, CC BY 4.0, CC BY-SA 3.0/4.0, LGPL-LR). The statistics are an adaptation of that material and are\n");
        sb.Append("distributed under CC BY-SA 4.0 where a source is ShareAlike, with attribution to every source below.\n");
        sb.Append("Regenerate with: dotnet run --project tools/Diplomacy.Extraction.LangIdTrainer -c Release\n\n");
        sb.Append("Sources (language, lines of the training file, repository @ commit, file, licence):\n\n");
        foreach (CorpusLanguage language in corpus.Languages)
        {
            sb.Append(language.Code).Append('\n');
            foreach (SourceRow s in corpus.Sources)
            {
                if (s.Language == language.Code && s.Commercial)
                {
                    sb.Append("  ").Append(s.FirstLine).Append('-').Append(s.LastLine).Append("  https://github.com/").Append(s.Repository)
                        .Append(" @ ").Append(s.Commit[..Math.Min(12, s.Commit.Length)]).Append("  ").Append(s.Path).Append("  ").Append(s.License).Append('\n');
                }
            }

            sb.Append('\n');
        }

        sb.Append("Licences: CC BY 4.0 https://creativecommons.org/licenses/by/4.0/ ; CC BY-SA 3.0 https://creativecommons.org/licenses/by-sa/3.0/ ;\n");
        sb.Append("CC BY-SA 4.0 https://creativecommons.org/licenses/by-sa/4.0/ ; CC BY 2.0 FR https://creativecommons.org/licenses/by/2.0/fr/ (Tatoeba) ;\n");
        sb.Append("LGPL-LR (Lesser General Public License For Linguistic Resources, French-Sequoia) http://igm.univ-mlv.fr/~unitex/lgpllr.html\n");
        sb.Append("Universal Dependencies treebanks: https://universaldependencies.org/ ; Tatoeba: https://tatoeba.org/ (via facebookresearch/LASER).\n");
        return sb.ToString();
    }
}
