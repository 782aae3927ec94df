using System.Text.Json;
using Diplomacy.Extraction.Benchmarks;
using Diplomacy.Extraction.Consolidation;
using Diplomacy.Extraction.Events;
using Diplomacy.Extraction.Tests.Infrastructure;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Tests.Consolidation;

public sealed class EventConsolidatorTests
{
    private static readonly Lazy<List<DiplomaticEvent>> SeedEvents = new(() =>
    {
        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
        var events = new List<DiplomaticEvent>();
        foreach (Seeds.Seed seed in Seeds.All)
        {
            events.AddRange(pipeline.Extract(seed.Text, Seeds.InfoFor(seed)).Events);
        }

        return events;
    });

    [Fact]
    public void SeedReportsOfTheIstanbulMeetingBecomeOneHeldEvent()
    {
        IReadOnlyList<ConsolidatedEvent> all = new EventConsolidator().Consolidate(SeedEvents.Value);
        ConsolidatedEvent istanbul = Assert.Single(all, c => c.MemberEventIds.Any(id => id.StartsWith("001_", StringComparison.Ordinal)));

        // 000, 001, the held event of 002 and the held (first-round) event of 003
        string[] docs = istanbul.Sources.Select(s => s.DocumentId!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["000_ac15ab2ae60c2541", "001_4fe0a1b7580e215e", "002_29014f281bf62b61", "003_6172a01c34cfa938"], docs);
        Assert.All(istanbul.Sources.Where(s => s.DocumentId!.StartsWith("00", StringComparison.Ordinal) && s.ReferenceDate > new DateOnly(2025, 2, 26)),
            s => Assert.Equal(EventStatus.Held, s.Status));
        Assert.Equal(EventStatus.Held, istanbul.Status);
        Assert.Equal([EventStatus.Planned, EventStatus.Planned, EventStatus.Held, EventStatus.Held], istanbul.StatusHistory.Select(h => h.Status));
        Assert.Equal([new DateOnly(2025, 2, 25), new DateOnly(2025, 2, 26), new DateOnly(2025, 2, 27), new DateOnly(2025, 3, 4)], istanbul.StatusHistory.Select(h => h.AsOf!.Value));
        Assert.Equal("Istanbul", istanbul.Location?.City);
        Assert.Equal("TUR", istanbul.Location?.CountryCode);
        Assert.Equal(3, istanbul.Location!.Support);
        Assert.Equal(new DateOnly(2025, 2, 27), istanbul.Time?.Start);
        Assert.Equal(new DateOnly(2025, 2, 27), istanbul.Time?.End);
        Assert.Equal(2, istanbul.Time!.Support); // "on Thursday" and "later this week"
        Assert.Equal(new DateOnly(2025, 2, 27), istanbul.OccursFrom);
        Assert.Equal(new DateOnly(2025, 2, 27), istanbul.OccursTo);
        Assert.Equal(4, istanbul.MentionCount);
        Assert.Equal(["RUS", "USA"], istanbul.Participants.Select(p => p.Code).Order(StringComparer.Ordinal));
        Assert.Contains(istanbul.People, p => p.Name == "Sergey Lavrov");
        Assert.Contains(istanbul.AnnouncedBy, a => a.Name == "Sergey Lavrov" && a.Support == 2); // 000 and 003
    }

