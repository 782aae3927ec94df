using System.Globalization;
using Diplomacy.Extraction.LanguageDetection;

namespace Diplomacy.Extraction.LangIdTrainer;

/// <summary>
/// Fits the corrections for confusable language pairs (<see cref="PairCorrections"/>, pairs listed in
/// <c>confusable-pairs.tsv</c>). Per pair, a binary logistic regression over word types: the features of a word are
/// its hashed n-gram keys (the detector's own featurizer), its target the share of its (class-balanced) occurrences in
/// the first language, its weight log(1 + occurrences), so that rare content words count, not just function words.
/// Text without diacritics is covered as in the n-gram training (folded and dropped copies of every word).
/// Stacking, as for the short-text layer: the regularization is chosen on the word types of the held-out tenth of the
/// lines with a regression fitted on the other nine tenths; that regression scores short texts cut from the held-out
/// lines, and on those where the development model's layer puts the pair first and second a scale (≥ 0) of the
/// summed log-odds and a factor (0.5…1) of the layer's margin are fitted per length bucket, together with a cap of one
/// word's log-odds per pair (the factor's L2 pull towards 1 is chosen per bucket on the validation fifths of all pairs
/// pooled; a pair whose scales are all 0 and factors all 1 is dropped); the shipped regression is then refitted on all
/// commercial lines. Only the <see cref="MaxWeights"/> largest weights of a pair are kept (refitted on those alone). Deterministic. Only
/// commercial-use lines are read.
/// </summary>
internal static class PairTraining
{
    private static readonly double[] Lambdas = [1e-6, 1e-5, 1e-4, 1e-3];

    /// <summary>Weights kept per pair (the largest, then refitted on those alone): bounds the model size.</summary>
    private const int MaxWeights = 25_000;

    private const int Iterations = 150;

    /// <summary>Caps of one word's log-odds tried per pair (held-out short texts choose; infinity = no cap).</summary>
    /// <summary>
    /// The smallest margin factor: the correction may at most halve the layer's margin inside a pair. The layer's
    /// margin carries the evidence of every n-gram order over all languages, which the pair's word model only partly
    /// learns again; on small pairs a free factor went to 0, i.e. the word model alone decided.
    /// </summary>
    private const double MinMargin = 0.5;

    /// <summary>Pulls of the margin factor towards 1 tried per bucket (the validation fifth chooses).</summary>
    private static readonly double[] MarginLambdas = [1e-3, 1e-2, 1e-1, 1];

    private static readonly float[] Caps = [float.PositiveInfinity, 6, 4, 3, 2, 1.5f, 1];

    public static PairCorrections? Fit(LanguageModel development, Corpus corpus, string configDir, TextWriter log)
    {
        string path = Path.Combine(configDir, "confusable-pairs.tsv");
        if (!File.Exists(path))
        {
            return null;
        }

        var laneOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < development.Languages.Length; i++)
        {
            laneOf[development.Languages[i]] = i;
        }

