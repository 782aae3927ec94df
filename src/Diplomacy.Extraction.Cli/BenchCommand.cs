using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Diplomacy.Extraction.Batch;

namespace Diplomacy.Extraction.Cli;

/// <summary>
/// <c>bench FILE</c>: end-to-end throughput of the batch pipeline (reading and parsing the JSONL included) for each
/// thread count: docs/s, MB/s of input, bytes allocated per document and the process's peak working set.
/// </summary>
internal static class BenchCommand
{
    private const int WarmUpDocuments = 20_000;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A JSONL dump (.jsonl or .jsonl.gz) or a text file/folder." };
        var threads = new Option<string>("--threads") { Description = "Comma-separated thread counts to measure.", DefaultValueFactory = _ => DefaultThreads() };
        var limit = new Option<int>("--limit") { Description = "Use at most N documents (0: all).", DefaultValueFactory = _ => 0 };
        var command = new Command("bench", "Measures end-to-end throughput (docs/s, MB/s, allocated bytes per document, peak working set) for 1..N threads.");
        command.Arguments.Add(file);
        command.Options.Add(threads);
        command.Options.Add(limit);
        command.SetAction(r =>
        {
            var counts = new List<int>();
            foreach (string part in (r.GetValue(threads) ?? "1").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int t) || t < 1)
                {
                    Console.Error.WriteLine($"error: --threads '{part}' is not a positive integer.");
                    return 2;
                }

                counts.Add(t);
            }

            string path = r.GetValue(file)!;
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                Console.Error.WriteLine($"error: {path} not found.");
                return 2;
            }

            return RunAsync(path, counts, r.GetValue(limit)).GetAwaiter().GetResult();
        });
        return command;
    }

    private static string DefaultThreads()
    {
        var list = new List<string>();
        for (int t = 1; t <= Environment.ProcessorCount; t++)
        {
            list.Add(t.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(',', list);
    }

    private static async Task<int> RunAsync(string path, List<int> threadCounts, int limit)
    {
        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();

        // Warm-up: load resources and let tiered JIT (with PGO) reach its optimized code outside the measured runs;
        // a short warm-up makes the first measured thread count look several times slower than it is.
        // Small files are passed over repeatedly until enough documents (or 20 s) went through.
        long warmUp = 0;
        var warmClock = Stopwatch.StartNew();
        while (warmUp < WarmUpDocuments && warmClock.Elapsed < TimeSpan.FromSeconds(20))
        {
            int take = (int)Math.Min(WarmUpDocuments - warmUp, limit > 0 ? limit : int.MaxValue);
            long done = (await MeasureAsync(pipeline, path, Environment.ProcessorCount, take).ConfigureAwait(false)).Docs;
            if (done == 0)
            {
                break;
            }

            warmUp += done;
        }

        Console.Out.WriteLine($"file: {path}");
        Console.Out.WriteLine($"cores: {Environment.ProcessorCount}, server GC: {System.Runtime.GCSettings.IsServerGC}, warm-up: {warmUp} documents");
        Console.Out.WriteLine("| threads | docs | input MB | seconds | docs/s | MB/s | MB/s per thread | CPU seconds | MB per CPU second | GC pause % | alloc/doc (KB) | peak working set (MB) | events |");
        Console.Out.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (int threads in threadCounts)
        {
            Measurement m = await MeasureAsync(pipeline, path, threads, limit).ConfigureAwait(false);
            double seconds = m.Elapsed.TotalSeconds;
            double mb = m.Bytes / 1e6;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {threads} | {m.Docs} | {mb:F1} | {seconds:F1} | {m.Docs / seconds:F0} | {mb / seconds:F2} | {mb / seconds / threads:F2} | {m.Cpu.TotalSeconds:F1} | {mb / m.Cpu.TotalSeconds:F2} | {100 * m.GcPause.TotalSeconds / seconds:F1} | {m.Allocated / 1024.0 / Math.Max(1, m.Docs):F0} | {m.PeakWorkingSet / 1e6:F0} | {m.Events} |"));
        }

        return 0;
    }

    private static async Task<Measurement> MeasureAsync(ExtractionPipeline pipeline, string path, int threads, int limit)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan pauseBefore = GC.GetTotalPauseDuration();
        TimeSpan cpuBefore;
        using (var self = Process.GetCurrentProcess())
        {
            cpuBefore = self.TotalProcessorTime;
        }

        var watch = Stopwatch.StartNew();
        long docs = 0, bytes = 0, events = 0;
        await foreach (BatchResult r in pipeline.ExtractAllAsync(Read(path, limit), new BatchOptions { MaxDegreeOfParallelism = threads }).ConfigureAwait(false))
        {
            docs++;
            bytes += ((InputDocument)r.Document.Tag!).Bytes;
            events += r.Result?.Events.Count ?? 0;
        }

        watch.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        return new Measurement(docs, bytes, events, watch.Elapsed, process.TotalProcessorTime - cpuBefore, GC.GetTotalPauseDuration() - pauseBefore, allocated, process.PeakWorkingSet64);
    }

    private static IEnumerable<BatchDocument> Read(string path, int limit)
    {
        int n = 0;
        foreach (InputDocument input in InputReader.Read([path], jsonl: false))
        {
            if (limit > 0 && n++ >= limit)
            {
                yield break;
            }

            yield return new BatchDocument(input.Text ?? "", input.Info, input);
        }
    }

    private readonly record struct Measurement(long Docs, long Bytes, long Events, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan GcPause, long Allocated, long PeakWorkingSet);
}
