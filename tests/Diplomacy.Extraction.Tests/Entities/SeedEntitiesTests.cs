using System.Text;
using System.Text.Json;
using Diplomacy.Extraction.Entities;
using Diplomacy.Extraction.Tests.Infrastructure;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Tests.Entities;

/// <summary>
/// Golden test against seeds/seeds.entities.json (written from reading the articles): every State, Place,
/// Organization and Person mention must be found with the expected code (recall) and nothing else (precision).
/// </summary>
public sealed class SeedEntitiesTests
{
    [Fact]
    public void Seeds_have_full_precision_and_recall()
    {
        SeedScore total = SeedScorer.ScoreAll(new ExtractionPipelineBuilder().Configure(o => o with { RemoveBoilerplate = false }).Build(), out string report);
        Assert.True(total.FalsePositives == 0 && total.FalseNegatives == 0, report);
        Assert.True(total.TruePositives >= 200, $"the expected file should hold the seeds' mentions, found {total.TruePositives}");
    }

    /// <summary>
    /// The golden test above scores every annotated mention, so it runs with boilerplate removal off. With the default
    /// options the normalizer removes whole lines (repeated headlines, furniture, disclaimers, the byline), each reported as a
    /// diagnostic with its original span: the default pipeline must find exactly the same mentions outside those spans,
    /// and none inside them.
    /// </summary>
    [Fact]
    public void Boilerplate_removal_drops_exactly_the_mentions_inside_removed_lines()
    {
        ExtractionPipeline full = new ExtractionPipelineBuilder().Configure(o => o with { RemoveBoilerplate = false }).Build();
        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
        int dropped = 0;
        int kept = 0;
        foreach (Seeds.Seed seed in Seeds.All)
        {
            DocumentInfo info = Seeds.InfoFor(seed) with { LanguageHint = SeedScorer.LanguageOf(seed) };
            ExtractionResult withRemoval = pipeline.Extract(seed.Text, info);
            ExtractionResult without = full.Extract(seed.Text, info);
            Assert.DoesNotContain(without.Diagnostics, d => RemovalCodes.Contains(d.Code));

            var removed = new List<TextSpan>();
            foreach (Diagnostic d in withRemoval.Diagnostics)
            {
                if (RemovalCodes.Contains(d.Code) && d.Span is TextSpan span)
                {
                    removed.Add(span);
                }
            }

            var expected = new List<string>();
            foreach (EntityMention e in without.Entities)
            {
                if (removed.Exists(r => r.Start <= e.Span.Start && e.Span.End <= r.End))
                {
                    dropped++;
                }
                else
                {
                    expected.Add(Key(e));
                }
            }

            var actual = new List<string>();
            foreach (EntityMention e in withRemoval.Entities)
            {
                actual.Add(Key(e));
            }

            Assert.Equal(expected, actual);
            kept += actual.Count;
        }

        // The seeds hold repeated headlines, a disclaimer and a byline: the comparison must have had something to drop.
        Assert.True(dropped >= 20, $"only {dropped} mentions fell inside removed lines");
        Assert.True(kept >= 150, $"only {kept} mentions outside removed lines");
    }

    [Fact]
    public void Mention_spans_point_at_their_text_in_the_original()
    {
        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
        foreach (Seeds.Seed seed in Seeds.All)
        {
            ExtractionResult result = pipeline.Extract(seed.Text, Seeds.InfoFor(seed) with { LanguageHint = SeedScorer.LanguageOf(seed) });
            Assert.NotEmpty(result.Entities);
            foreach (EntityMention e in result.Entities)
            {
                string original = seed.Text.Substring(e.Span.Start, e.Span.Length);
                Assert.Equal(Strip(e.Text), Strip(original));
            }
        }
    }

    private static readonly HashSet<string> RemovalCodes = new(StringComparer.Ordinal)
    {
        "normalize.repeat", "normalize.furniture", "normalize.error-page", "normalize.disclaimer", "normalize.byline", "normalize.punctuation-run",
    };

