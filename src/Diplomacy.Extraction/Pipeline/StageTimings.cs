using System.Diagnostics;
using System.Globalization;

namespace Diplomacy.Extraction.Pipeline;

/// <summary>
/// Internal per-stage stopwatch for performance work. Off unless the environment variable
/// <c>DIPLOMACY_STAGE_TIMING=1</c> is set when the process starts; <see cref="Enabled"/> is a static readonly field, so
/// the JIT removes the timing code when it is off. When on, the totals (all threads summed) are written to standard
/// error when the process exits. See docs/performance.md.
/// </summary>
internal static class StageTimings
{
    /// <summary>Whether timing is on (read once per process).</summary>
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("DIPLOMACY_STAGE_TIMING") == "1";

    private static readonly Dictionary<string, long> Totals = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, long> Allocations = new(StringComparer.Ordinal);

    private static readonly List<string> Order = [];

    static StageTimings()
    {
        if (Enabled)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Report(Console.Error);
        }
    }

    /// <summary>Adds elapsed ticks (<see cref="Stopwatch.GetTimestamp"/> units) to a stage's total.</summary>
    public static void Add(string stage, long ticks, long allocatedBytes)
    {
        lock (Totals)
        {
            if (!Totals.TryGetValue(stage, out long total))
            {
                Order.Add(stage);
            }

            Totals[stage] = total + ticks;
            Allocations[stage] = Allocations.GetValueOrDefault(stage) + allocatedBytes;
        }
    }

    /// <summary>Writes one line per stage: name and milliseconds.</summary>
    public static void Report(TextWriter writer)
    {
        lock (Totals)
        {
            foreach (string stage in Order)
            {
                double ms = Totals[stage] * 1000.0 / Stopwatch.Frequency;
                double mb = Allocations[stage] / 1e6;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stage {stage,-12} {ms,10:F1} ms {mb,10:F1} MB allocated"));
            }
        }
    }
}
