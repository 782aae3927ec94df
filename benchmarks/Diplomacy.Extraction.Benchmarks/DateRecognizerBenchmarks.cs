using BenchmarkDotNet.Attributes;
using Diplomacy.Extraction.Dates;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Benchmarks;

/// <summary>
/// The date stage on news text: tokenizing and sentence splitting alone (the baseline, which the date stage needs anyway)
/// against the same plus date recognition and resolution. MB/s = characters / mean time.
/// </summary>
[MemoryDiagnoser]
public class DateRecognizerBenchmarks
{
    private string _text = "";
    private SentenceRules _rules = null!;
    private readonly List<Token> _tokens = [];
    private readonly List<TextSpan> _sentences = [];
    private readonly List<RecognizedTime> _found = [];

    [Params("seeds", "reuters")]
    public string Corpus { get; set; } = "seeds";

    [GlobalSetup]
    public void Setup()
    {
        _text = Corpus == "seeds" ? BenchmarkData.Seeds() : string.Join("\n\n", BenchmarkData.NewsTexts("reuters21578.jsonl", 2000));
        _rules = SentenceRules.For("en");
        Console.Error.WriteLine($"// {Corpus}: {_text.Length:N0} characters");
    }

    [Benchmark(Baseline = true, Description = "Tokens + sentences (baseline)")]
    public int TokensAndSentences()
    {
        Prepare();
        return _tokens.Count + _sentences.Count;
    }

    [Benchmark(Description = "Tokens + sentences + dates")]
    public int Dates()
    {
        Prepare();
        _found.Clear();
        DateRecognizer.Recognize(_text, _tokens, _sentences, "en", new DateOnly(2025, 2, 25), _found);
        return _found.Count;
    }

    private void Prepare()
    {
        _tokens.Clear();
        _sentences.Clear();
        foreach (Token t in Tokenizer.Enumerate(_text))
        {
            _tokens.Add(t);
        }

        foreach (TextSpan s in SentenceSplitter.Enumerate(_text, _rules))
        {
            _sentences.Add(s);
        }
    }
}
