using System.Globalization;
using System.Text;
using Diplomacy.Extraction.LanguageDetection;
using Diplomacy.Extraction.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Diplomacy.Extraction.Tests.LanguageDetection;

/// <summary>
/// Accuracy on the Lingua test sets in ../shared/specs/langid (13 languages x 3 kinds, 500 lines each; test-only data),
/// every trained language a candidate. The floors sit just below the measured values (docs/language-detection.md), so
/// a regression fails.
/// </summary>
public class LanguageAccuracyTests(ITestOutputHelper output)
{
    private static readonly string[] Kinds = ["sentences", "word-pairs", "single-words"];

    /// <summary>Minimum mean accuracy (percent) over the 13 languages, per kind.</summary>
    private static readonly double[] MeanFloors = [99.8, 94.95, 82.9];

    /// <summary>Minimum accuracy (percent) of any single language, per kind.</summary>
    private static readonly double[] LanguageFloors = [99.0, 85.0, 62.0];

    [SharedFact]
    public void Accuracy_on_the_langid_test_sets_stays_above_the_measured_floors()
    {
        string root = Path.Combine(RepoPaths.Shared!, "specs", "langid");
        LanguageDetector detector = LanguageDetector.Default;
        CandidateSet all = detector.AllCandidates;
        var sums = new double[Kinds.Length];
        var table = new StringBuilder("| language | sentences | word pairs | single words |\n|---|---:|---:|---:|\n");
        int languages = 0;
        var failures = new List<string>();
        foreach (string dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            string language = Path.GetFileName(dir);
            table.Append("| ").Append(language);
            for (int k = 0; k < Kinds.Length; k++)
            {
                int total = 0, correct = 0;
                foreach (string line in File.ReadLines(Path.Combine(dir, Kinds[k] + ".txt")))
                {
                    total++;
                    if (detector.Detect(line, all).Language == language)
                    {
                        correct++;
                    }
                }

                double accuracy = 100.0 * correct / total;
                sums[k] += accuracy;
                table.Append(" | ").Append(accuracy.ToString("F1", CultureInfo.InvariantCulture));
                if (accuracy < LanguageFloors[k])
                {
                    failures.Add($"{language} {Kinds[k]} {accuracy:F1} < {LanguageFloors[k]}");
                }
            }

            table.Append(" |\n");
            languages++;
        }

        Assert.Equal(13, languages);
        table.Append("| mean");
        for (int k = 0; k < Kinds.Length; k++)
        {
            double mean = sums[k] / languages;
            table.Append(" | ").Append(mean.ToString("F2", CultureInfo.InvariantCulture));
            if (mean < MeanFloors[k])
            {
                failures.Add($"mean {Kinds[k]} {mean:F2} < {MeanFloors[k]}");
            }
        }

        table.Append(" |\n");
        output.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, string.Join("; ", failures) + "\n" + table);
    }
}
