using BenchmarkDotNet.Attributes;
using Diplomacy.Extraction.Consolidation;
using Diplomacy.Extraction.Events;

namespace Diplomacy.Extraction.Benchmarks;

/// <summary>
/// Cross-article consolidation of 10k, 100k and 1M synthetic events (<see cref="SyntheticEvents"/>: Zipf state pairs,
/// about 5 reports per meeting, 1,000 reports a day): the whole-set <see cref="EventConsolidator.Consolidate"/> and
/// the bounded-memory streaming session (fed in publication order, as a dump is). The baseline sorts the same events by date, the floor of any
/// order-independent consolidation. Near-linear growth shows as a time per event that stays flat across sizes.
/// </summary>
[MemoryDiagnoser]
public class ConsolidationBenchmarks
{
    private DiplomaticEvent[] _events = [];
    private DiplomaticEvent[] _byDate = [];
    private EventConsolidator _consolidator = null!;

    /// <summary>Number of events.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        List<(DiplomaticEvent Event, int Meeting)> generated = SyntheticEvents.Generate(Events);
        _events = new DiplomaticEvent[generated.Count];
        for (int i = 0; i < _events.Length; i++)
        {
            _events[i] = generated[i].Event;
        }

        _byDate = (DiplomaticEvent[])_events.Clone();
        Array.Sort(_byDate, static (a, b) => Nullable.Compare(a.ReferenceDate, b.ReferenceDate)); // a dump is in publication order
        _consolidator = new EventConsolidator();

        // the work and memory measures behind the timings: comparisons per event and the meetings held open at once
        ConsolidationSession session = _consolidator.CreateSession();
        int maxOpen = 0, meetings = 0;
        foreach (DiplomaticEvent e in _byDate)
        {
            meetings += session.Add(e).Count;
            maxOpen = Math.Max(maxOpen, session.OpenMeetings + session.PendingEvents);
        }

        meetings += session.Complete().Count;
        Console.Error.WriteLine($"// {Events:N0} events -> {meetings:N0} meetings; streaming: {(double)session.Comparisons / Events:F1} comparisons per event, at most {maxOpen:N0} meetings + pending events in memory, {session.LateEvents} late");
    }

    [Benchmark(Baseline = true, Description = "Sort by date (baseline)")]
    public DiplomaticEvent[] SortOnly()
    {
        var copy = (DiplomaticEvent[])_events.Clone();
        Array.Sort(copy, static (a, b) => Nullable.Compare(a.ReferenceDate, b.ReferenceDate));
        return copy;
    }

    [Benchmark(Description = "Consolidate (whole set)")]
    public int Consolidate() => _consolidator.Consolidate(_events).Count;

    [Benchmark(Description = "Consolidate (streaming session)")]
    public int Stream()
    {
        ConsolidationSession session = _consolidator.CreateSession();
        int count = 0;
        foreach (DiplomaticEvent e in _byDate)
        {
            count += session.Add(e).Count;
        }

        return count + session.Complete().Count;
    }
}
