using System.Text;
using System.Text.Json;
using Diplomacy.Extraction.Normalization;
using Diplomacy.Extraction.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Diplomacy.Extraction.Tests.Normalization;

/// <summary>
/// ftfy's own test cases (../shared/specs/normalization/ftfy, Apache-2.0) run through the mojibake decoder.
/// We keep typographic quotes and ligatures, so a case is compared with its <c>fixed-encoding</c> value when it has one.
/// </summary>
public sealed class FtfyConformanceTests(ITestOutputHelper output)
{
    private static readonly string[] Files = ["in-the-wild.json", "synthetic.json", "negative.json", "language-names.json", "known-failures.json"];

    internal sealed record Case(string File, string Label, string Original, string Expected, bool ExpectPass);

    internal static List<Case> Load()
    {
        string dir = Path.Combine(RepoPaths.Shared!, "specs", "normalization", "ftfy");
        var cases = new List<Case>();
        foreach (string file in Files)
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, file)));
            foreach (JsonElement c in doc.RootElement.EnumerateArray())
            {
                string expected = c.TryGetProperty("fixed-encoding", out JsonElement fe) ? fe.GetString()! : c.GetProperty("fixed").GetString()!;
                cases.Add(new Case(file, c.GetProperty("label").GetString()!, c.GetProperty("original").GetString()!, expected, c.GetProperty("expect").GetString() == "pass"));
            }
        }

        return cases;
    }

    [SharedFact]
    public void Pass_rate_on_expected_passes_is_at_least_95_percent_and_every_negative_case_is_unchanged()
    {
        List<Case> cases = Load();
        var table = new StringBuilder("| file | pass cases | passed | rate |\n|---|---|---|---|\n");
        int total = 0, passed = 0;
        var negativeFailures = new List<string>();
        foreach (IGrouping<string, Case> file in cases.GroupBy(c => c.File))
        {
            int t = 0, p = 0, extra = 0;
            foreach (Case c in file)
            {
                string actual = MojibakeDecoder.FixEncoding(c.Original);
                bool ok = actual == c.Expected;
                if (!c.ExpectPass)
                {
                    extra += ok ? 1 : 0;
                    continue;
                }

                t++;
                p += ok ? 1 : 0;
                if (!ok)
                {
                    output.WriteLine($"FAIL {c.File} {c.Label}\n  got:      {actual}\n  expected: {c.Expected}");
                    if (c.File == "negative.json")
                    {
                        negativeFailures.Add(c.Label);
                    }
                }
            }

            total += t;
            passed += p;
            table.Append($"| {file.Key} | {t} | {p} | {(t == 0 ? $"({extra}/{file.Count()} known failures fixed)" : $"{100.0 * p / t:F1}%")} |\n");
        }

        table.Append($"| **all expect=pass** | {total} | {passed} | {100.0 * passed / total:F1}% |\n");
        output.WriteLine(table.ToString());
        Assert.Empty(negativeFailures);
        Assert.True(passed >= 0.95 * total, $"passed {passed} of {total}");
    }

    [SharedFact]
    public void Face_file_is_repaired()
    {
        string face = File.ReadAllText(Path.Combine(RepoPaths.Shared!, "specs", "normalization", "ftfy", "face.txt")).TrimEnd('\n');
        Assert.Equal("┒(⌣˛⌣)┎", MojibakeDecoder.FixEncoding(face));
    }
}