        var variants = ScriptVariants.Load(Path.Combine(configDir, "script-variants.tsv"));
        var detector = new LanguageDetector(development);
        var samples = new Dictionary<int, List<(string Text, bool Validation)>>();
        var pairs = new List<PairCorrections.Pair>();
        var candidates = new List<(string First, string Second, int A, int B, double Lambda, string Losses, PairCorrections.Pair DevPair, List<Sample> Texts)>();
        var validationLoss = new double[PairCorrections.Buckets, MarginLambdas.Length];
        log.WriteLine("pair corrections: pair, word types, held-out log-loss per lambda, then per bucket examples, layer → corrected accuracy, scale");
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] row = line.Split('\t');
            if (row.Length < 2 || !laneOf.TryGetValue(row[0], out int a) || !laneOf.TryGetValue(row[1], out int b))
            {
                throw new InvalidDataException($"{path}: bad pair '{line}'.");
            }

            var development2 = WordTable.Build(corpus, a, b, Rescoring.IsDevelopmentTrainingLine);
            var heldOut = WordTable.Build(corpus, a, b, i => !Rescoring.IsDevelopmentTrainingLine(i));
            double bestLoss = double.MaxValue;
            double bestLambda = Lambdas[0];
            var losses = new List<string>();
            (Dictionary<uint, double> Weights, double Intercept) devFit = ([], 0);
            foreach (double lambda in Lambdas)
            {
                var fit = Regress(development2, lambda);
                double loss = LogLoss(heldOut, fit.Weights, fit.Intercept);
                losses.Add(loss.ToString("F4", CultureInfo.InvariantCulture));
                if (loss < bestLoss - 1e-9)
                {
                    bestLoss = loss;
                    bestLambda = lambda;
                    devFit = fit;
                }
            }

            devFit = Regress(development2, bestLambda, Largest(devFit.Weights));
            PairCorrections.Pair devPair = Quantize(a, b, devFit.Weights, devFit.Intercept, new float[PairCorrections.Buckets]);
            List<Sample> texts = Samples(detector, devPair, samples, corpus, variants);
            List<Example> examples = WithCap(devPair, texts, float.PositiveInfinity);
            for (int bucket = 0; bucket < PairCorrections.Buckets; bucket++)
            {
                List<Example> set = examples.FindAll(e => e.Bucket == bucket);
                List<Example> fit = set.FindAll(e => !e.Validation);
                List<Example> validation = set.FindAll(e => e.Validation);
                if (Enough(set, 10) && Enough(fit, 5) && Enough(validation, 5))
                {
                    for (int k = 0; k < MarginLambdas.Length; k++)
                    {
                        (double alpha, double beta) = FitBucket(fit, MarginLambdas[k]);
                        validationLoss[bucket, k] += LogLoss(validation, alpha, beta);
                    }
                }
            }

            candidates.Add((row[0], row[1], a, b, bestLambda, string.Join('/', losses), devPair, texts));
        }

        // The margin factor's pull towards 1: one per bucket, chosen on the validation fifths of all pairs together
        // (the validation sets of single pairs are too small to choose it alone).
        var marginLambda = new double[PairCorrections.Buckets];
        for (int bucket = 0; bucket < PairCorrections.Buckets; bucket++)
        {
            int best = MarginLambdas.Length - 1;
            for (int k = 0; k < MarginLambdas.Length; k++)
            {
                if (validationLoss[bucket, k] < validationLoss[bucket, best] - 1e-9)
                {
                    best = k;
                }
            }

            marginLambda[bucket] = MarginLambdas[best];
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  margin pull per bucket (pooled validation): {string.Join(", ", marginLambda)}"));
        foreach (var c in candidates)
        {
            (float[] scales, float[] margins, float cap, string report) = ChooseCap(c.DevPair, c.Texts, marginLambda);
            if (Array.TrueForAll(scales, x => x <= 0) && Array.TrueForAll(margins, x => x == 1))
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.First}/{c.Second}: dropped (no scale > 0); {report}"));
                continue;
            }

            WordTable all = WordTable.Build(corpus, c.A, c.B, _ => true);
            var final = Regress(all, c.Lambda);
            final = Regress(all, c.Lambda, Largest(final.Weights));
            PairCorrections.Pair pair = Quantize(c.A, c.B, final.Weights, final.Intercept, scales, cap, margins);
            pairs.Add(pair);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.First}/{c.Second}: {all.Types.Count} types, loss {c.Losses} → lambda {c.Lambda}, {pair.Keys.Length} weights; {report}"));
        }

        return pairs.Count == 0 ? null : new PairCorrections(pairs);
    }

    /// <summary>The <see cref="MaxWeights"/> features of largest absolute weight (ties by key).</summary>
    private static HashSet<uint> Largest(Dictionary<uint, double> weights)
    {
        var order = new List<KeyValuePair<uint, double>>(weights);
        order.Sort((x, y) => Math.Abs(y.Value) != Math.Abs(x.Value) ? Math.Abs(y.Value).CompareTo(Math.Abs(x.Value)) : x.Key.CompareTo(y.Key));
        var kept = new HashSet<uint>();
        for (int i = 0; i < order.Count && i < MaxWeights; i++)
        {
            kept.Add(order[i].Key);
        }

        return kept;
    }

    /// <summary>The held-out short texts the development layer puts in this pair (first and second).</summary>
    private static List<Sample> Samples(LanguageDetector detector, PairCorrections.Pair pair, Dictionary<int, List<(string Text, bool Validation)>> cache, Corpus corpus, ScriptVariants variants)
    {
        var texts = new List<Sample>();
        var scores = new double[LanguageModel.Lanes];
        foreach ((int lane, int label) in new[] { (pair.LaneA, 1), (pair.LaneB, 0) })
        {
            if (!cache.TryGetValue(lane, out List<(string, bool)>? list))
            {
                cache[lane] = list = [.. Rescoring.HeldOutSamples(corpus, lane, variants)];
            }

            foreach ((string text, bool validation) in list)
            {
                int words = detector.ShortTextScores(text, detector.AllCandidates, scores, out uint lanes);
                if (words <= 0 || !TopTwo(scores, lanes, pair.LaneA, pair.LaneB))
                {
                    continue;
                }

                texts.Add(new Sample(PairCorrections.BucketOf(words), scores[pair.LaneA] - scores[pair.LaneB], text, label, validation));
            }
        }

        return texts;
    }

    /// <summary>The samples with their summed word log-odds, each word's capped at <paramref name="cap"/>.</summary>
    private static List<Example> WithCap(PairCorrections.Pair pair, List<Sample> texts, float cap) =>
        texts.ConvertAll(t => new Example(t.Bucket, t.Layer, PairCorrections.LogOdds(pair, t.Text, cap, out _), t.Label, t.Validation));

    /// <summary>
    /// The cap of a word's log-odds (<see cref="Caps"/>) and, per bucket, the margin factor and scale fitted with it: the
    /// cap with the lowest class-balanced log-loss summed over the buckets is kept (no cap on a tie).
    /// </summary>
    private static (float[] Scales, float[] Margins, float Cap, string Report) ChooseCap(PairCorrections.Pair pair, List<Sample> texts, double[] marginLambda)
    {
        (float[] Scales, float[] Margins, string Report) best = default;
        double bestLoss = double.MaxValue;
        float bestCap = float.PositiveInfinity;
        var losses = new List<string>();
        foreach (float cap in Caps)
        {
            List<Example> examples = WithCap(pair, texts, cap);
            var scales = new float[PairCorrections.Buckets];
            float[] margins = [1, 1, 1];
            var report = new List<string>();
            double loss = 0;
            for (int bucket = 0; bucket < PairCorrections.Buckets; bucket++)
            {
                List<Example> set = examples.FindAll(e => e.Bucket == bucket);
                if (!Enough(set, 10))
                {
                    report.Add(string.Create(CultureInfo.InvariantCulture, $"{bucket}: {set.Count} (too few)"));
                    continue;
                }

                (double alpha, double beta) = FitBucket(set, marginLambda[bucket]);
                loss += LogLoss(set, alpha, beta);
                scales[bucket] = (float)beta;
                margins[bucket] = (float)alpha;
                (double wp, double wn) = ClassWeights(set);
                report.Add(string.Create(CultureInfo.InvariantCulture, $"{bucket}: {set.Count}, {100 * Accuracy(set, 1, 0, wp, wn):F1} → {100 * Accuracy(set, alpha, beta, wp, wn):F1} %, margin {alpha:F3}, scale {beta:F3}"));
            }

            losses.Add(string.Create(CultureInfo.InvariantCulture, $"{cap}: {loss:F4}"));
            if (loss < bestLoss - 1e-6)
            {
                bestLoss = loss;
                bestCap = cap;
                best = (scales, margins, string.Join("; ", report));
            }
        }

        return (best.Scales!, best.Margins!, bestCap, string.Create(CultureInfo.InvariantCulture, $"cap {bestCap} (loss {string.Join(", ", losses)}); {best.Report}"));
    }

    /// <summary>Whether a set has at least <paramref name="count"/> examples of each class.</summary>
    private static bool Enough(List<Example> set, int count)
    {
        int positives = set.Count(e => e.Label == 1);
        return positives >= count && set.Count - positives >= count;
    }

    private static (double Positive, double Negative) ClassWeights(List<Example> set)
    {
        int positives = set.Count(e => e.Label == 1);
        return (0.5 / Math.Max(1, positives), 0.5 / Math.Max(1, set.Count - positives));
    }

    /// <summary>Class-balanced logistic fit of the margin factor (<see cref="MinMargin"/>…1, L2 pull <paramref name="lambda"/> towards 1;
    /// fixed at 1 unless <paramref name="fitMargin"/>) and the scale (≥ 0) of the summed log-odds.</summary>
    private static (double Alpha, double Beta) FitBucket(List<Example> set, double lambda, bool fitMargin = true)
    {
        (double wp, double wn) = ClassWeights(set);
        double alpha = 1, beta = 0;
        double ma = 0, va = 0, mb = 0, vb = 0;
        for (int t = 1; t <= 2000; t++)
        {
            double ga = lambda * (alpha - 1), gb = 1e-3 * beta;
            foreach (Example e in set)
            {
                double p = 1 / (1 + Math.Exp(-((alpha * e.Layer) + (beta * e.Odds))));
                double d = (e.Label == 1 ? wp : wn) * (p - e.Label);
                ga += d * e.Layer;
                gb += d * e.Odds;
            }

            if (fitMargin)
            {
                Adam(ref alpha, ga, ref ma, ref va, t);
                alpha = Math.Clamp(alpha, MinMargin, 1);
            }

            Adam(ref beta, gb, ref mb, ref vb, t);
            beta = Math.Max(0, beta);
        }

        return (alpha, beta);
    }

    private static double LogLoss(List<Example> set, double alpha, double beta)
    {
        (double wp, double wn) = ClassWeights(set);
        double loss = 0;
        foreach (Example e in set)
        {
            double p = Math.Clamp(1 / (1 + Math.Exp(-((alpha * e.Layer) + (beta * e.Odds)))), 1e-9, 1 - 1e-9);
            loss -= (e.Label == 1 ? wp : wn) * Math.Log(e.Label == 1 ? p : 1 - p);
        }

        return loss;
    }

    /// <summary>A held-out short text the layer puts in the pair: its bucket, the layer's margin (first − second
    /// language), the summed word log-odds, the label (1 = first language) and whether it is in the validation fifth.</summary>
    private sealed record Example(int Bucket, double Layer, double Odds, int Label, bool Validation);

    /// <summary>A held-out short text the layer puts in the pair, before its log-odds are summed.</summary>
    private sealed record Sample(int Bucket, double Layer, string Text, int Label, bool Validation);

    private static double Accuracy(List<Example> set, double alpha, double beta, double wp, double wn)
    {
        double right = 0;
        foreach (var e in set)
        {
            bool first = (alpha * e.Layer) + (beta * e.Odds) > 0;
            if (first == (e.Label == 1))
            {
                right += e.Label == 1 ? wp : wn;
            }
        }

        return right;
    }

    private static bool TopTwo(double[] scores, uint lanes, int a, int b)
    {
        double floor = Math.Min(scores[a], scores[b]);
        if (double.IsNegativeInfinity(floor))
        {
            return false;
        }

        for (uint r = lanes; r != 0; r &= r - 1)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(r);
            if (lane != a && lane != b && scores[lane] > floor)
            {
                return false;
            }
        }

        return true;
    }

    private static void Adam(ref double p, double g, ref double m, ref double v, int t)
    {
        const double Rate = 0.02, Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
        m = (Beta1 * m) + ((1 - Beta1) * g);
        v = (Beta2 * v) + ((1 - Beta2) * g * g);
        p -= Rate * (m / (1 - Math.Pow(Beta1, t))) / (Math.Sqrt(v / (1 - Math.Pow(Beta2, t))) + Epsilon);
    }

    /// <summary>Weights on a step of max |w| / 127, zeros dropped, keys ascending.</summary>
    private static PairCorrections.Pair Quantize(int a, int b, Dictionary<uint, double> weights, double intercept, float[] scales, float cap = float.PositiveInfinity, float[]? margins = null)
    {
        double max = 1e-9;
        foreach (double w in weights.Values)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        float step = (float)(max / 127);
        var kept = new List<(uint Key, sbyte Weight)>();
        foreach ((uint key, double w) in weights)
        {
            int q = (int)Math.Round(w / step);
            if (q != 0)
            {
                kept.Add((key, (sbyte)Math.Clamp(q, -127, 127)));
            }
        }

        kept.Sort((x, y) => x.Key.CompareTo(y.Key));
        return new PairCorrections.Pair(a, b, [.. kept.Select(k => k.Key)], [.. kept.Select(k => k.Weight)], step, (float)intercept, scales, cap, margins);
    }

    private static double LogLoss(WordTable table, Dictionary<uint, double> weights, double intercept)
    {
        double loss = 0, total = 0;
        foreach (WordType t in table.Types)
        {
            double z = intercept;
            foreach (uint key in t.Keys)
            {
                z += weights.GetValueOrDefault(key);
            }

            double p = Math.Clamp(1 / (1 + Math.Exp(-z)), 1e-9, 1 - 1e-9);
            loss -= t.Weight * ((t.Target * Math.Log(p)) + ((1 - t.Target) * Math.Log(1 - p)));
            total += t.Weight;
        }

        return loss / total;
    }

    /// <summary>Weighted logistic regression with soft targets and L2, Adam, full batch.</summary>
    private static (Dictionary<uint, double> Weights, double Intercept) Regress(WordTable table, double lambda, HashSet<uint>? only = null)
    {
        var index = new Dictionary<uint, int>();
        var rows = new int[table.Types.Count][];
        for (int i = 0; i < table.Types.Count; i++)
        {
            var row = new List<int>();
            foreach (uint key in table.Types[i].Keys)
            {
                if (only is not null && !only.Contains(key))
                {
                    continue;
                }

                if (!index.TryGetValue(key, out int f))
                {
                    index[key] = f = index.Count;
                }

                row.Add(f);
            }

            rows[i] = [.. row];
        }

        double total = 0;
        foreach (WordType t in table.Types)
        {
            total += t.Weight;
        }

        int n = index.Count + 1; // last = intercept
        var w = new double[n];
        var m = new double[n];
        var v = new double[n];
        var g = new double[n];
        for (int it = 1; it <= Iterations; it++)
        {
            Array.Clear(g);
            for (int i = 0; i < rows.Length; i++)
            {
                double z = w[n - 1];
                foreach (int f in rows[i])
                {
                    z += w[f];
                }

                WordType t = table.Types[i];
                double d = t.Weight / total * ((1 / (1 + Math.Exp(-z))) - t.Target);
                g[n - 1] += d;
                foreach (int f in rows[i])
                {
                    g[f] += d;
                }
            }

            for (int f = 0; f < n; f++)
            {
                Adam(ref w[f], g[f] + (f < n - 1 ? lambda * w[f] : 0), ref m[f], ref v[f], it);
            }
        }

        var weights = new Dictionary<uint, double>(index.Count);
        foreach ((uint key, int f) in index)
        {
            weights[key] = w[f];
        }

        return (weights, w[n - 1]);
    }

    /// <summary>One word type with its feature keys, target (share of the first language) and weight.</summary>
    private sealed record WordType(uint[] Keys, double Target, double Weight);

    /// <summary>The word types of two languages' lines (and their diacritic-less copies), class-balanced.</summary>
    private sealed class WordTable
    {
        public List<WordType> Types { get; } = [];

        public static WordTable Build(Corpus corpus, int a, int b, Func<int, bool> useLine)
        {
            Dictionary<string, int> countsA = Count(corpus, a, useLine, out long totalA);
            Dictionary<string, int> countsB = Count(corpus, b, useLine, out long totalB);
            var words = new SortedSet<string>(countsA.Keys, StringComparer.Ordinal);
            words.UnionWith(countsB.Keys);
            var table = new WordTable();
            var sink = new KeySink();
            foreach (string word in words)
            {
                int na = countsA.GetValueOrDefault(word);
                int nb = countsB.GetValueOrDefault(word);
                double pa = na / (double)Math.Max(1, totalA);
                double pb = nb / (double)Math.Max(1, totalB);
                sink.Keys.Clear();
                NGramFeaturizer.Run(word, ref sink);
                table.Types.Add(new WordType([.. sink.Keys], pa / (pa + pb), Math.Log(1 + na + nb)));
            }

            return table;
        }

        private static Dictionary<string, int> Count(Corpus corpus, int lane, Func<int, bool> useLine, out long total)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var sink = new WordSink(counts);
            int index = -1;
            foreach (string line in corpus.CommercialLines(corpus.Languages[lane]))
            {
                index++;
                if (!useLine(index))
                {
                    continue;
                }

                NGramFeaturizer.Run(line, ref sink);
            }

            total = sink.Total;
            return counts;
        }
    }

    private struct WordSink(Dictionary<string, int> counts) : IFeatureSink
    {
        public long Total { get; private set; }

        public bool BeginWord(ReadOnlySpan<char> padded)
        {
            string word = new(padded[1..^1]);
            counts[word] = counts.GetValueOrDefault(word) + 1;
            Total++;

            // Words that lost their diacritics (folded and dropped), as in the n-gram training.
            foreach (string copy in DiacriticLoss.Copies(word))
            {
                counts[copy] = counts.GetValueOrDefault(copy) + 1;
            }

            return false;
        }

        public readonly void Add(uint key, int order)
        {
        }

        public readonly bool EndWord() => true;
    }

    private struct KeySink() : IFeatureSink
    {
        public List<uint> Keys { get; } = [];

        public readonly bool BeginWord(ReadOnlySpan<char> padded) => true;

        public readonly void Add(uint key, int order) => Keys.Add(key);

        public readonly bool EndWord() => true;
    }
}
