using Diplomacy.Extraction.Events;

namespace Diplomacy.Extraction.Consolidation;

/// <summary>
/// A push-style consolidation session over an unbounded stream (one thread at a time): <see cref="Add"/> each event and
/// write what it returns, then <see cref="Complete"/>. Memory is bounded by the meetings open in the time window.
/// </summary>
public sealed class ConsolidationSession
{
    private readonly ConsolidationOptions _options;
    private readonly ConsolidationEngine _engine;
    private readonly PriorityQueue<Report, Report> _pending = new(Comparer<Report>.Create(Report.Compare));
    private readonly List<Cluster> _closed = [];
    private DateOnly? _latest;
    private long _received;

    internal ConsolidationSession(ConsolidationOptions options)
    {
        _options = options;
        _engine = new ConsolidationEngine(options);
    }

    /// <summary>Events received so far.</summary>
    public long EventsReceived => _received;

    /// <summary>Events that arrived later than <see cref="ConsolidationOptions.MaxLatenessDays"/> behind the newest one; their placement may depend on the input order.</summary>
    public long LateEvents { get; private set; }

    /// <summary>Meetings open now (held in memory).</summary>
    public int OpenMeetings => _engine.OpenClusters;

    /// <summary>Events waiting for the lateness window to pass.</summary>
    public int PendingEvents => _pending.Count;

    /// <summary>Event-to-meeting comparisons made so far (the work measure; near-linear in the number of events).</summary>
    public long Comparisons => _engine.Comparisons;

    /// <summary>Adds one event; returns the meetings that closed because of it (often none).</summary>
    /// <param name="e">The event.</param>
    /// <returns>Closed meetings, oldest first.</returns>
    public IReadOnlyList<ConsolidatedEvent> Add(DiplomaticEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var r = Report.Create(e, EventConsolidator.FallbackId(_received++), _options);
        if (!r.HasWindow)
        {
            _engine.Process(r, _closed);
            return Drain();
        }

        DateOnly date = r.SortDate;
        if (_latest is { } latest && date < Report.Shift(latest, -_options.MaxLatenessDays))
        {
            LateEvents++;
        }

        _pending.Enqueue(r, r);
        if (_latest is null || date > _latest)
        {
            _latest = date;
        }

        DateOnly watermark = Report.Shift(_latest.Value, -_options.MaxLatenessDays);
        while (_pending.TryPeek(out Report? next, out _) && next.SortDate <= watermark)
        {
            _engine.Process(_pending.Dequeue(), _closed);
        }

        _engine.CloseBefore(watermark, _closed);
        return Drain();
    }

    /// <summary>Ends the stream: processes what is pending and returns every meeting still open.</summary>
    /// <returns>The remaining meetings.</returns>
    public IReadOnlyList<ConsolidatedEvent> Complete()
    {
        while (_pending.TryDequeue(out Report? r, out _))
        {
            _engine.Process(r, _closed);
        }

        _engine.CloseAll(_closed);
        return Drain();
    }

    private ConsolidatedEvent[] Drain()
    {
        if (_closed.Count == 0)
        {
            return [];
        }

        var done = new ConsolidatedEvent[_closed.Count];
        for (int i = 0; i < done.Length; i++)
        {
            done[i] = ConsolidatedEventFactory.Create(_closed[i]);
        }

        _closed.Clear();
        return done;
    }
}