    [Fact]
    public void SecondRoundReportsNeverMergeIntoTheFirstMeeting()
    {
        IReadOnlyList<ConsolidatedEvent> all = new EventConsolidator().Consolidate(SeedEvents.Value);
        ConsolidatedEvent istanbul = Assert.Single(all, c => c.MemberEventIds.Any(id => id.StartsWith("001_", StringComparison.Ordinal)));
        List<DiplomaticEvent> secondRound = SeedEvents.Value.Where(e => e.Round == 2 || e.DocumentId!.StartsWith("004_", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, secondRound.Count);
        Assert.All(secondRound, e => Assert.DoesNotContain(e.Id, istanbul.MemberEventIds));

        // and they are one meeting among themselves (the gold's cluster ru-us-round-2)
        ConsolidatedEvent round2 = Assert.Single(all, c => c.MemberEventIds.Contains(secondRound[0].Id));
        Assert.Equal(secondRound.Select(e => e.Id).Order(StringComparer.Ordinal), round2.MemberEventIds.Order(StringComparer.Ordinal));
        Assert.Equal(2, round2.Round);
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public void ResultDoesNotDependOnInputOrder()
    {
        List<DiplomaticEvent> events = [.. SeedEvents.Value, .. SyntheticEvents.Generate(3_000, seed: 7).Select(x => x.Event)];
        var consolidator = new EventConsolidator();
        string expected = Serialize(consolidator.Consolidate(events));
        var random = new Random(11);
        for (int round = 0; round < 3; round++)
        {
            DiplomaticEvent[] shuffled = [.. events];
            random.Shuffle(shuffled);
            Assert.Equal(expected, Serialize(consolidator.Consolidate(shuffled)));
        }
    }

    [Fact]
    public void StreamingSessionGivesTheWholeSetResultOnADumpInPublicationOrder()
    {
        List<DiplomaticEvent> events = SyntheticEvents.Generate(20_000, seed: 3).Select(x => x.Event).OrderBy(e => e.ReferenceDate).ToList();
        var consolidator = new EventConsolidator();
        ConsolidationSession session = consolidator.CreateSession();
        var streamed = new List<ConsolidatedEvent>();
        int maxOpen = 0;
        foreach (DiplomaticEvent e in events)
        {
            streamed.AddRange(session.Add(e));
            maxOpen = Math.Max(maxOpen, session.OpenMeetings);
        }

        streamed.AddRange(session.Complete());
        Assert.Equal(0, session.LateEvents);
        Assert.Equal(0, session.OpenMeetings);
        Assert.Equal(events.Count, streamed.Sum(c => c.MentionCount)); // nothing lost, nothing doubled
        Assert.Equal(Serialize(consolidator.Consolidate(events)), Serialize(streamed.OrderBy(c => c.OccursFrom).ThenBy(c => c.Id, StringComparer.Ordinal).ToList()));
        Assert.True(maxOpen < streamed.Count, $"the session held every meeting open ({maxOpen} of {streamed.Count})");
    }

    [Fact]
    public void ClusteringOfSyntheticMeetingsIsAccurate()
    {
        List<(DiplomaticEvent Event, int Meeting)> generated = SyntheticEvents.Generate(20_000, seed: 5);
        var truth = generated.ToDictionary(x => x.Event.Id, x => x.Meeting, StringComparer.Ordinal);
        IReadOnlyList<ConsolidatedEvent> result = new EventConsolidator().Consolidate(generated.Select(x => x.Event));
        (double precision, double recall) = BCubed(result, truth);
        Assert.True(precision >= 0.86 && recall >= 0.86, $"B-cubed precision {precision:P1}, recall {recall:P1}");
    }

    [Fact]
    public void WorkGrowsNearLinearly()
    {
        // work units: event-to-open-meeting comparisons, per event, at 10k and 100k events of the same density
        double small = ComparisonsPerEvent(10_000);
        double large = ComparisonsPerEvent(100_000);
        Assert.True(large <= small * 2 + 1, $"comparisons per event grew from {small:F1} (10k) to {large:F1} (100k)");
    }

    [Fact]
    public void DifferentRoundsNeverMerge()
    {
        DiplomaticEvent first = Event("a", new DateOnly(2025, 3, 1), EventStatus.Planned, round: 1, day: new DateOnly(2025, 3, 10));
        DiplomaticEvent second = Event("b", new DateOnly(2025, 3, 2), EventStatus.Planned, round: 2, day: new DateOnly(2025, 3, 10));
        Assert.Equal(2, new EventConsolidator().Consolidate([first, second]).Count);
    }

    [Fact]
    public void PlannedAfterHeldIsAnotherMeeting()
    {
        DiplomaticEvent held = Event("a", new DateOnly(2025, 3, 1), EventStatus.Held);
        DiplomaticEvent plannedLater = Event("b", new DateOnly(2025, 3, 5), EventStatus.Planned);
        DiplomaticEvent plannedBefore = Event("c", new DateOnly(2025, 2, 25), EventStatus.Planned, day: new DateOnly(2025, 2, 28));
        IReadOnlyList<ConsolidatedEvent> result = new EventConsolidator().Consolidate([plannedLater, held, plannedBefore]);
        Assert.Equal(2, result.Count);
        ConsolidatedEvent meeting = Assert.Single(result, c => c.MentionCount == 2);
        Assert.Equal(["c#1", "a#1"], meeting.MemberEventIds);
        Assert.Equal(EventStatus.Held, meeting.Status);
    }

    [Fact]
    public void CancelledAndHeldDoNotMerge()
    {
        DiplomaticEvent cancelled = Event("a", new DateOnly(2025, 3, 1), EventStatus.Cancelled, day: new DateOnly(2025, 3, 3));
        DiplomaticEvent held = Event("b", new DateOnly(2025, 3, 4), EventStatus.Held, day: new DateOnly(2025, 3, 3));
        Assert.Equal(2, new EventConsolidator().Consolidate([cancelled, held]).Count);
    }

    [Fact]
    public void PlannedThenPostponedThenCancelledIsOneMeeting()
    {
        DiplomaticEvent planned = Event("a", new DateOnly(2025, 3, 1), EventStatus.Planned, day: new DateOnly(2025, 3, 20));
        DiplomaticEvent postponed = Event("b", new DateOnly(2025, 3, 10), EventStatus.Postponed);
        DiplomaticEvent cancelled = Event("c", new DateOnly(2025, 3, 15), EventStatus.Cancelled);
        ConsolidatedEvent one = Assert.Single(new EventConsolidator().Consolidate([cancelled, planned, postponed]));
        Assert.Equal(EventStatus.Cancelled, one.Status);
        Assert.Equal([EventStatus.Planned, EventStatus.Postponed, EventStatus.Cancelled], one.StatusHistory.Select(h => h.Status));
    }

    [Fact]
    public void IncompatiblePlacesTimesAndParticipantsStayApart()
    {
        DiplomaticEvent geneva = Event("a", new DateOnly(2025, 3, 1), EventStatus.Planned, city: "Geneva", country: "CHE");
        DiplomaticEvent vienna = Event("b", new DateOnly(2025, 3, 1), EventStatus.Planned, city: "Vienna", country: "AUT");
        DiplomaticEvent march = Event("c", new DateOnly(2025, 3, 1), EventStatus.Planned, day: new DateOnly(2025, 3, 5));
        DiplomaticEvent june = Event("d", new DateOnly(2025, 3, 2), EventStatus.Planned, day: new DateOnly(2025, 6, 5));
        DiplomaticEvent otherPair = Event("e", new DateOnly(2025, 3, 1), EventStatus.Planned, participants: ["CHN", "USA"]);
        IReadOnlyList<ConsolidatedEvent> result = new EventConsolidator().Consolidate([geneva, vienna, march, june, otherPair]);
        Assert.DoesNotContain(result, c => c.MemberEventIds.Contains("a#1") && c.MemberEventIds.Contains("b#1"));
        Assert.DoesNotContain(result, c => c.MemberEventIds.Contains("c#1") && c.MemberEventIds.Contains("d#1"));
        Assert.Contains(result, c => c.MemberEventIds.SequenceEqual(["e#1"]));
    }

    [Fact]
    public void AnUndatedPlanIsNotAMeetingMonthsLaterUnlessItNamesTheRound()
    {
        DiplomaticEvent plan = Event("a", new DateOnly(2025, 3, 1), EventStatus.Planned);
        DiplomaticEvent june = Event("b", new DateOnly(2025, 6, 1), EventStatus.Planned, day: new DateOnly(2025, 6, 10));
        Assert.Equal(2, new EventConsolidator().Consolidate([plan, june]).Count);

        DiplomaticEvent roundPlan = Event("c", new DateOnly(2025, 3, 1), EventStatus.Planned, round: 2);
        DiplomaticEvent autumn = Event("d", new DateOnly(2025, 8, 20), EventStatus.Proposed, day: new DateOnly(2025, 10, 15));
        Assert.Single(new EventConsolidator().Consolidate([roundPlan, autumn]));
    }

    [Fact]
    public void APhoneCallIsNotTheMeetingInPerson()
    {
        DiplomaticEvent call = Event("a", new DateOnly(2025, 3, 1), EventStatus.Held, day: new DateOnly(2025, 3, 1)) with { Kind = EventKind.PhoneCall };
        DiplomaticEvent meeting = Event("b", new DateOnly(2025, 3, 2), EventStatus.Held, day: new DateOnly(2025, 3, 1));
        Assert.Equal(2, new EventConsolidator().Consolidate([call, meeting]).Count);
    }

    [Fact]
    public void TwoEventsOfOneDocumentNeverMerge()
    {
        DiplomaticEvent one = Event("a", new DateOnly(2025, 3, 1), EventStatus.Planned) with { Id = "a#1" };
        DiplomaticEvent two = Event("a", new DateOnly(2025, 3, 1), EventStatus.Planned) with { Id = "a#2" };
        Assert.Equal(2, new EventConsolidator().Consolidate([one, two]).Count);
    }

    [Fact]
    public void EventsWithoutDateOrPartnersAreKeptAlone()
    {
        DiplomaticEvent undated = Event("a", null, EventStatus.Planned);
        DiplomaticEvent undated2 = Event("b", null, EventStatus.Planned);
        DiplomaticEvent single = Event("c", new DateOnly(2025, 3, 1), EventStatus.Planned, participants: ["USA"]);
        IReadOnlyList<ConsolidatedEvent> result = new EventConsolidator().Consolidate([undated, undated2, single]);
        Assert.Equal(3, result.Count);
        Assert.Null(result.Single(c => c.Id == "c:a#1").OccursFrom);
        Assert.Equal(new DateOnly(2025, 3, 1), result.Single(c => c.Id == "c:c#1").OccursFrom);
    }

    [Fact]
    public async Task AsyncStreamWritesEveryReportOnce()
    {
        List<DiplomaticEvent> events = SyntheticEvents.Generate(5_000, seed: 9).Select(x => x.Event).OrderBy(e => e.ReferenceDate).ToList();
        int mentions = 0;
        await foreach (ConsolidatedEvent c in new EventConsolidator().ConsolidateAsync(ToAsync(events)))
        {
            mentions += c.MentionCount;
        }

        Assert.Equal(events.Count, mentions);
    }

    [Fact]
    public void ConsolidatedEventsRoundTripThroughTheJsonContext()
    {
        IReadOnlyList<ConsolidatedEvent> all = new EventConsolidator().Consolidate(SeedEvents.Value);
        string json = JsonSerializer.Serialize(all, DiplomacyJsonContext.Default.IReadOnlyListConsolidatedEvent);
        IReadOnlyList<ConsolidatedEvent> back = JsonSerializer.Deserialize(json, DiplomacyJsonContext.Default.IReadOnlyListConsolidatedEvent)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, DiplomacyJsonContext.Default.IReadOnlyListConsolidatedEvent));
        Assert.Contains("\"statusHistory\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DatesAtTheEndsOfTheCalendarAndHugeOptionsDoNotThrow()
    {
        DiplomaticEvent[] events =
        [
            Event("a", DateOnly.MaxValue, EventStatus.Planned),
            Event("b", DateOnly.MaxValue, EventStatus.Held),
            Event("c", DateOnly.MinValue, EventStatus.Held),
            Event("d", DateOnly.MinValue, EventStatus.Cancelled, day: DateOnly.MinValue),
        ];
        var huge = new ConsolidationOptions { HeldLookbackDays = int.MaxValue, PlannedHorizonDays = int.MaxValue, RoundHorizonDays = int.MaxValue, ToleranceDays = int.MaxValue, MaxLatenessDays = int.MaxValue, RetentionDays = int.MaxValue };
        foreach (ConsolidationOptions options in new[] { ConsolidationOptions.Default, huge })
        {
            var consolidator = new EventConsolidator(options);
            Assert.Equal(4, consolidator.Consolidate(events).Sum(c => c.MentionCount));
            ConsolidationSession session = consolidator.CreateSession();
            int mentions = events.Sum(e => session.Add(e).Sum(c => c.MentionCount));
            Assert.Equal(4, mentions + session.Complete().Sum(c => c.MentionCount));
        }
    }

    [Fact]
    public void NegativeOptionsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventConsolidator(new ConsolidationOptions { HeldLookbackDays = -1 }));
    }

