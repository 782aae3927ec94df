using System.Diagnostics;
using System.Globalization;
using Diplomacy.Extraction.LanguageDetection;

namespace Diplomacy.Extraction.LangIdTrainer;

/// <summary>
/// Measures a model file on a test folder laid out as <c>&lt;lang&gt;/{sentences,word-pairs,single-words}.txt</c>
/// (all model languages as candidates) and prints a Markdown table. Reads the test data only; never trains on it.
/// </summary>
internal static class Evaluator
{
    private static readonly string[] Kinds = ["sentences", "word-pairs", "single-words"];

    public static void Run(string modelFile, string specDir, TextWriter log, string? errorsFile = null)
    {
        var load = Stopwatch.StartNew();
        LanguageModel model;
        using (FileStream stream = File.OpenRead(modelFile))
        {
            model = LanguageModel.Read(stream);
        }

        var detector = new LanguageDetector(model);
        load.Stop();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model loaded in {load.Elapsed.TotalMilliseconds:F0} ms (cold, incl. JIT)"));
        CandidateSet all = detector.AllCandidates;
        using StreamWriter? errors = errorsFile is null ? null : new StreamWriter(errorsFile);
        var sums = new double[Kinds.Length];
        int languages = 0;
        log.WriteLine("| language | sentences | word pairs | single words | mistaken for (top 3) |");
        log.WriteLine("|---|---:|---:|---:|---|");
        foreach (string dir in Directory.EnumerateDirectories(specDir).Order(StringComparer.Ordinal))
        {
            string language = Path.GetFileName(dir);
            var cells = new string[Kinds.Length];
            var confusions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int k = 0; k < Kinds.Length; k++)
            {
                string file = Path.Combine(dir, Kinds[k] + ".txt");
                int total = 0, correct = 0;
                foreach (string line in File.ReadLines(file))
                {
                    total++;
                    string guess = detector.Detect(line, all).Language;
                    if (guess == language)
                    {
                        correct++;
                    }
                    else
                    {
                        confusions[guess] = confusions.GetValueOrDefault(guess) + 1;
                        errors?.WriteLine($"{language}\t{Kinds[k]}\t{guess}\t{line}");
                    }
                }

                double accuracy = total == 0 ? 0 : 100.0 * correct / total;
                sums[k] += accuracy;
                cells[k] = accuracy.ToString("F1", CultureInfo.InvariantCulture);
            }

            languages++;
            string top = string.Join(", ", confusions.OrderByDescending(kv => kv.Value).Take(3).Select(kv => $"{kv.Key} {kv.Value}"));
            log.WriteLine($"| {language} | {cells[0]} | {cells[1]} | {cells[2]} | {top} |");
        }

        if (languages > 0)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **mean** | **{sums[0] / languages:F2}** | **{sums[1] / languages:F2}** | **{sums[2] / languages:F2}** | |"));
        }
    }
}
