using System.Text;
using System.Text.Json;
using Diplomacy.Extraction.Cli;
using Diplomacy.Extraction.Tests.Infrastructure;

namespace Diplomacy.Extraction.Tests.Cli;

public sealed class ExtractRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("batch-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A JSONL dump of the seeds repeated, with a broken line and a record without text in the middle.</summary>
    private string WriteDump(int copies, string idField = "id", string textField = "text", string dateField = "date", bool gzip = false)
    {
        var sb = new StringBuilder();
        for (int c = 0; c < copies; c++)
        {
            SeedDump.AppendSeeds(sb, c, idField, textField, dateField);
            if (c == 1)
            {
                sb.Append("{\"id\": \"broken\", \"text\": \n");
                sb.Append("{\"id\": \"no-text\"}\n");
            }
        }

        return SeedDump.Write(Path.Combine(_dir, gzip ? "dump.jsonl.gz" : "dump.jsonl"), sb.ToString(), gzip);
    }

    private static List<JsonElement> ReadRecords(string path) => SeedDump.Read(path);

    private static Task<ExtractSummary> Run(ExtractSettings settings, CancellationToken stop = default) =>
        ExtractRunner.RunAsync(settings with { Progress = false }, Stream.Null, TextWriter.Null, stop);

    [Fact]
    public async Task Every_record_is_accounted_for_with_errors_and_line_numbers()
    {
        string dump = WriteDump(3);
        string output = Path.Combine(_dir, "out.jsonl");
        ExtractSummary s = await Run(new ExtractSettings { Paths = [dump], OutputPath = output, Threads = 2 });

        List<JsonElement> records = ReadRecords(output);
        int expected = (3 * Seeds.All.Count) + 2;
        Assert.Equal(expected, s.RecordsIn);
        Assert.Equal(expected, s.RecordsOut);
        Assert.Equal(expected, records.Count);
        Assert.Equal(2, s.Errors);
        Assert.Equal(s.Events, records.Sum(r => r.GetProperty("events").GetArrayLength()));
        Assert.True(s.Events >= 3 * Seeds.All.Count, "every seed has at least one event");

        JsonElement broken = records.Single(r => r.GetProperty("location").GetString() == $"{dump}:{(2 * Seeds.All.Count) + 1}");
        Assert.Equal("error", broken.GetProperty("status").GetString());
        Assert.StartsWith("invalid JSON", broken.GetProperty("error").GetString(), StringComparison.Ordinal);
        JsonElement noText = records.Single(r => r.GetProperty("id").GetString() == "no-text");
        Assert.Equal("error", noText.GetProperty("status").GetString());

        // Input order is kept; ok records carry the events serialized with the library's contract.
        Assert.Equal($"{Seeds.All[0].Id}-0", records[0].GetProperty("id").GetString());
        JsonElement firstEvent = records[0].GetProperty("events")[0];
        Assert.Equal($"{Seeds.All[0].Id}-0", firstEvent.GetProperty("documentId").GetString());
        Assert.False(records[0].TryGetProperty("sentences", out _));
    }

    [Fact]
    public async Task Custom_field_names_and_gzip_input_are_read()
    {
        string dump = WriteDump(1, idField: "guid", textField: "body", dateField: "published", gzip: true);
        string output = Path.Combine(_dir, "out.jsonl");
        ExtractSummary s = await Run(new ExtractSettings
        {
            Paths = [dump],
            OutputPath = output,
            Fields = new JsonlFields("guid", "body", "published"),
            Full = true,
        });

        List<JsonElement> records = ReadRecords(output);
        Assert.Equal(Seeds.All.Count, records.Count);
        Assert.Equal(0, s.Errors);
        Assert.Equal(Seeds.All.Select(x => $"{x.Id}-0"), records.Select(r => r.GetProperty("id").GetString()));
        Assert.All(records, r => Assert.True(r.GetProperty("sentences").GetArrayLength() > 0));
        Assert.All(records, r => Assert.True(r.GetProperty("entities").GetArrayLength() > 0));
        Assert.Contains(records, r => r.GetProperty("language").GetString() == "de");
    }

    [Fact]
    public async Task An_interrupted_run_resumes_without_duplicates_or_losses()
    {
        string dump = WriteDump(8);
        int total = (8 * Seeds.All.Count) + 2;
        string output = Path.Combine(_dir, "out.jsonl");

        // First run: stopped after a few records (as Ctrl+C does), then a crash leaves half a record at the end.
        using var stop = new CancellationTokenSource();
        ExtractSummary s1 = await Run(
            new ExtractSettings { Paths = [dump], OutputPath = output, Threads = 2, FlushEveryRecords = 2, Flushed = n => { if (n >= 6) { stop.Cancel(); } } },
            stop.Token);
        Assert.True(s1.Interrupted);
        Assert.Equal(s1.RecordsIn, s1.RecordsOut);
        Assert.InRange(s1.RecordsOut, 1, total - 1);
        Assert.Equal(s1.RecordsOut, ReadRecords(output).Count);
        File.AppendAllText(output, "{\"id\":\"half-writ");

        ExtractSummary s2 = await Run(new ExtractSettings { Paths = [dump], OutputPath = output, Resume = true, Threads = 2 });
        Assert.False(s2.Interrupted);
        Assert.Equal(s1.RecordsOut, s2.Skipped);
        Assert.Equal(s2.RecordsIn, s2.RecordsOut);

        List<JsonElement> records = ReadRecords(output);
        List<string> locations = records.Select(r => r.GetProperty("location").GetString()!).ToList();
        Assert.Equal(total, records.Count);
        Assert.Equal(total, locations.Distinct().Count());
        Assert.Equal(total, s1.RecordsOut + s2.RecordsOut);

        // The resumed output equals an uninterrupted run, record for record (as a set).
        string fresh = Path.Combine(_dir, "fresh.jsonl");
        await Run(new ExtractSettings { Paths = [dump], OutputPath = fresh, Threads = 1 });
        Assert.Equal(File.ReadAllLines(fresh).Order(StringComparer.Ordinal), File.ReadAllLines(output).Order(StringComparer.Ordinal));
    }
}
