using System.Runtime.CompilerServices;
using System.Text.Json;
using Diplomacy.Extraction.Batch;
using Diplomacy.Extraction.Tests.Infrastructure;

namespace Diplomacy.Extraction.Tests.Batch;

public sealed class BatchExtractionTests
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault();

    /// <summary>Seeds of very different lengths interleaved with tiny documents, so parallel workers finish out of order.</summary>
    private static List<BatchDocument> MixedDocuments(int copies)
    {
        var docs = new List<BatchDocument>();
        for (int c = 0; c < copies; c++)
        {
            foreach (Seeds.Seed seed in Seeds.All)
            {
                docs.Add(new BatchDocument(seed.Text, new DocumentInfo { Id = $"{seed.Id}#{c}", ReferenceDate = seed.ReferenceDate }));
                docs.Add(new BatchDocument($"Short note {c}.", new DocumentInfo { Id = $"short-{seed.Id}#{c}" }));
            }
        }

        return docs;
    }

    private static async Task<List<BatchResult>> CollectAsync(IAsyncEnumerable<BatchResult> results)
    {
        var list = new List<BatchResult>();
        await foreach (BatchResult r in results)
        {
            list.Add(r);
        }

        return list;
    }

    [Fact]
    public async Task Results_come_out_in_input_order_and_equal_sequential_extraction()
    {
        List<BatchDocument> docs = MixedDocuments(3);
        List<BatchResult> results = await CollectAsync(Pipeline.ExtractAllAsync(docs, new BatchOptions { MaxDegreeOfParallelism = 4, BoundedCapacity = 6 }));

        Assert.Equal(docs.Count, results.Count);
        for (int i = 0; i < docs.Count; i++)
        {
            Assert.Equal(i, results[i].Sequence);
            Assert.Same(docs[i], results[i].Document);
            Assert.True(results[i].IsSuccess);
            ExtractionResult sequential = Pipeline.Extract(docs[i].Text, docs[i].Info);
            Assert.Equal(
                JsonSerializer.Serialize(sequential, DiplomacyJsonContext.Default.ExtractionResult),
                JsonSerializer.Serialize(results[i].Result!, DiplomacyJsonContext.Default.ExtractionResult));
        }

        Assert.Contains(results, r => r.Result!.Events.Count > 0);
    }

    [Fact]
    public async Task Unordered_mode_returns_every_document_exactly_once()
    {
        List<BatchDocument> docs = MixedDocuments(2);
        List<BatchResult> results = await CollectAsync(Pipeline.ExtractAllAsync(docs, new BatchOptions { MaxDegreeOfParallelism = 3, PreserveOrder = false }));

        Assert.Equal(Enumerable.Range(0, docs.Count).Select(i => (long)i), results.Select(r => r.Sequence).Order());
        Assert.All(results, r => Assert.Same(docs[(int)r.Sequence], r.Document));
    }

    [Fact]
    public async Task A_document_that_throws_becomes_an_error_result_and_the_rest_continue()
    {
        // The clock is only consulted for documents without a reference date: those fail, the others must not.
        ExtractionPipeline pipeline = new ExtractionPipelineBuilder().Configure(o => o with { ReferenceClock = new FailingClock() }).Build();
        Seeds.Seed seed = Seeds.All[0];
        var docs = new List<BatchDocument>();
        for (int i = 0; i < 12; i++)
        {
            docs.Add(new BatchDocument(seed.Text, new DocumentInfo { Id = $"d{i}", ReferenceDate = i % 3 == 1 ? null : seed.ReferenceDate }));
        }

        List<BatchResult> results = await CollectAsync(pipeline.ExtractAllAsync(docs, new BatchOptions { MaxDegreeOfParallelism = 2 }));

        Assert.Equal(docs.Count, results.Count);
        for (int i = 0; i < docs.Count; i++)
        {
            Assert.Equal($"d{i}", results[i].Document.Info.Id);
            if (i % 3 == 1)
            {
                Assert.False(results[i].IsSuccess);
                Assert.Null(results[i].Result);
                Assert.IsType<InvalidOperationException>(results[i].Exception);
                Assert.Contains("clock is broken", results[i].Error, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(results[i].IsSuccess);
                Assert.Null(results[i].Error);
            }
        }
    }

    [Fact]
    public async Task A_producer_far_ahead_is_throttled_to_the_bounded_capacity()
    {
        const int capacity = 4;
        var counter = new ProducedCounter();
        var options = new BatchOptions { MaxDegreeOfParallelism = 2, BoundedCapacity = capacity };
        await using IAsyncEnumerator<BatchResult> results = Pipeline.ExtractAllAsync(Endless(counter, CancellationToken.None), options).GetAsyncEnumerator();

        Assert.True(await results.MoveNextAsync());

        // Give the producer every chance to run ahead (the machine may be busy), then look again.
        for (int i = 0; i < 200 && counter.Value < capacity; i++)
        {
            await Task.Delay(25);
        }

        await Task.Delay(500);
        int producedWhileStalled = counter.Value;

        // In flight at most `capacity`, plus the one handed to us, plus the one the producer holds while it waits.
        Assert.InRange(producedWhileStalled, capacity, capacity + 2);
        Assert.True(await results.MoveNextAsync());
        Assert.Equal(1, results.Current.Sequence);
    }

    [Fact]
    public async Task Cancellation_stops_the_run_and_the_producer()
    {
        using var cts = new CancellationTokenSource();
        var counter = new ProducedCounter();
        int seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (BatchResult r in Pipeline.ExtractAllAsync(Endless(counter, CancellationToken.None), new BatchOptions { MaxDegreeOfParallelism = 2 }, cts.Token))
            {
                Assert.Equal(seen, r.Sequence);
                if (++seen == 5)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(5, seen);
        int afterCancel = counter.Value;
        await Task.Delay(200);
        Assert.Equal(afterCancel, counter.Value);
    }

    [Fact]
    public async Task A_failing_input_stream_surfaces_after_the_documents_already_read()
    {
        var results = new List<BatchResult>();
        var ex = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (BatchResult r in Pipeline.ExtractAllAsync(ThrowsAfter(3), new BatchOptions { MaxDegreeOfParallelism = 2 }))
            {
                results.Add(r);
            }
        });

        Assert.Equal("disk gone", ex.Message);
        Assert.Equal([0L, 1L, 2L], results.Select(r => r.Sequence));
    }

    [Fact]
    public void Bad_arguments_throw_early()
    {
        Assert.Throws<ArgumentNullException>(() => Pipeline.ExtractAllAsync((IAsyncEnumerable<BatchDocument>)null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { MaxDegreeOfParallelism = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { BoundedCapacity = -1 });
        Assert.Throws<ArgumentNullException>(() => new BatchDocument(null!));
    }

    private static async IAsyncEnumerable<BatchDocument> Endless(ProducedCounter counter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string text = Seeds.All[3].Text;
        for (int i = 0; ; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            counter.Increment();
            yield return new BatchDocument(text, new DocumentInfo { Id = $"e{i}" });
            await Task.Yield();
        }
    }

    private static async IAsyncEnumerable<BatchDocument> ThrowsAfter(int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return new BatchDocument($"Document {i}.");
            await Task.Yield();
        }

        throw new IOException("disk gone");
    }

    private sealed class ProducedCounter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }

    private sealed class FailingClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("The clock is broken.");
    }
}
