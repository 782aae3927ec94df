using System.Diagnostics;
using Diplomacy.Extraction.Batch;

namespace Diplomacy.Extraction.Cli;

/// <summary>Settings of one <c>extract</c> run.</summary>
internal sealed record ExtractSettings
{
    public IReadOnlyList<string> Paths { get; init; } = ["seeds"];

    public bool Jsonl { get; init; }

    public JsonlFields Fields { get; init; } = JsonlFields.Default;

    public DateOnly? FallbackReferenceDate { get; init; }

    public string? OutputPath { get; init; }

    public bool Resume { get; init; }

    public bool Full { get; init; }

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Null: automatic (a progress bar on a terminal, plain lines otherwise); false: none.</summary>
    public bool? Progress { get; init; }

    /// <summary>Records written between flushes (each flush of --output is fsynced).</summary>
    public int FlushEveryRecords { get; init; } = 256;

    /// <summary>Called after each flush with the number of records written so far (used to interrupt runs in tests).</summary>
    public Action<long>? Flushed { get; init; }

    /// <summary>Also consolidate the events of the run (with --resume: of the whole output) into this JSONL file.</summary>
    public string? ConsolidatePath { get; init; }

    /// <summary>Null: indented when stdout is a terminal and only one document was given.</summary>
    public bool? Indented { get; init; }
}

/// <summary>The counts printed in the final summary.</summary>
internal sealed record ExtractSummary(long RecordsIn, long RecordsOut, long Ok, long Errors, long Events, long Skipped, bool Interrupted)
{
    /// <summary>With --consolidate: consolidated events written, and how many events they hold.</summary>
    public (long Meetings, long Events)? Consolidated { get; init; }
}

