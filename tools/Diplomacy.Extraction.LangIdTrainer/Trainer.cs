using System.Globalization;
using Diplomacy.Extraction.LanguageDetection;

namespace Diplomacy.Extraction.LangIdTrainer;

/// <summary>Counts hashed features per language and turns them into the quantized cost table.</summary>
internal static class Trainer
{
    /// <summary>Features kept per language and order (index 0 = whole words, 1..5 = n-gram orders).</summary>
    private static readonly int[] TopK = [10000, 3000, 4000, 6000, 6000, 6000];

    /// <summary>Minimum count for a feature to be selected by a language.</summary>
    private static readonly int[] MinCount = [2, 1, 2, 2, 2, 2];

    /// <summary>Cost units per nat.</summary>
    private const float Scale = 8f;

    /// <summary>A language "writes" a script when at least this share of its letters are in it.</summary>
    private const double ScriptShare = 0.05;

    /// <summary>Trains on the commercial-use lines whose index (0-based, per language) passes <paramref name="useLine"/> (all when null).</summary>
    public static LanguageModel Train(Corpus corpus, TrainerOptions options, TextWriter log, Func<int, bool>? useLine = null)
    {
        int n = corpus.Languages.Count;
        if (n > LanguageModel.Lanes)
        {
            throw new InvalidDataException($"At most {LanguageModel.Lanes} trained languages are supported, the corpus has {n}.");
        }

        var counts = new Dictionary<uint, int>[n][];
        var variantCounts = new Dictionary<uint, int>[n][];
        var damagedCounts = new Dictionary<uint, int>[n][];
        ScriptVariants variants = ScriptVariants.Load(Path.Combine(options.ConfigDir, "script-variants.tsv"));
        var totals = new long[n][];
        var scriptMasks = new uint[n];
        var usedScripts = 0u;
        for (int lane = 0; lane < n; lane++)
        {
            CorpusLanguage language = corpus.Languages[lane];
            var sink = new CountSink(NGramFeaturizer.MaxOrder + 1);
            var variantSink = new CountSink(NGramFeaturizer.MaxOrder + 1);
            var damagedSink = new CountSink(NGramFeaturizer.MaxOrder + 1);
            bool hasVariant = variants.Has(language.Code);
            var scripts = new long[LetterTables.ScriptCount];
            long letters = 0;
            int lines = 0;
            int index = -1;
            foreach (string line in corpus.CommercialLines(language))
            {
                index++;
                if (useLine is not null && !useLine(index))
                {
                    continue;
                }

                lines++;
                NGramFeaturizer.Run(line, ref sink);
                letters += CountScripts(line, scripts);
                foreach (string damaged in DiacriticLoss.Copies(line))
                {
                    NGramFeaturizer.Run(damaged, ref damagedSink);
                }

                if (hasVariant)
                {
                    string copy = variants.Transliterate(language.Code, line);
                    NGramFeaturizer.Run(copy, ref variantSink);
                    letters += CountScripts(copy, scripts);
                }
            }

            for (int s = 1; s < scripts.Length; s++)
            {
                if (scripts[s] >= ScriptShare * letters)
                {
                    scriptMasks[lane] |= 1u << s;
                }
            }

            usedScripts |= scriptMasks[lane];
            counts[lane] = sink.Counts;
            variantCounts[lane] = variantSink.Counts;
            damagedCounts[lane] = damagedSink.Counts;
            totals[lane] = sink.Totals;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{language.Code}: {lines,6} lines, {letters,9:N0} letters, {sink.Counts.Sum(c => c.Count),8:N0} distinct features, scripts {Scripts(scriptMasks[lane])}"));
        }

        // Feature selection: the union of every language's most frequent features per order (per script copy).
        var selected = new Dictionary<uint, int>();
        for (int lane = 0; lane < n; lane++)
        {
            foreach (Dictionary<uint, int>[] source in (Dictionary<uint, int>[][])[counts[lane], variantCounts[lane], damagedCounts[lane]])
            {
                for (int order = 0; order <= NGramFeaturizer.MaxOrder; order++)
                {
                    foreach (KeyValuePair<uint, int> kv in source[order]
                        .Where(kv => kv.Value >= MinCount[order])
                        .OrderByDescending(kv => kv.Value)
                        .ThenBy(kv => kv.Key)
                        .Take(TopK[order]))
                    {
                        selected.TryAdd(kv.Key, order);
                    }
                }
            }
        }

        uint[] keys = [.. selected.Keys.Order()];
        // Unseen features: Good-Turing mass of the language (share of singletons) spread over a common number of
        // unseen types per order, so a small corpus is not punished for what it could not have seen, nor a large one favoured.
        var floors = new double[n, NGramFeaturizer.MaxOrder + 1];
        for (int order = 0; order <= NGramFeaturizer.MaxOrder; order++)
        {
            var union = new HashSet<uint>();
            for (int lane = 0; lane < n; lane++)
            {
                union.UnionWith(counts[lane][order].Keys);
            }

            for (int lane = 0; lane < n; lane++)
            {
                long singletons = counts[lane][order].Values.Count(v => v == 1);
                double unseenMass = Math.Max(1, singletons) / (double)Math.Max(1, totals[lane][order]);
                floors[lane, order] = -Math.Log(unseenMass / union.Count);
            }
        }

        byte[] floorBytes = new byte[LanguageModel.Lanes * LanguageModel.Orders];
        floorBytes.AsSpan().Fill(byte.MaxValue);
        for (int lane = 0; lane < n; lane++)
        {
            for (int order = 0; order < LanguageModel.Orders; order++)
            {
                floorBytes[(lane * LanguageModel.Orders) + order] = Quantize(floors[lane, order]);
            }
        }

        byte[] costs = new byte[keys.Length * LanguageModel.Lanes];
        costs.AsSpan().Fill(byte.MaxValue);
        for (int i = 0; i < keys.Length; i++)
        {
            int order = selected[keys[i]];
            for (int lane = 0; lane < n; lane++)
            {
                // The second-script and damaged copies share the original's totals: they only add features the clean
                // text never produced (a feature the clean text has keeps its clean probability).
                double cost = counts[lane][order].TryGetValue(keys[i], out int c)
                    || variantCounts[lane][order].TryGetValue(keys[i], out c)
                    || damagedCounts[lane][order].TryGetValue(keys[i], out c)
                    ? -Math.Log(c / (double)totals[lane][order])
                    : floors[lane, order];
                costs[(i * LanguageModel.Lanes) + lane] = Quantize(cost);
            }
        }

        string[] codes = [.. corpus.Languages.Select(l => l.Code)];
        float[] priors = ReadPriors(Path.Combine(options.ConfigDir, "priors.tsv"), codes, out List<(int, UnicodeScript, float)> scriptPriors);
        var scriptOnly = new List<(string, UnicodeScript)>();
        foreach (string[] row in ReadConfig(Path.Combine(options.ConfigDir, "script-languages.tsv")))
        {
            UnicodeScript script = Enum.Parse<UnicodeScript>(row[1]);
            if ((usedScripts & (1u << (int)script)) == 0)
            {
                scriptOnly.Add((row[0], script));
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"selected {keys.Length:N0} features; unseen 3-gram cost en {floors[0, 3]:F1} nats"));
        // Rare words for the short-text layer: every whole word of a language's training text that the table does not hold, at the cost of a word seen once.
        var rare = new uint[n][];
        var rareCosts = new byte[n];
        for (int lane = 0; lane < n; lane++)
        {
            var words = new HashSet<uint>();
            foreach (Dictionary<uint, int>[] source in (Dictionary<uint, int>[][])[counts[lane], variantCounts[lane], damagedCounts[lane]])
            {
                foreach (uint key in source[0].Keys)
                {
                    if (!selected.ContainsKey(key))
                    {
                        words.Add(key);
                    }
                }
            }

            rare[lane] = [.. words.Order()];
            rareCosts[lane] = Quantize(Math.Log(Math.Max(1, totals[lane][0])));
        }

        var evidence = new WordEvidence(rare, rareCosts);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rare-word evidence: {evidence.Count:N0} words"));
        return new LanguageModel(codes, priors, scriptMasks, scriptOnly, Scale, keys, costs, scriptPriors, floorBytes).WithWords(evidence);
    }

