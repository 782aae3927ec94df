using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Diplomacy.Extraction.Batch;

/// <summary>Streaming, parallel batch extraction over an <see cref="ExtractionPipeline"/>.</summary>
public static class ExtractionPipelineBatchExtensions
{
    /// <summary>
    /// Runs the pipeline over a stream of documents on several cores and streams the results back.
    /// At most <see cref="BatchOptions.BoundedCapacity"/> documents are in flight at any time, so a fast producer is
    /// throttled and memory stays bounded whatever the input size. A document whose processing throws becomes a
    /// <see cref="BatchResult"/> with <see cref="BatchResult.Exception"/> set: every input document yields exactly one result.
    /// </summary>
    /// <param name="pipeline">The pipeline (thread-safe, shared by all workers).</param>
    /// <param name="documents">The input; it is enumerated once, on a background task.</param>
    /// <param name="options">Parallelism, buffer size and ordering; defaults to all cores, in input order.</param>
    /// <param name="cancellationToken">Stops reading, processing and yielding; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One result per input document, in input order unless <see cref="BatchOptions.PreserveOrder"/> is off.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="documents"/> is null.</exception>
    public static IAsyncEnumerable<BatchResult> ExtractAllAsync(
        this ExtractionPipeline pipeline,
        IAsyncEnumerable<BatchDocument> documents,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(documents);
        return RunAsync(pipeline, documents, options ?? new BatchOptions(), cancellationToken);
    }

    /// <summary>The same as <see cref="ExtractAllAsync(ExtractionPipeline, IAsyncEnumerable{BatchDocument}, BatchOptions?, CancellationToken)"/> over an in-memory or lazily read sequence.</summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="documents">The input; enumerated once, on a background task.</param>
    /// <param name="options">Parallelism, buffer size and ordering.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>One result per input document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="documents"/> is null.</exception>
    public static IAsyncEnumerable<BatchResult> ExtractAllAsync(
        this ExtractionPipeline pipeline,
        IEnumerable<BatchDocument> documents,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return pipeline.ExtractAllAsync(ToAsync(documents), options, cancellationToken);
    }

    private static async IAsyncEnumerable<BatchDocument> ToAsync(IEnumerable<BatchDocument> documents)
    {
        foreach (BatchDocument document in documents)
        {
            yield return document;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<BatchResult> RunAsync(
        ExtractionPipeline pipeline,
        IAsyncEnumerable<BatchDocument> documents,
        BatchOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int capacity = options.EffectiveCapacity;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken token = cts.Token;

        // The semaphore bounds every document between the producer and the consumer (queued, processing, or
        // parked in the reorder buffer), so even one slow document cannot let the producer run far ahead.
        using var slots = new SemaphoreSlim(capacity, capacity);
        Channel<(long Sequence, BatchDocument Document)> input = Channel.CreateBounded<(long, BatchDocument)>(
            new BoundedChannelOptions(capacity) { SingleWriter = true, SingleReader = options.MaxDegreeOfParallelism == 1 });
        Channel<BatchResult> output = Channel.CreateUnbounded<BatchResult>(
            new UnboundedChannelOptions { SingleReader = true, SingleWriter = options.MaxDegreeOfParallelism == 1 });

        Task producer = Task.Run(() => ProduceAsync(documents, input.Writer, slots, token), CancellationToken.None);
        var workers = new Task[options.MaxDegreeOfParallelism];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(pipeline, input.Reader, output.Writer, token), CancellationToken.None);
        }

        Task completion = CompleteWhenDoneAsync(workers, output.Writer);
        var pending = new Dictionary<long, BatchResult>();
        long next = 0;
        try
        {
            await foreach (BatchResult result in output.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                token.ThrowIfCancellationRequested();
                if (!options.PreserveOrder)
                {
                    slots.Release();
                    yield return result;
                    continue;
                }

                pending.Add(result.Sequence, result);
                while (pending.Remove(next, out BatchResult? ready))
                {
                    token.ThrowIfCancellationRequested();
                    next++;
                    slots.Release();
                    yield return ready;
                }
            }

            // The producer's own failure (the input stream threw) surfaces here after all read documents came out.
            await producer.ConfigureAwait(false);
        }
        finally
        {
            await cts.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(producer, completion).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private static async Task ProduceAsync(IAsyncEnumerable<BatchDocument> documents, ChannelWriter<(long, BatchDocument)> writer, SemaphoreSlim slots, CancellationToken token)
    {
        try
        {
            long sequence = 0;
            await foreach (BatchDocument document in documents.WithCancellation(token).ConfigureAwait(false))
            {
                ArgumentNullException.ThrowIfNull(document, nameof(documents));
                await slots.WaitAsync(token).ConfigureAwait(false);
                await writer.WriteAsync((sequence++, document), token).ConfigureAwait(false);
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private static async Task WorkAsync(ExtractionPipeline pipeline, ChannelReader<(long Sequence, BatchDocument Document)> reader, ChannelWriter<BatchResult> writer, CancellationToken token)
    {
        await foreach ((long sequence, BatchDocument document) in reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            BatchResult result;
            try
            {
                result = new BatchResult(sequence, document, pipeline.Extract(document.Text, document.Info, token), null);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A failing document must become an error record, never a lost one.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result = new BatchResult(sequence, document, null, ex);
            }

            writer.TryWrite(result);
        }
    }

    private static async Task CompleteWhenDoneAsync(Task[] workers, ChannelWriter<BatchResult> writer)
    {
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
            writer.TryComplete();
        }
#pragma warning disable CA1031 // The failure is handed to the consumer through the channel.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            writer.TryComplete(ex);
        }
    }
}