/// <summary>
/// Runs <c>extract</c>: reads the inputs lazily, runs the batch API on all cores with bounded buffers, writes one line
/// per input record, and on <paramref name="stop"/> stops reading but finishes and writes every record already read,
/// so the output is always a consistent set of whole records.
/// </summary>
internal static class ExtractRunner
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);

    public static async Task<ExtractSummary> RunAsync(ExtractSettings settings, Stream stdout, TextWriter stderr, CancellationToken stop)
    {
        HashSet<string> done = [];
        if (settings.OutputPath is not null && settings.Resume)
        {
            done = ResumeState.LoadAndRepair(settings.OutputPath, out int already, out long cut);
            stderr.WriteLine(cut > 0
                ? $"resume: {already} records already in {settings.OutputPath}; cut a partial trailing record of {cut} bytes"
                : $"resume: {already} records already in {settings.OutputPath}");
        }

        Stream output = settings.OutputPath is null
            ? stdout
            : new FileStream(settings.OutputPath, settings.Resume ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        bool durable = settings.OutputPath is not null;
        FileStream? consolidated = null;
        try
        {
            ConsolidationWriter? consolidation = null;
            if (settings.ConsolidatePath is not null)
            {
                consolidated = new FileStream(settings.ConsolidatePath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
                consolidation = new ConsolidationWriter(consolidated);
                if (settings.Resume && settings.OutputPath is not null && done.Count > 0)
                {
                    // the consolidated file is derived data: rebuilt from the records already in the output, then this run's
                    foreach (Events.DiplomaticEvent e in new ExtractOutputReader(stderr).Events(settings.OutputPath))
                    {
                        consolidation.Add(e);
                    }
                }
            }

            long total = TotalBytes(settings.Paths);
            var progress = new ProgressReporter(stderr, total, settings.Progress, recordsOnTerminal: settings.OutputPath is null && !Console.IsOutputRedirected);
            ExtractSummary summary = await progress.RunAsync(reporter => ProcessAsync(settings, output, durable, done, reporter, consolidation, stop)).ConfigureAwait(false);
            if (consolidation is not null)
            {
                consolidation.Complete();
                summary = summary with { Consolidated = (consolidation.MeetingsOut, consolidation.MentionsOut) };
            }

            return summary;
        }
        finally
        {
            if (consolidated is not null)
            {
                await consolidated.DisposeAsync().ConfigureAwait(false);
            }

            if (!ReferenceEquals(output, stdout))
            {
                await output.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task<ExtractSummary> ProcessAsync(ExtractSettings settings, Stream output, bool durable, HashSet<string> done, ProgressReporter progress, ConsolidationWriter? consolidation, CancellationToken stop)
    {
        var counts = new Counts();
        bool indented = settings.Indented ?? (settings.OutputPath is null && !Console.IsOutputRedirected && IsSingleDocument(settings.Paths));
        var writer = new RecordWriter(settings.Full, indented);
        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
        var options = new BatchOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Threads) };
        var sinceFlush = Stopwatch.StartNew();
        int unflushed = 0;

        // The pipeline itself is never cancelled: a stop request only ends the input, and what was read is finished.
        await foreach (BatchResult batch in pipeline.ExtractAllAsync(Documents(settings, done, counts, stop), options, CancellationToken.None).ConfigureAwait(false))
        {
            RecordStatus status = writer.Append(batch);
            if (consolidation is not null && batch.Result is { } extracted && ((InputDocument)batch.Document.Tag!).Text is not null)
            {
                foreach (Events.DiplomaticEvent e in extracted.Events)
                {
                    consolidation.Add(e);
                }
            }
            counts.Out++;
            counts.Events += status.Events;
            if (status.Ok)
            {
                counts.Ok++;
            }
            else
            {
                counts.Errors++;
            }

            var input = (InputDocument)batch.Document.Tag!;
            progress.Advance(input.Bytes);
            if (++unflushed >= settings.FlushEveryRecords || sinceFlush.Elapsed >= FlushEvery || indented)
            {
                writer.FlushTo(output, durable);
                settings.Flushed?.Invoke(counts.Out);
                unflushed = 0;
                sinceFlush.Restart();
            }
        }

        writer.FlushTo(output, durable);
        return new ExtractSummary(counts.In, counts.Out, counts.Ok, counts.Errors, counts.Events, counts.Skipped, stop.IsCancellationRequested);
    }

    private static IEnumerable<BatchDocument> Documents(ExtractSettings settings, HashSet<string> done, Counts counts, CancellationToken stop)
    {
        foreach (InputDocument input in InputReader.Read(settings.Paths, settings.Jsonl, settings.Fields))
        {
            if (stop.IsCancellationRequested)
            {
                yield break;
            }

            if (done.Count > 0 && done.Contains(input.Location))
            {
                counts.Skipped++;
                continue;
            }

            counts.In++;
            DocumentInfo info = input.Info.ReferenceDate is null && settings.FallbackReferenceDate is not null
                ? input.Info with { ReferenceDate = settings.FallbackReferenceDate }
                : input.Info;
            yield return new BatchDocument(input.Text ?? "", info, input);
        }
    }

    private static bool IsSingleDocument(IReadOnlyList<string> paths) =>
        paths.Count == 1 && File.Exists(paths[0]) && !paths[0].Contains(".jsonl", StringComparison.OrdinalIgnoreCase);

    /// <summary>The size of the uncompressed inputs, for the ETA; 0 when unknown (stdin, gzip).</summary>
    private static long TotalBytes(IReadOnlyList<string> paths)
    {
        long total = 0;
        foreach (string path in paths)
        {
            if (path == "-" || path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }

            if (File.Exists(path))
            {
                total += new FileInfo(path).Length;
            }
            else if (Directory.Exists(path))
            {
                foreach (string file in Directory.EnumerateFiles(path))
                {
                    if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
                    {
                        return 0;
                    }

                    total += new FileInfo(file).Length;
                }
            }
        }

        return total;
    }

    /// <summary>Counters shared between the input reader (producer thread) and the writer; read once both are done.</summary>
    private sealed class Counts
    {
        public long In;
        public long Out;
        public long Ok;
        public long Errors;
        public long Events;
        public long Skipped;
    }
}
