using System.Globalization;
using Diplomacy.Extraction.LanguageDetection;

namespace Diplomacy.Extraction.LangIdTrainer;

/// <summary>
/// Fits the short-text layer (<see cref="ShortTextRescorer"/>) by stacking: a development model is trained on nine
/// tenths of every language's commercial-use lines; the held-out tenth is cut into short texts (one content word, two
/// words, windows of 3, 4–6 and 7–12 words, whole sentences), scored by the development model, and a multinomial
/// logistic regression per length bucket learns how to weigh the n-gram features. Classes are balanced (every language
/// weighs the same in every bucket): the layer estimates likelihoods, the language priors are added at detection time.
/// The regularization strength is chosen per bucket on a validation fifth of the held-out lines. Deterministic.
/// Only commercial-use training lines are read; the test sets are never seen.
/// </summary>
internal static class Rescoring
{
    /// <summary>Every <c>HeldOutEvery</c>-th commercial line is held out of the development model.</summary>
    private const int HeldOutEvery = 10;

    /// <summary>Held-out lines used per language (at most).</summary>
    private const int MaxLinesPerLanguage = 500;

    /// <summary>Share of Latin-script examples replaced by a copy without diacritics (as in the n-gram training).</summary>
    private const double DiacriticLossShare = 0.15;

    /// <summary>Share of examples of a two-script language given in its second script.</summary>
    private const double VariantShare = 0.5;

    private const int Iterations = 250;
    private static readonly double[] Lambdas = [0.0003, 0.003, 0.03];

    /// <summary>Regularization of the per-language weight corrections.</summary>
    private static readonly double[] LaneLambdas = [0.003, 0.03, 0.3];

    /// <summary>Parameters: shared weights, per-lane weight corrections, per-lane biases.</summary>
    private const int LaneWeights = F;
    private const int BiasOffset = F + (Lanes * F);
    private const int ParameterCount = BiasOffset + Lanes;

    /// <summary>Contiguous windows cut from each sentence (min and max words).</summary>
    private static readonly (int Min, int Max)[] Windows = [(3, 3), (4, 6), (7, 12)];

    private const int F = ShortTextRescorer.FeatureCount;
    private const int Lanes = LanguageModel.Lanes;

    /// <summary>Whether the development model may train on the commercial line with this index.</summary>
    public static bool IsDevelopmentTrainingLine(int index) => index % HeldOutEvery != HeldOutEvery - 1;

    public static ShortTextRescorer Fit(LanguageModel developmentModel, Corpus corpus, string configDir, TextWriter log)
    {
        var detector = new LanguageDetector(developmentModel);
        List<Example> examples = BuildExamples(detector, corpus, ScriptVariants.Load(Path.Combine(configDir, "script-variants.tsv")));
        var weights = new float[ShortTextRescorer.Buckets * Lanes * F];
        var biases = new float[ShortTextRescorer.Buckets * Lanes];
        log.WriteLine("short-text layer (validation on held-out commercial lines): bucket, examples, n-gram model → layer accuracy, lambda");
        for (int bucket = 0; bucket < ShortTextRescorer.Buckets; bucket++)
        {
            List<Example> all = examples.FindAll(e => e.Bucket == bucket);
            List<Example> fit = all.FindAll(e => !e.Validation);
            List<Example> validation = all.FindAll(e => e.Validation);
            double[] start = Start();
            double baseline = Accuracy(validation, start);
            double bestAccuracy = -1;
            (double Shared, double Lane) best = (Lambdas[0], LaneLambdas[0]);
            foreach (double lambda in Lambdas)
            {
                foreach (double laneLambda in LaneLambdas)
                {
                    double accuracy = Accuracy(validation, Train(fit, lambda, laneLambda));
                    if (accuracy > bestAccuracy + 1e-9)
                    {
                        bestAccuracy = accuracy;
                        best = (lambda, laneLambda);
                    }
                }
            }

            double[] final = Train(all, best.Shared, best.Lane);
            for (int lane = 0; lane < Lanes; lane++)
            {
                for (int k = 0; k < F; k++)
                {
                    weights[(((bucket * Lanes) + lane) * F) + k] = (float)(final[k] + final[LaneWeights + (lane * F) + k]);
                }

                biases[(bucket * Lanes) + lane] = (float)final[BiasOffset + lane];
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bucket}: {all.Count,6} examples, {100 * baseline:F2} → {100 * bestAccuracy:F2} %, lambda {best.Shared}/{best.Lane}; shared weights {string.Join(' ', final[..F].Select(w => w.ToString("F3", CultureInfo.InvariantCulture)))}"));
        }

        return new ShortTextRescorer(weights, biases);
    }

