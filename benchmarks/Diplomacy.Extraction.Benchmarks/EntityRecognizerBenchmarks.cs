using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Diplomacy.Extraction.Entities;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Benchmarks;

/// <summary>
/// The entity stage with the full gazetteer loaded: tokenizing alone (the baseline) against tokenizing plus
/// recognizing, per document. Setup prints the gazetteer's load time and managed memory.
/// </summary>
[MemoryDiagnoser]
public class EntityRecognizerBenchmarks
{
    private string[] _docs = [];
    private readonly List<Token> _tokens = new(1 << 16);
    private readonly List<RecognizedEntity> _found = new(1024);
    private EntityRecognizer _recognizer = null!;

    [Params("seeds", "reuters")]
    public string Corpus { get; set; } = "seeds";

    [GlobalSetup]
    public void Setup()
    {
        _docs = Corpus == "seeds" ? [BenchmarkData.Seeds()] : [.. BenchmarkData.NewsTexts("reuters21578.jsonl", 2000)];
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        Gazetteer gazetteer = Gazetteer.Load();
        watch.Stop();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        _recognizer = new EntityRecognizer(gazetteer);
        long chars = 0;
        foreach (string d in _docs)
        {
            chars += d.Length;
        }

        Console.Error.WriteLine($"// {Corpus}: {_docs.Length:N0} documents, {chars:N0} characters; gazetteer load {watch.Elapsed.TotalMilliseconds:N0} ms, " +
            $"{(after - before) / 1048576.0:N1} MB managed, {gazetteer.Entries.Length:N0} names, {gazetteer.NodeCount:N0} trie nodes, {gazetteer.TokenCount:N0} distinct tokens");
        GC.KeepAlive(gazetteer);
    }

    [Benchmark(Baseline = true, Description = "Tokenizer only (baseline)")]
    public int TokenizeOnly()
    {
        int count = 0;
        foreach (string doc in _docs)
        {
            _tokens.Clear();
            foreach (Token t in Tokenizer.Enumerate(doc))
            {
                _tokens.Add(t);
            }

            count += _tokens.Count;
        }

        return count;
    }

    [Benchmark(Description = "Tokenizer + entity recognizer")]
    public int TokenizeAndRecognize()
    {
        int count = 0;
        foreach (string doc in _docs)
        {
            _tokens.Clear();
            foreach (Token t in Tokenizer.Enumerate(doc))
            {
                _tokens.Add(t);
            }

            _found.Clear();
            _recognizer.Recognize(doc, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens), "en", _found);
            count += _found.Count;
        }

        return count;
    }
}
