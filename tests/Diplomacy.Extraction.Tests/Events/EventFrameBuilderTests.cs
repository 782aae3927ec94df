using Diplomacy.Extraction.Entities;
using Diplomacy.Extraction.Events;

namespace Diplomacy.Extraction.Tests.Events;

/// <summary>Event extraction on short news texts written for these tests (not the seeds), in English and German.</summary>
public class EventFrameBuilderTests
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault();

    private static IReadOnlyList<DiplomaticEvent> Events(string text, string reference = "2025-03-12") =>
        Pipeline.Extract(text, new DocumentInfo { Id = "t", ReferenceDate = DateOnly.Parse(reference, System.Globalization.CultureInfo.InvariantCulture) }).Events;

    private static string[] Codes(DiplomaticEvent e) => e.Participants.Select(p => p.Code).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_held_meeting_with_place_time_and_people()
    {
        DiplomaticEvent e = Assert.Single(Events("Russian Foreign Minister Sergey Lavrov met U.S. officials in Riyadh on Tuesday to discuss sanctions and the war in Ukraine."));
        Assert.Equal(EventStatus.Held, e.Status);
        Assert.Equal(new[] { "RUS", "USA" }, Codes(e));
        Assert.Equal("SAU", e.Location?.CountryCode);
        Assert.Equal("Riyadh", e.Location?.City);
        Assert.Equal(new DateOnly(2025, 3, 11), e.Time?.Start); // the Tuesday before Wednesday 2025-03-12
        Assert.Contains(e.People, p => p.Name == "Sergey Lavrov");
        Assert.Contains(e.Topics, t => t.Topic == DiplomaticTopic.Sanctions);
        Assert.Equal("044", e.Cameo); // a meeting at a third location
    }

    [Fact]
    public void A_planned_meeting_resolves_its_day_forward()
    {
        DiplomaticEvent e = Assert.Single(Events("Chinese and Japanese diplomats will meet on Friday in Tokyo, the foreign ministry said."));
        Assert.Equal(EventStatus.Planned, e.Status);
        Assert.Equal(new[] { "CHN", "JPN" }, Codes(e));
        Assert.Equal(new DateOnly(2025, 3, 14), e.Time?.Start);
        Assert.Equal("036", e.Cameo);
    }

    [Theory]
    [InlineData("The talks between Germany and France, scheduled for next week in Berlin, have been postponed.", EventStatus.Postponed)]
    [InlineData("Germany and France called off the summit that had been planned for Friday.", EventStatus.Cancelled)]
    [InlineData("Germany is seeking talks with France on energy prices, the government said.", EventStatus.Proposed)]
    public void Status_follows_the_cue_words(string text, EventStatus expected)
    {
        DiplomaticEvent e = Assert.Single(Events(text));
        Assert.Equal(expected, e.Status);
        Assert.Equal(new[] { "DEU", "FRA" }, Codes(e));
    }

    [Fact]
    public void A_visit_includes_its_host()
    {
        DiplomaticEvent e = Assert.Single(Events("French President Emmanuel Macron will visit Beijing next week for talks on trade."));
        Assert.Contains("CHN", Codes(e));
        Assert.Contains("FRA", Codes(e));
    }

    [Fact]
    public void German_held_meeting()
    {
        DiplomaticEvent e = Assert.Single(Events("Die Außenminister Deutschlands und Frankreichs trafen sich am Montag in Paris, um über Sanktionen zu beraten."));
        Assert.Equal(EventStatus.Held, e.Status);
        Assert.Equal(new[] { "DEU", "FRA" }, Codes(e));
        Assert.Equal("FRA", e.Location?.CountryCode);
        Assert.Equal(new DateOnly(2025, 3, 10), e.Time?.Start);
    }

    [Fact]
    public void Rounds_are_separate_events()
    {
        IReadOnlyList<DiplomaticEvent> events = Events(
            "The first round of talks between Iran and the United States took place in Muscat last week. " +
            "A second round is planned for next month in Rome, Iranian officials said.");
        Assert.Equal(2, events.Count);
        DiplomaticEvent first = events.Single(e => e.Status == EventStatus.Held);
        DiplomaticEvent second = events.Single(e => e.Status == EventStatus.Planned);
        Assert.Equal("OMN", first.Location?.CountryCode);
        Assert.Equal("ITA", second.Location?.CountryCode);
        Assert.Equal(2, second.Round);
        Assert.Equal(new[] { "IRN", "USA" }, Codes(second));
    }

    [Fact]
    public void Topics_said_to_be_off_the_agenda_are_excluded()
    {
        DiplomaticEvent e = Assert.Single(Events("India and China will hold talks next week on border security, but trade will not be a topic of the talks, officials said."));
        Assert.Contains(e.ExcludedTopics, t => t.Topic == DiplomaticTopic.Trade);
        Assert.DoesNotContain(e.Topics, t => t.Topic == DiplomaticTopic.Trade);
    }

    [Theory]
    [InlineData("Oil prices rose on Tuesday as traders awaited inventory data from the United States.")]
    [InlineData("If Russia and the United States ever met again, analysts say, sanctions could be discussed.")]
    [InlineData("Regular meetings between neighbours could help, experts said.")]
    [InlineData("U.S. refiners will meet demand from Canadian buyers, the company said.")]
    [InlineData("Shareholders will vote on the merger at a special meeting in New York on Friday.")]
    [InlineData("The board of the German bank met on Tuesday to discuss the takeover talks.")]
    public void Texts_without_a_real_meeting_have_no_event(string text) => Assert.Empty(Events(text));

    [Fact]
    public void The_announcer_is_who_said_it_not_a_participant()
    {
        DiplomaticEvent e = Assert.Single(Events("According to TASS, Russian and Chinese officials will meet in Beijing on Friday."));
        Assert.Equal("TASS", e.AnnouncedBy);
        Assert.Equal(new[] { "CHN", "RUS" }, Codes(e));
        Assert.All(e.Participants, p => Assert.Equal(EntityType.State, p.Type));
    }

    [Fact]
    public void Evidence_spans_point_into_the_original_text()
    {
        const string text = "U.S. and Russian officials\u200B are scheduled to meet on Thursday in Turkey.";
        DiplomaticEvent e = Assert.Single(Events(text, "2025-02-26"));
        foreach (EventEvidence ev in e.Evidence)
        {
            Assert.InRange(ev.Span.End, ev.Span.Start + 1, text.Length);
        }

        Assert.EndsWith("Thursday", text.Substring(e.Time!.Span.Start, e.Time.Span.Length), StringComparison.Ordinal);
    }
}