    private static List<Example> BuildExamples(LanguageDetector detector, Corpus corpus, ScriptVariants variants)
    {
        var examples = new List<Example>();
        var features = new float[Lanes * F];
        for (int lane = 0; lane < corpus.Languages.Count; lane++)
        {
            foreach ((string sample, bool validation) in HeldOutSamples(corpus, lane, variants))
            {
                Array.Clear(features);
                int words = detector.ShortTextFeatures(sample, detector.AllCandidates, features, out uint lanes);
                if (words <= 0 || (lanes & (1u << lane)) == 0)
                {
                    continue;
                }

                examples.Add(new Example(lane, ShortTextRescorer.BucketOf(words), lanes, (float[])features.Clone(), validation));
            }
        }

        // Balanced classes: every language weighs the same in every bucket.
        var counts = new Dictionary<(int, int), int>();
        foreach (Example e in examples)
        {
            counts[(e.Lane, e.Bucket)] = counts.GetValueOrDefault((e.Lane, e.Bucket)) + 1;
        }

        foreach (Example e in examples)
        {
            e.Weight = 1.0 / counts[(e.Lane, e.Bucket)];
        }

        return examples;
    }

    /// <summary>
    /// The short texts cut from the held-out commercial lines of one language (at most <see cref="MaxLinesPerLanguage"/>
    /// lines spread over the file), some without diacritics or in the language's second script, each marked whether it
    /// belongs to the validation fifth. Deterministic.
    /// </summary>
    public static IEnumerable<(string Text, bool Validation)> HeldOutSamples(Corpus corpus, int lane, ScriptVariants variants)
    {
        CorpusLanguage language = corpus.Languages[lane];
        var random = new Random(1000 + lane);
        var held = new List<string>();
        int index = -1;
        foreach (string line in corpus.CommercialLines(language))
        {
            index++;
            if (!IsDevelopmentTrainingLine(index))
            {
                held.Add(line);
            }
        }

        // An even spread over the file (sources come in blocks), deterministic.
        var picked = new List<string>();
        double step = Math.Max(1.0, held.Count / (double)MaxLinesPerLanguage);
        for (double i = 0; i < held.Count && picked.Count < MaxLinesPerLanguage; i += step)
        {
            picked.Add(held[(int)i]);
        }

        bool hasVariant = variants.ChangesScript(language.Code);
        for (int l = 0; l < picked.Count; l++)
        {
            bool validation = l % 5 == 4;
            foreach (string text in Texts(picked[l], random))
            {
                string sample = text;
                if (hasVariant && random.NextDouble() < VariantShare)
                {
                    sample = variants.Transliterate(language.Code, sample);
                }
                else if (random.NextDouble() < DiacriticLossShare)
                {
                    List<string> copies = [.. DiacriticLoss.Copies(sample)];
                    if (copies.Count > 0)
                    {
                        sample = copies[random.Next(copies.Count)];
                    }
                }

                yield return (sample, validation);
            }
        }
    }

