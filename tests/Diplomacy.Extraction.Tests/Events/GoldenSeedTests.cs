using System.Text.Json;
using Diplomacy.Extraction.Evaluation;
using Diplomacy.Extraction.Events;
using Diplomacy.Extraction.Tests.Infrastructure;

namespace Diplomacy.Extraction.Tests.Events;

/// <summary>The seeds' gold events (seeds/seeds.gold.json, a copy of ../shared/gold) are all found, with every field right, and nothing else.</summary>
public class GoldenSeedTests
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault();

    private static EvaluationReport Evaluate()
    {
        GoldFile gold = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(RepoPaths.Seeds, "seeds.gold.json")), EvaluationJsonContext.Default.GoldFile)!;
        var scored = new List<(GoldDocument, IReadOnlyList<DiplomaticEvent>)>();
        foreach (GoldDocument doc in gold.Documents)
        {
            Seeds.Seed seed = Seeds.All.Single(s => doc.Doc.EndsWith(Path.GetFileName(s.Path), StringComparison.Ordinal));
            Assert.Equal(doc.ReferenceDate, seed.ReferenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            ExtractionResult result = Pipeline.Extract(seed.Text, Seeds.InfoFor(seed));
            scored.Add((doc, result.Events));
        }

        return GoldScorer.Score(scored);
    }

    [Fact]
    public void Every_gold_event_is_found_and_no_other()
    {
        EvaluationReport report = Evaluate();
        Assert.True(report.FalseNegatives == 0 && report.FalsePositives == 0, string.Join("\n", report.Errors));
        Assert.Equal(report.GoldEvents, report.TruePositives);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("participants")]
    [InlineData("people")]
    [InlineData("location")]
    [InlineData("time")]
    [InlineData("topics")]
    [InlineData("excludedTopics")]
    [InlineData("announcedBy")]
    public void Every_field_of_every_found_event_is_right(string field)
    {
        EvaluationReport report = Evaluate();
        FieldScore score = report.Fields[field];
        Assert.True(score.Total > 0, "no event was matched, so the field was never scored");
        Assert.True(score.Correct == score.Total, string.Join("\n", report.Errors.Where(e => e.Contains($"] {field}:", StringComparison.Ordinal))));
    }

    [Fact]
    public void Event_spans_and_evidence_point_into_the_original_text()
    {
        foreach (Seeds.Seed seed in Seeds.All)
        {
            ExtractionResult result = Pipeline.Extract(seed.Text, Seeds.InfoFor(seed));
            foreach (DiplomaticEvent e in result.Events)
            {
                Assert.InRange(e.Span.End, e.Span.Start + 1, seed.Text.Length);
                foreach (EventEvidence ev in e.Evidence)
                {
                    Assert.InRange(ev.Span.End, ev.Span.Start + 1, seed.Text.Length);
                }

                foreach (TopicMention t in e.Topics.Concat(e.ExcludedTopics))
                {
                    Assert.InRange(t.Span.End, t.Span.Start + 1, seed.Text.Length);
                }
            }
        }
    }
}
