using BenchmarkDotNet.Attributes;
using Diplomacy.Extraction.Batch;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Benchmarks;

/// <summary>
/// The whole pipeline (normalizer to event frames) over a set of news documents: sequentially, and through the
/// parallel batch API on all cores; the baseline is a tokenizer-only pass over the same documents, the floor any
/// per-document work has to pay. Uses the first 200 Reuters articles from ../shared when present, else the seeds.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private BatchDocument[] _docs = [];
    private ExtractionPipeline _pipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        string[] texts = BenchmarkData.NewsTexts("reuters21578.jsonl", 200);
        _docs = Array.ConvertAll(texts, t => new BatchDocument(t, new DocumentInfo { ReferenceDate = new DateOnly(1987, 3, 1) }));
        _pipeline = ExtractionPipeline.CreateDefault();
        _pipeline.Extract(texts[0]);
        Console.Error.WriteLine($"// {_docs.Length:N0} documents, {BenchmarkData.TotalChars(texts):N0} characters, {Environment.ProcessorCount} cores");
    }

    [Benchmark(Baseline = true, Description = "Tokenizer only (baseline)")]
    public int TokenizeOnly()
    {
        int count = 0;
        foreach (BatchDocument doc in _docs)
        {
            foreach (Token _ in Tokenizer.Enumerate(doc.Text))
            {
                count++;
            }
        }

        return count;
    }

    [Benchmark(Description = "Pipeline, sequential")]
    public int Sequential()
    {
        int events = 0;
        foreach (BatchDocument doc in _docs)
        {
            events += _pipeline.Extract(doc.Text, doc.Info).Events.Count;
        }

        return events;
    }

    [Benchmark(Description = "Pipeline, ExtractAllAsync on all cores")]
    public async Task<int> Batch()
    {
        int events = 0;
        await foreach (BatchResult r in _pipeline.ExtractAllAsync(_docs))
        {
            events += r.Result?.Events.Count ?? 0;
        }

        return events;
    }
}
