using System.Runtime.CompilerServices;
using Diplomacy.Extraction.Events;

namespace Diplomacy.Extraction.Consolidation;

/// <summary>
/// Merges the reports of one real-world meeting from many documents into one <see cref="ConsolidatedEvent"/>.
/// Two events are reports of the same meeting when they have the same participants, the same round (or one has
/// none), compatible places and times, come from different documents, and their statuses form a plausible life
/// (proposed → planned → held, or postponed / cancelled; never "planned" again after "held").
/// Immutable and thread-safe; each call is independent.
/// </summary>
/// <remarks>
/// Events are blocked by participant set and processed in the order of their reference dates, never in input
/// order, so <see cref="Consolidate"/> gives the same result for any order of its input. The cost is near-linear:
/// each event is compared only with the open meetings of its participant set.
/// </remarks>
public sealed class EventConsolidator
{
    /// <summary>Creates a consolidator.</summary>
    /// <param name="options">The matching options; <see cref="ConsolidationOptions.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is negative.</exception>
    public EventConsolidator(ConsolidationOptions? options = null)
    {
        Options = options ?? ConsolidationOptions.Default;
        Options.Validate();
    }

    /// <summary>The matching options.</summary>
    public ConsolidationOptions Options { get; }

    /// <summary>
    /// Consolidates a whole set of events. The result does not depend on the input order; it is sorted by
    /// <see cref="ConsolidatedEvent.OccursFrom"/> and then <see cref="ConsolidatedEvent.Id"/>.
    /// Holds every event in memory; for an unbounded stream use <see cref="ConsolidateAsync"/>.
    /// </summary>
    /// <param name="events">Events from any number of documents (as <see cref="ExtractionResult.Events"/> gives them).</param>
    /// <returns>One consolidated event per meeting.</returns>
    public IReadOnlyList<ConsolidatedEvent> Consolidate(IEnumerable<DiplomaticEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var reports = new List<Report>();
        foreach (DiplomaticEvent e in events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            reports.Add(Report.Create(e, FallbackId(reports.Count), Options));
        }

        reports.Sort(Report.Compare);
        var engine = new ConsolidationEngine(Options);
        var closed = new List<Cluster>();
        foreach (Report r in reports)
        {
            engine.Process(r, closed);
        }

        engine.CloseAll(closed);
        var result = new List<ConsolidatedEvent>(closed.Count);
        foreach (Cluster c in closed)
        {
            result.Add(ConsolidatedEventFactory.Create(c));
        }

        result.Sort(static (a, b) =>
        {
            int c = Nullable.Compare(a.OccursFrom, b.OccursFrom);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        });
        return result;
    }

    /// <summary>
    /// Consolidates a stream of events with bounded memory: events are held back for
    /// <see cref="ConsolidationOptions.MaxLatenessDays"/> (by reference date) and processed in date order, and a
    /// meeting is written once the stream has moved <see cref="ConsolidationOptions.RetentionDays"/> past its last
    /// possible day. The stream should be roughly in publication order (as news dumps are); within the lateness
    /// bound the result does not depend on the order. At the end of the stream every open meeting is written.
    /// </summary>
    /// <param name="events">The events, roughly in reference-date order.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>Consolidated events as they close.</returns>
    public async IAsyncEnumerable<ConsolidatedEvent> ConsolidateAsync(
        IAsyncEnumerable<DiplomaticEvent> events,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var stream = new ConsolidationSession(Options);
        await foreach (DiplomaticEvent e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (ConsolidatedEvent done in stream.Add(e))
            {
                yield return done;
            }
        }

        foreach (ConsolidatedEvent done in stream.Complete())
        {
            yield return done;
        }
    }

    /// <summary>Creates a push-style session for callers that produce events one at a time (see <see cref="ConsolidationSession"/>).</summary>
    /// <returns>A new session; not thread-safe.</returns>
    public ConsolidationSession CreateSession() => new(Options);

    internal static string FallbackId(long index) => "e" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