    /// <summary>The short texts cut from one sentence.</summary>
    private static IEnumerable<string> Texts(string line, Random random)
    {
        var tokens = new List<string>();
        foreach (string raw in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            int start = 0, end = raw.Length;
            while (start < end && !char.IsLetter(raw[start]))
            {
                start++;
            }

            while (end > start && !char.IsLetter(raw[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                tokens.Add(raw[start..end]);
            }
        }

        if (tokens.Count == 0)
        {
            yield break;
        }

        // Short queries are mostly content words: one word of 4+ letters, two words of 3+ letters (kept in order).
        List<int> content = Indexes(tokens, 4);
        for (int n = 0; n < 2 && content.Count > 0; n++)
        {
            yield return tokens[content[random.Next(content.Count)]];
        }

        List<int> longer = Indexes(tokens, 3);
        for (int n = 0; n < 2 && longer.Count >= 2; n++)
        {
            int a = random.Next(longer.Count);
            int b = random.Next(longer.Count - 1);
            if (b >= a)
            {
                b++;
            }

            yield return $"{tokens[longer[Math.Min(a, b)]]} {tokens[longer[Math.Max(a, b)]]}";
        }

        foreach ((int min, int max) in Windows)
        {
            if (tokens.Count >= min)
            {
                int length = random.Next(min, Math.Min(max, tokens.Count) + 1);
                int first = random.Next(tokens.Count - length + 1);
                yield return string.Join(' ', tokens.GetRange(first, length));
            }
        }

        if (line.Length <= 256 && tokens.Count >= 4)
        {
            yield return line;
        }
    }

    private static List<int> Indexes(List<string> tokens, int minLetters)
    {
        var result = new List<int>();
        for (int i = 0; i < tokens.Count; i++)
        {
            int letters = 0;
            foreach (char c in tokens[i])
            {
                if (char.IsLetter(c))
                {
                    letters++;
                }
            }

            if (letters >= minLetters)
            {
                result.Add(i);
            }
        }

        return result;
    }

    /// <summary>The starting point: the n-gram model's own decision (capped votes at temperature 5), no biases.</summary>
    private static double[] Start()
    {
        var p = new double[ParameterCount];
        p[0] = -0.2;
        return p;
    }

    private static double Accuracy(List<Example> examples, double[] p)
    {
        double right = 0, total = 0;
        foreach (Example e in examples)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (uint r = e.Lanes; r != 0; r &= r - 1)
            {
                int lane = System.Numerics.BitOperations.TrailingZeroCount(r);
                double s = Score(e, lane, p);
                if (s > bestScore)
                {
                    bestScore = s;
                    best = lane;
                }
            }

            total += e.Weight;
            if (best == e.Lane)
            {
                right += e.Weight;
            }
        }

        return total == 0 ? 0 : right / total;
    }

    private static double Score(Example e, int lane, double[] p)
    {
        double s = p[BiasOffset + lane];
        int o = lane * F;
        for (int k = 0; k < F; k++)
        {
            s += (p[k] + p[LaneWeights + o + k]) * e.Features[o + k];
        }

        return s;
    }

    /// <summary>Weighted multinomial logistic regression (softmax over each example's candidate lanes), Adam, full batch.</summary>
    private static double[] Train(List<Example> examples, double lambda, double laneLambda)
    {
        double[] start = Start();
        double[] p = (double[])start.Clone();
        var m = new double[p.Length];
        var v = new double[p.Length];
        var grad = new double[p.Length];
        var scores = new double[Lanes];
        double totalWeight = 0;
        foreach (Example e in examples)
        {
            totalWeight += e.Weight;
        }

        if (totalWeight == 0)
        {
            return p;
        }

        const double Rate = 0.02, Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
        for (int t = 1; t <= Iterations; t++)
        {
            Array.Clear(grad);
            foreach (Example e in examples)
            {
                double max = double.NegativeInfinity;
                for (uint r = e.Lanes; r != 0; r &= r - 1)
                {
                    int lane = System.Numerics.BitOperations.TrailingZeroCount(r);
                    scores[lane] = Score(e, lane, p);
                    max = Math.Max(max, scores[lane]);
                }

                double sum = 0;
                for (uint r = e.Lanes; r != 0; r &= r - 1)
                {
                    int lane = System.Numerics.BitOperations.TrailingZeroCount(r);
                    scores[lane] = Math.Exp(scores[lane] - max);
                    sum += scores[lane];
                }

                double w = e.Weight / totalWeight;
                for (uint r = e.Lanes; r != 0; r &= r - 1)
                {
                    int lane = System.Numerics.BitOperations.TrailingZeroCount(r);
                    double g = w * ((scores[lane] / sum) - (lane == e.Lane ? 1 : 0));
                    grad[BiasOffset + lane] += g;
                    int o = lane * F;
                    for (int k = 0; k < F; k++)
                    {
                        double gk = g * e.Features[o + k];
                        grad[k] += gk;
                        grad[LaneWeights + o + k] += gk;
                    }
                }
            }

            for (int i = 0; i < p.Length; i++)
            {
                double g = grad[i] + ((i >= LaneWeights && i < BiasOffset ? laneLambda : lambda) * (p[i] - start[i]));
                m[i] = (Beta1 * m[i]) + ((1 - Beta1) * g);
                v[i] = (Beta2 * v[i]) + ((1 - Beta2) * g * g);
                double mh = m[i] / (1 - Math.Pow(Beta1, t));
                double vh = v[i] / (1 - Math.Pow(Beta2, t));
                p[i] -= Rate * mh / (Math.Sqrt(vh) + Epsilon);
            }
        }

        return p;
    }

    private sealed class Example(int lane, int bucket, uint lanes, float[] features, bool validation)
    {
        public int Lane { get; } = lane;

        public int Bucket { get; } = bucket;

        public uint Lanes { get; } = lanes;

        public float[] Features { get; } = features;

        public bool Validation { get; } = validation;

        public double Weight { get; set; }
    }
}