    private static byte Quantize(double cost) => (byte)Math.Clamp(Math.Round(cost * Scale), 1, 254);

    private static long CountScripts(string line, long[] scripts)
    {
        long letters = 0;
        foreach (char c in line)
        {
            UnicodeScript s = LetterTables.ScriptOf(c);
            if (s != UnicodeScript.None)
            {
                scripts[(int)s]++;
                letters++;
            }
        }

        return letters;
    }

    private static string Scripts(uint mask)
    {
        var names = new List<string>();
        for (int s = 1; s < LetterTables.ScriptCount; s++)
        {
            if ((mask & (1u << s)) != 0)
            {
                names.Add(((UnicodeScript)s).ToString());
            }
        }

        return string.Join('+', names);
    }

    private static float[] ReadPriors(string path, string[] codes, out List<(int, UnicodeScript, float)> scriptPriors)
    {
        var weights = new double[codes.Length];
        Array.Fill(weights, 1.0);
        scriptPriors = [];
        foreach (string[] row in ReadConfig(path))
        {
            int lane = Array.IndexOf(codes, row[0]);
            if (lane < 0)
            {
                continue;
            }

            double weight = double.Parse(row[1], CultureInfo.InvariantCulture);
            if (row.Length > 2)
            {
                // A weight for text in one script only (relative to the language's own weight).
                scriptPriors.Add((lane, Enum.Parse<UnicodeScript>(row[2]), (float)Math.Log(weight)));
            }
            else
            {
                weights[lane] = weight;
            }
        }

        double sum = weights.Sum();
        return [.. weights.Select(w => (float)Math.Log(w / sum))];
    }

    private static IEnumerable<string[]> ReadConfig(string path)
    {
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line.Split('\t');
            }
        }
    }

    /// <summary>Counts every feature per order.</summary>
    private struct CountSink : IFeatureSink
    {
        public CountSink(int orders)
        {
            Counts = new Dictionary<uint, int>[orders];
            for (int i = 0; i < orders; i++)
            {
                Counts[i] = [];
            }

            Totals = new long[orders];
        }

        public Dictionary<uint, int>[] Counts { get; }

        public long[] Totals { get; }

        public readonly bool BeginWord(ReadOnlySpan<char> padded) => true;

        public readonly void Add(uint key, int order)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Counts[order], key, out _)++;
            Totals[order]++;
        }

        public readonly bool EndWord() => true;
    }
}
