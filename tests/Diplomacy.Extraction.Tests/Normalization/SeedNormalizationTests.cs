using System.Text.RegularExpressions;
using Diplomacy.Extraction.Normalization;
using Diplomacy.Extraction.Tests.Infrastructure;

namespace Diplomacy.Extraction.Tests.Normalization;

/// <summary>Golden checks of the normalizer on the seed articles.</summary>
public sealed partial class SeedNormalizationTests
{
    private static readonly string[] RemovalsThatMayDropLongLines = ["normalize.repeat", "normalize.disclaimer", "normalize.error-page", "normalize.byline"];

    [GeneratedRegex(@"[âÂÃ][\u0080-\u02FF]|[\u2800-\u2BFF]|[\u0080-\u009F]|[\u200B-\u200F\u2060-\u2064\uFEFF]")]
    private static partial Regex Residue();

    private static (ExtractionResult Result, Seeds.Seed Seed) Normalize(string id)
    {
        Seeds.Seed seed = Seeds.Get(id);
        return (ExtractionPipeline.CreateDefault().Extract(seed.Text, Seeds.InfoFor(seed)), seed);
    }

    [Fact]
    public void Seed_001_reads_cleanly()
    {
        var (result, _) = Normalize("001");
        Assert.Contains("scheduled to meet on Thursday in Turkey", result.Text.Normalized, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Code == "normalize.mojibake");
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void No_seed_keeps_mojibake_or_invisible_residue(string id)
    {
        var (result, _) = Normalize(id);
        Match m = Residue().Match(result.Text.Normalized);
        Assert.False(m.Success, $"residue '{m.Value}' at {m.Index}");
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Every_body_line_survives(string id)
    {
        var (result, seed) = Normalize(id);
        string normalized = result.Text.Normalized;
        int pos = 0;
        foreach (string line in seed.Text.Split('\n'))
        {
            int start = pos;
            pos += line.Length + 1;
            if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 8)
            {
                continue;
            }

            bool removedForCause = result.Diagnostics.Any(d => RemovalsThatMayDropLongLines.Contains(d.Code) && d.Span is { } s && s.Start <= start && s.End >= start + line.TrimEnd().Length);
            if (removedForCause)
            {
                continue;
            }

            // the line as the normalizer would print it on its own
            string alone = TextNormalizer.Normalize(line, null, []).Text;
            Assert.True(normalized.Contains(alone, StringComparison.Ordinal), $"{id}: lost body line '{line}'");
        }
    }

    [Fact]
    public void Repeated_title_headings_and_paragraphs_keep_only_their_first_occurrence()
    {
        foreach (string id in new[] { "000", "002", "003" })
        {
            var (result, _) = Normalize(id);
            Assert.Contains(result.Diagnostics, d => d.Code == "normalize.repeat");
            string[] lines = result.Text.Normalized.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var keys = lines.Where(l => l.Split(' ').Length >= 3).Select(l => FurnitureLexicon.Key(l)).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
        }
    }

    [Fact]
    public void Furniture_error_pages_disclaimers_and_byline_are_removed_and_reported()
    {
        string[] gone = ["Exit mobile version", "ADVERTISEMENT", "Categories", "Archives", "Kommentar hinterlassen", "CommentsNo comment", "Sorry!!", "Legal Disclaimer", "Miles Cooper", "$ $ $", "without warranty"];
        foreach (Seeds.Seed seed in Seeds.All)
        {
            ExtractionResult result = ExtractionPipeline.CreateDefault().Extract(seed.Text, Seeds.InfoFor(seed));
            foreach (string s in gone)
            {
                Assert.DoesNotContain(s, result.Text.Normalized, StringComparison.Ordinal);
            }

            Assert.False(result.Text.Normalized.StartsWith("403", StringComparison.Ordinal));
        }

        Assert.Equal("Miles Cooper", Normalize("002").Result.Byline);
        Assert.Null(Normalize("000").Result.Byline);
    }

    public static TheoryData<string> SeedIds() => Seeds.Ids();
}
