using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Diplomacy.Extraction.LanguageDetection;

namespace Diplomacy.Extraction.LangIdTrainer;

/// <summary>
/// Trains the embedded language-identification model from the commercial-use line ranges of
/// <c>../shared/corpora/langid-train</c> and writes <c>Resources/langid.bin</c> plus its attribution file.
/// Usage: <c>dotnet run --project tools/Diplomacy.Extraction.LangIdTrainer -c Release [-- --data DIR] [--out FILE] [--notice FILE] [--evaluate SPECDIR]</c>.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        string root = FindRepoRoot();
        var options = TrainerOptions.Parse(args, root);
        if (options is null)
        {
            Console.Error.WriteLine("usage: LangIdTrainer [--data DIR] [--out FILE] [--notice FILE] [--evaluate SPECDIR] [--evaluate-only] [--errors FILE] [--no-layer] [--cache DIR]");
            return 2;
        }

        if (!options.EvaluateOnly)
        {
            var stopwatch = Stopwatch.StartNew();
            Corpus corpus = Corpus.Load(options.DataDir);
            string? cachedFull = options.CacheDir is null ? null : Path.Combine(options.CacheDir, "full.bin");
            string? cachedDevelopment = options.CacheDir is null ? null : Path.Combine(options.CacheDir, "development.bin");
            LanguageModel model;
            if (!options.NoLayer && File.Exists(cachedFull) && File.Exists(cachedDevelopment))
            {
                // Development shortcut (--cache): the n-gram models and the layer of an earlier run, only the pairs are refitted.
                model = ReadModel(cachedFull);
                LanguageModel development = ReadModel(cachedDevelopment);
                model = model.WithPairs(PairTraining.Fit(development, corpus, options.ConfigDir, Console.Out));
            }
            else
            {
                model = Trainer.Train(corpus, options, Console.Out);
                if (!options.NoLayer)
                {
                    // Stacking: a development model without the held-out tenth scores short texts cut from that tenth.
                    Console.WriteLine("development model (nine tenths of the commercial lines) for the short-text layer:");
                    LanguageModel development = Trainer.Train(corpus, options, TextWriter.Null, Rescoring.IsDevelopmentTrainingLine);
                    ShortTextRescorer layer = Rescoring.Fit(development, corpus, options.ConfigDir, Console.Out);
                    model = model.WithRescorer(layer);
                    development = development.WithRescorer(layer);
                    if (options.CacheDir is not null)
                    {
                        Directory.CreateDirectory(options.CacheDir);
                        WriteModel(model, cachedFull!);
                        WriteModel(development, cachedDevelopment!);
                    }

                    // Pairs of confusable languages: a sparse correction on top of the layer, stacked the same way.
                    model = model.WithPairs(PairTraining.Fit(development, corpus, options.ConfigDir, Console.Out));
                }
            }

            Directory.CreateDirectory(Path.GetDirectoryName(options.OutFile)!);
            using (FileStream file = File.Create(options.OutFile))
            {
                model.Write(file, CompressionLevel.SmallestSize);
            }

            File.WriteAllText(options.NoticeFile, Notice.Build(corpus), new UTF8Encoding(false));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {options.OutFile} ({new FileInfo(options.OutFile).Length:N0} bytes, {model.FeatureCount:N0} features, {model.Languages.Length} languages) and {options.NoticeFile} in {stopwatch.Elapsed.TotalSeconds:F1} s"));
        }

        if (options.EvaluateDir is not null)
        {
            Evaluator.Run(options.OutFile, options.EvaluateDir, Console.Out, options.ErrorsFile);
        }

        return 0;
    }

    private static LanguageModel ReadModel(string path)
    {
        using FileStream file = File.OpenRead(path);
        return LanguageModel.Read(file);
    }

    private static void WriteModel(LanguageModel model, string path)
    {
        using FileStream file = File.Create(path);
        model.Write(file, System.IO.Compression.CompressionLevel.Fastest);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Diplomacy.Extraction.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}

/// <summary>Command-line options with the repository defaults.</summary>
internal sealed record TrainerOptions(string DataDir, string OutFile, string NoticeFile, string ConfigDir, string? EvaluateDir, bool EvaluateOnly, string? ErrorsFile, bool NoLayer = false, string? CacheDir = null)
{
    public static TrainerOptions? Parse(string[] args, string root)
    {
        string data = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora", "langid-train"));
        string output = Path.Combine(root, "src", "Diplomacy.Extraction", "Resources", "langid.bin");
        string? notice = null;
        string? evaluate = null;
        bool evaluateOnly = false;
        string? errors = null;
        bool noLayer = false;
        string? cache = null;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--data" when value is not null:
                    data = value;
                    i++;
                    break;
                case "--out" when value is not null:
                    output = value;
                    i++;
                    break;
                case "--notice" when value is not null:
                    notice = value;
                    i++;
                    break;
                case "--evaluate" when value is not null:
                    evaluate = value;
                    i++;
                    break;
                case "--errors" when value is not null:
                    errors = value;
                    i++;
                    break;
                case "--cache" when value is not null:
                    cache = value;
                    i++;
                    break;
                case "--evaluate-only":
                    evaluateOnly = true;
                    break;
                case "--no-layer":
                    noLayer = true;
                    break;
                default:
                    return null;
            }
        }

        notice ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "langid.NOTICE.txt");
        return new TrainerOptions(data, output, notice, AppContext.BaseDirectory, evaluate, evaluateOnly, errors, noLayer, cache);
    }
}
