using System.Text.Json;
using Diplomacy.Extraction.Tests.Infrastructure;

namespace Diplomacy.Extraction.Tests.Hardening;

/// <summary>One pipeline shared by 16 threads gives, document for document, the results of a sequential run.</summary>
public sealed class ThreadSafetyTests
{
    private static void SameAsSequential(IReadOnlyList<(string Text, DocumentInfo Info)> documents, int rounds)
    {
        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
        string[] sequential = documents.Select(d => Invariants.Serialize(pipeline.Extract(d.Text, d.Info))).ToArray();
        var parallel = new string[documents.Count * rounds];
        using var start = new Barrier(16);
        var threads = new Thread[16];
        for (int t = 0; t < threads.Length; t++)
        {
            int first = t;
            threads[t] = new Thread(() =>
            {
                start.SignalAndWait(); // all threads enter the pipeline together
                for (int i = first; i < parallel.Length; i += threads.Length)
                {
                    (string text, DocumentInfo info) = documents[i % documents.Count];
                    parallel[i] = Invariants.Serialize(pipeline.Extract(text, info));
                }
            });
            threads[t].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        for (int i = 0; i < parallel.Length; i++)
        {
            Assert.True(sequential[i % documents.Count] == parallel[i], $"document {i % documents.Count} differs when run in parallel");
        }
    }

    [Fact]
    public void Sixteen_threads_over_the_seeds_match_a_sequential_run() =>
        SameAsSequential(Seeds.All.Select(s => (s.Text, Seeds.InfoFor(s))).ToList(), rounds: 16);

    [SharedFact]
    public void Sixteen_threads_over_a_news_dump_sample_match_a_sequential_run()
    {
        string path = Path.Combine(RepoPaths.Shared!, "corpora", "news", "reuters21578.jsonl");
        var documents = new List<(string, DocumentInfo)>();
        foreach (string line in File.ReadLines(path).Take(200))
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            string text = root.GetProperty("text").GetString()!;
            DateOnly? date = root.TryGetProperty("date", out JsonElement d) && DateOnly.TryParse(d.GetString(), System.Globalization.CultureInfo.InvariantCulture, out DateOnly parsed) ? parsed : null;
            documents.Add((text, new DocumentInfo { Id = root.GetProperty("id").GetString(), ReferenceDate = date }));
        }

        Assert.Equal(200, documents.Count);
        SameAsSequential(documents, rounds: 2);
    }
}
