using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Benchmarks;

/// <summary>
/// The hot tokenization path: our allocation-free tokenizer and sentence splitter against a
/// <see cref="Regex"/>-based word/punctuation tokenizer (the baseline) on the same text.
/// </summary>
[MemoryDiagnoser]
public partial class TokenizerBenchmarks
{
    private string _text = "";
    private SentenceRules _rules = null!;

    [Params("seeds", "reuters-200", "reuters")]
    public string Corpus { get; set; } = "seeds";

    [GeneratedRegex(@"\w+(?:[-'’.]\w+)*|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex BaselineTokenRegex();

    [GlobalSetup]
    public void Setup()
    {
        _text = Corpus switch
        {
            "seeds" => BenchmarkData.Seeds(),
            "reuters-200" => string.Join("\n\n", BenchmarkData.NewsTexts("reuters21578.jsonl", 200)),
            _ => string.Join("\n\n", BenchmarkData.NewsTexts("reuters21578.jsonl", 2000)),
        };
        _rules = SentenceRules.For("en");
        Console.Error.WriteLine($"// {Corpus}: {_text.Length:N0} characters");
    }

    [Benchmark(Baseline = true, Description = "Regex tokenizer (baseline)")]
    public int RegexTokenizer()
    {
        int count = 0;
        foreach (ValueMatch _ in BaselineTokenRegex().EnumerateMatches(_text))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "Tokenizer")]
    public int Tokenize()
    {
        int count = 0;
        foreach (Token _ in Tokenizer.Enumerate(_text))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "Tokenizer + sentence splitter")]
    public int TokenizeAndSplit()
    {
        int count = 0;
        foreach (TextSpan _ in SentenceSplitter.Enumerate(_text, _rules))
        {
            count++;
        }

        return count;
    }
}