    internal static (double Precision, double Recall) BCubed(IReadOnlyList<ConsolidatedEvent> result, IReadOnlyDictionary<string, int> truth)
    {
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < result.Count; i++)
        {
            foreach (string id in result[i].MemberEventIds)
            {
                predicted[id] = i;
            }
        }

        var predictedSize = predicted.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Count());
        var trueSize = truth.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Count());
        var both = predicted.GroupBy(kv => (kv.Value, truth[kv.Key])).ToDictionary(g => g.Key, g => g.Count());
        double precision = 0, recall = 0;
        foreach (KeyValuePair<string, int> kv in predicted)
        {
            int shared = both[(kv.Value, truth[kv.Key])];
            precision += (double)shared / predictedSize[kv.Value];
            recall += (double)shared / trueSize[truth[kv.Key]];
        }

        return (precision / predicted.Count, recall / predicted.Count);
    }

    private static double ComparisonsPerEvent(int count)
    {
        ConsolidationSession session = new EventConsolidator().CreateSession();
        foreach (DiplomaticEvent e in SyntheticEvents.Generate(count, seed: 1).Select(x => x.Event).OrderBy(e => e.ReferenceDate))
        {
            session.Add(e);
        }

        session.Complete();
        return (double)session.Comparisons / count;
    }

    private static async IAsyncEnumerable<DiplomaticEvent> ToAsync(IEnumerable<DiplomaticEvent> events)
    {
        foreach (DiplomaticEvent e in events)
        {
            await Task.Yield();
            yield return e;
        }
    }

    private static string Serialize(IReadOnlyList<ConsolidatedEvent> events) =>
        JsonSerializer.Serialize(events, DiplomacyJsonContext.Default.IReadOnlyListConsolidatedEvent);

    private static DiplomaticEvent Event(
        string doc, DateOnly? asOf, EventStatus status, int? round = null, DateOnly? day = null,
        string? city = null, string? country = null, string[]? participants = null) =>
        SyntheticEvents.Create(
            doc,
            participants ?? ["RUS", "USA"],
            asOf,
            status,
            day is { } d ? new EventTime("on Monday", d, d, null, Extraction.Dates.TimeGranularity.Day, true, new TextSpan(0, 1)) : null,
            city is null && country is null ? null : new EventLocation(city, country, null, city ?? country!, new TextSpan(0, 1)),
            round);
}
