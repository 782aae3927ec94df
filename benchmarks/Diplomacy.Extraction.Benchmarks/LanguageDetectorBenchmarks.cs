using System.Text;
using BenchmarkDotNet.Attributes;
using Diplomacy.Extraction.LanguageDetection;

namespace Diplomacy.Extraction.Benchmarks;

/// <summary>
/// Language detection over whole news articles (one call per article). Baseline: the same model scoring every
/// character of the article (no early exit, no paragraph check). MB/s = <c>// UTF-8 bytes</c> printed at setup
/// divided by the mean time. <see cref="LoadModel"/> measures decompressing and indexing the embedded model.
/// </summary>
[MemoryDiagnoser]
public class LanguageDetectorBenchmarks
{
    private string[] _texts = [];
    private LanguageDetector _detector = null!;
    private CandidateSet _all = null!;

    [Params("reuters21578.jsonl", "wikinews-de.jsonl", "wmt21-ru.jsonl")]
    public string Corpus { get; set; } = "reuters21578.jsonl";

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchmarkData.NewsTexts(Corpus, 2000);
        _detector = LanguageDetector.Default;
        _all = _detector.AllCandidates;
        long bytes = 0;
        foreach (string t in _texts)
        {
            bytes += Encoding.UTF8.GetByteCount(t);
        }

        Console.Error.WriteLine($"// {Corpus}: {_texts.Length} articles, {bytes:N0} UTF-8 bytes, {BenchmarkData.TotalChars(_texts):N0} chars");
    }

    [Benchmark(Baseline = true, Description = "Full scan (no early exit)")]
    public int FullScan()
    {
        int sum = 0;
        foreach (string t in _texts)
        {
            sum += _detector.Detect(t, _all, null, double.PositiveInfinity).Language.Length;
        }

        return sum;
    }

    [Benchmark(Description = "Detect (early exit)")]
    public int Detect()
    {
        int sum = 0;
        foreach (string t in _texts)
        {
            sum += _detector.Detect(t, _all).Language.Length;
        }

        return sum;
    }

    [Benchmark(Description = "DetectDocument (early exit + other-language paragraphs)")]
    public int DetectDocument()
    {
        int sum = 0;
        foreach (string t in _texts)
        {
            sum += _detector.DetectDocument(t, _all).Others.Count + 1;
        }

        return sum;
    }

    [Benchmark(Description = "Load the embedded model")]
    public int LoadModel() => new LanguageDetector(LanguageModel.LoadEmbedded()).KnownLanguages.Count;
}