    private static string Key(EntityMention e) =>
        $"{e.Span.Start}+{e.Span.Length} {e.Type} '{e.Text}' code={e.Code} canonical={e.Canonical} country={e.CountryCode} role={e.Role}";

    private static string Strip(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}

internal readonly record struct SeedScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
}

internal static class SeedScorer
{
    private static readonly Lazy<JsonDocument> Expected = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Seeds, "seeds.entities.json"))));

    public static string LanguageOf(Seeds.Seed seed)
    {
        foreach (JsonElement d in Expected.Value.RootElement.GetProperty("documents").EnumerateArray())
        {
            if (seed.Path.EndsWith(d.GetProperty("file").GetString()!, StringComparison.Ordinal))
            {
                return d.GetProperty("language").GetString()!;
            }
        }

        throw new InvalidOperationException($"{seed.Id} is not in seeds.entities.json");
    }

    public static SeedScore ScoreAll(out string report) => ScoreAll(ExtractionPipeline.CreateDefault(), out report);

    public static SeedScore ScoreAll(ExtractionPipeline pipeline, out string report)
    {
        var scored = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement t in Expected.Value.RootElement.GetProperty("scoredTypes").EnumerateArray())
        {
            scored.Add(t.GetString()!);
        }

        var sb = new StringBuilder();
        int tp = 0, fp = 0, fn = 0;
        foreach (JsonElement d in Expected.Value.RootElement.GetProperty("documents").EnumerateArray())
        {
            string file = d.GetProperty("file").GetString()!;
            string text = File.ReadAllText(Path.Combine(RepoPaths.Seeds, file));
            ExtractionResult result = pipeline.Extract(text, new DocumentInfo { Id = file, LanguageHint = d.GetProperty("language").GetString() });
            var rows = new List<(JsonElement Row, int Left)>();
            foreach (JsonElement row in d.GetProperty("entities").EnumerateArray())
            {
                rows.Add((row, row.GetProperty("count").GetInt32()));
            }

            foreach (EntityMention e in result.Entities)
            {
                if (!scored.Contains(e.Type.ToString()))
                {
                    continue;
                }

                // Prefer the row whose surface form is the mention's text, so that a miss is reported under the form really missed.
                int match = rows.FindIndex(r => r.Left > 0 && Matches(r.Row, e) && HasForm(r.Row, e.Text));
                if (match < 0)
                {
                    match = rows.FindIndex(r => r.Left > 0 && Matches(r.Row, e));
                }

                if (match < 0)
                {
                    fp++;
                    sb.AppendLine($"{file}: unexpected {e.Type} '{e.Text}' code={e.Code} canonical={e.Canonical} country={e.CountryCode} at {e.Span.Start}");
                    continue;
                }

                tp++;
                rows[match] = (rows[match].Row, rows[match].Left - 1);
            }

            foreach ((JsonElement row, int left) in rows)
            {
                if (left > 0)
                {
                    fn += left;
                    sb.AppendLine($"{file}: missing {left} x {row}");
                }
            }
        }

        var score = new SeedScore(tp, fp, fn);
        report = $"TP {tp}, FP {fp}, FN {fn}, precision {score.Precision:P1}, recall {score.Recall:P1}\n{sb}";
        return score;
    }

    private static bool Matches(JsonElement row, EntityMention e) =>
        row.GetProperty("type").GetString() == e.Type.ToString()
        && Field(row, "code", e.Code) && Field(row, "canonical", e.Canonical) && Field(row, "countryCode", e.CountryCode)
        && (row.TryGetProperty("code", out _) || row.TryGetProperty("canonical", out _) || row.GetProperty("text").GetString() == e.Text);

    private static bool HasForm(JsonElement row, string text)
    {
        foreach (string form in row.GetProperty("text").GetString()!.Split(" / "))
        {
            if (form == text)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Field(JsonElement row, string name, string? actual) =>
        !row.TryGetProperty(name, out JsonElement expected) || expected.GetString() == actual;
}
