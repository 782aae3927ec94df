using System.Globalization;
using System.Text;
using Diplomacy.Extraction.Entities;
using Diplomacy.Extraction.Tests.Infrastructure;
using Diplomacy.Extraction.Text;
using Xunit.Abstractions;

namespace Diplomacy.Extraction.Tests.Entities;

/// <summary>
/// Secondary measure on others' NER data (../shared/corpora/ner, research use, read at run time only):
/// entity-level exact-span F1 for PER, LOC, ORG. Persons map to PER; states written as names, metonyms, places
/// and regions to LOC; organizations to ORG; roles and state adjectives (MISC / LOCderiv in these sets) are not scored.
/// The numbers are printed (run with --logger "console;verbosity=detailed") and recorded in docs/entities.md.
/// </summary>
public sealed class NerBenchmarkTests(ITestOutputHelper output)
{
    private static readonly string[] Types = ["PER", "LOC", "ORG"];

    [SharedTheory]
    [InlineData("conll2003-en/valid.txt", "en")]
    [InlineData("wikiann/en/dev.txt", "en")]
    [InlineData("wikiann/de/dev.txt", "de")]
    [InlineData("germeval2014-de/NER-de-dev.tsv", "de")]
    public void Reports_PER_LOC_ORG_F1(string file, string language)
    {
        string path = Path.Combine(RepoPaths.Shared!, "corpora", "ner", file);
        if (!File.Exists(path))
        {
            output.WriteLine($"{file}: absent");
            return;
        }

        var counts = Types.ToDictionary(t => t, _ => new int[3]); // tp, fp, fn
        int sentences = 0;
        foreach ((string text, List<(int Start, int End, string Type)> gold) in ReadSentences(path))
        {
            sentences++;
            var tokens = new List<Token>();
            foreach (Token t in Tokenizer.Enumerate(text))
            {
                tokens.Add(t);
            }

            var found = new List<RecognizedEntity>();
            EntityRecognizer.Default.Recognize(text, tokens.ToArray(), language, found);
            var predicted = new HashSet<(int, int, string)>();
            foreach (RecognizedEntity e in found)
            {
                string? type = e.Type switch
                {
                    EntityType.Person => "PER",
                    EntityType.Organization => "ORG",
                    EntityType.State when !e.IsAdjective && !e.IsPart => "LOC",
                    EntityType.Place when !e.IsPart => "LOC",
                    _ => null,
                };
                if (type is not null)
                {
                    predicted.Add((e.Span.Start, e.Span.End, type));
                }
            }

            var goldSet = new HashSet<(int, int, string)>();
            foreach (var g in gold)
            {
                if (counts.ContainsKey(g.Type))
                {
                    goldSet.Add((g.Start, g.End, g.Type));
                }
            }

            foreach (var p in predicted)
            {
                counts[p.Item3][goldSet.Contains(p) ? 0 : 1]++;
            }

            foreach (var g in goldSet)
            {
                if (!predicted.Contains(g))
                {
                    counts[g.Item3][2]++;
                }
            }
        }

        var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{file} ({sentences} sentences):"));
        int tp = 0, fp = 0, fn = 0;
        foreach (string t in Types)
        {
            int[] c = counts[t];
            tp += c[0];
            fp += c[1];
            fn += c[2];
            line.Append(CultureInfo.InvariantCulture, $" {t} P {P(c[0], c[1]):F3} R {P(c[0], c[2]):F3} F1 {F(c[0], c[1], c[2]):F3};");
        }

        line.Append(CultureInfo.InvariantCulture, $" micro P {P(tp, fp):F3} R {P(tp, fn):F3} F1 {F(tp, fp, fn):F3}");
        output.WriteLine(line.ToString());
        Assert.True(sentences > 100, "the data set should have been read");
        Assert.True(P(tp, fp) > 0.5, line.ToString());
    }

    private static double P(int tp, int other) => tp + other == 0 ? 0 : (double)tp / (tp + other);

    private static double F(int tp, int fp, int fn)
    {
        double p = P(tp, fp), r = P(tp, fn);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>Reads CoNLL-like files: one token per line with its tag in the last column (GermEval: third), blank lines between sentences.</summary>
    private static IEnumerable<(string Text, List<(int Start, int End, string Type)> Gold)> ReadSentences(string path)
    {
        bool germEval = path.EndsWith(".tsv", StringComparison.Ordinal);
        var text = new StringBuilder();
        var gold = new List<(int Start, int End, string Type)>();
        string? openType = null;
        int openStart = 0, lastEnd = 0;
        foreach (string raw in File.ReadLines(path))
        {
            if (raw.Length == 0 || raw.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (openType is not null)
                {
                    gold.Add((openStart, lastEnd, openType));
                    openType = null;
                }

                if (text.Length > 0)
                {
                    yield return (text.ToString(), gold);
                }

                text.Clear();
                gold = [];
                continue;
            }

            if (germEval && raw.StartsWith('#'))
            {
                continue;
            }

            string[] cols = raw.Split(germEval ? '\t' : (raw.Contains('\t', StringComparison.Ordinal) ? '\t' : ' '));
            string token = germEval ? cols[1] : cols[0];
            string tag = germEval ? cols[2] : cols[^1];
            int colon = token.IndexOf(':', StringComparison.Ordinal);
            if (!germEval && cols.Length == 2 && colon == 2)
            {
                token = token[3..]; // WikiANN "en:token"
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            int start = text.Length;
            text.Append(token);
            string type = tag.Length > 2 ? tag[2..] : string.Empty;
            bool begins = tag.StartsWith("B-", StringComparison.Ordinal) || (tag.StartsWith("I-", StringComparison.Ordinal) && openType != type);
            if (openType is not null && (tag == "O" || begins))
            {
                gold.Add((openStart, lastEnd, openType));
                openType = null;
            }

            if (begins)
            {
                openType = type;
                openStart = start;
            }

            lastEnd = text.Length;
        }

        if (openType is not null)
        {
            gold.Add((openStart, lastEnd, openType));
        }

        if (text.Length > 0)
        {
            yield return (text.ToString(), gold);
        }
    }
}
