using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Diplomacy.Extraction.Normalization;

namespace Diplomacy.Extraction.Benchmarks;

/// <summary>
/// The normalizer on clean text (the fast path: nothing to fix) and on broken text (seed 001's mojibake and
/// invisible characters, plus entities and junk lines), against a naive baseline of NFC + regex whitespace folding.
/// <c>raw</c> is the same Reuters texts as they come (hard-wrapped lines, 4-space paragraph indents: the near-clean path).
/// Throughput is reported in characters per second (characters / mean time).
/// </summary>
[MemoryDiagnoser]
public partial class NormalizerBenchmarks
{
    private string _text = "";

    [Params("clean", "raw", "broken")]
    public string Input { get; set; } = "clean";

    [GeneratedRegex(@"[ \t]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder();
        if (Input == "clean")
        {
            // normalized once, so there is nothing left to fix: this measures the fast path
            sb.Append(TextNormalizer.Normalize(string.Join("\n\n", BenchmarkData.NewsTexts("reuters21578.jsonl", 3000)), null, []).Text);
        }
        else if (Input == "raw")
        {
            sb.Append(string.Join("\n\n", BenchmarkData.NewsTexts("reuters21578.jsonl", 3000)));
        }
        else
        {
            string broken = File.ReadAllText(Path.Combine(BenchmarkData.RepoRoot, "seeds", "001_4fe0a1b7580e215e.txt"));
            while (sb.Length < 2_000_000)
            {
                sb.Append(broken).Append("\nAT&amp;T&#8217;s\u00A0talks\u200B\n. . . $ $ $\n\n");
            }
        }

        _text = sb.ToString();
        Console.Error.WriteLine($"// {Input}: {_text.Length:N0} characters");
    }

    [Benchmark(Baseline = true, Description = "NFC + regex space folding (baseline)")]
    public int Baseline() => Spaces().Replace(_text.Normalize(NormalizationForm.FormC), " ").Length;

    [Benchmark(Description = "TextNormalizer")]
    public int Normalize() => TextNormalizer.Normalize(_text, null, []).Text.Length;
}
