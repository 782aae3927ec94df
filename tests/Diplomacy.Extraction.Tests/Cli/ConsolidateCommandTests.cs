using System.CommandLine;
using System.Text;
using System.Text.Json;
using Diplomacy.Extraction.Cli;
using Diplomacy.Extraction.Tests.Infrastructure;

namespace Diplomacy.Extraction.Tests.Cli;

public sealed class ConsolidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("consolidate-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("consolidate", "out.jsonl", "--output", "meetings.jsonl", "--max-lateness", "3")]
    [InlineData("consolidate", "a.jsonl", "b.jsonl.gz", "--streaming")]
    [InlineData("extract", "dump.jsonl", "--jsonl", "--output", "out.jsonl", "--consolidate", "meetings.jsonl")]
    public void The_consolidation_options_parse(params string[] args)
    {
        Assert.Empty(Commands.Build().Parse(args).Errors);
    }

    [Fact]
    public async Task Extract_with_consolidate_merges_the_copies_of_each_meeting_and_loses_no_event()
    {
        string dump = WriteDump(copies: 3);
        string output = Path.Combine(_dir, "out.jsonl");
        string meetings = Path.Combine(_dir, "meetings.jsonl");
        ExtractSummary s = await ExtractRunner.RunAsync(
            new ExtractSettings { Paths = [dump], OutputPath = output, ConsolidatePath = meetings, Threads = 2, Progress = false },
            Stream.Null, TextWriter.Null, CancellationToken.None);

        List<JsonElement> consolidated = Read(meetings);
        Assert.Equal(2, consolidated.Count); // the Istanbul meeting and the second round, each reported 3 times over
        Assert.Equal(s.Events, consolidated.Sum(c => c.GetProperty("memberEventIds").GetArrayLength()));
        Assert.Equal((2L, s.Events), s.Consolidated);
        JsonElement istanbul = consolidated.Single(c => c.GetProperty("status").GetString() == "Held");
        Assert.Equal(12, istanbul.GetProperty("mentionCount").GetInt32());
        Assert.Equal("Istanbul", istanbul.GetProperty("location").GetProperty("city").GetString());
    }

    [Fact]
    public async Task A_resumed_run_rebuilds_the_consolidation_from_the_whole_output()
    {
        string dump = WriteDump(copies: 2);
        string output = Path.Combine(_dir, "out.jsonl");
        string meetings = Path.Combine(_dir, "meetings.jsonl");
        using var stop = new CancellationTokenSource();
        await ExtractRunner.RunAsync(
            new ExtractSettings { Paths = [dump], OutputPath = output, ConsolidatePath = meetings, Threads = 1, Progress = false, FlushEveryRecords = 2, Flushed = n => { if (n >= 4) { stop.Cancel(); } } },
            Stream.Null, TextWriter.Null, stop.Token);
        ExtractSummary second = await ExtractRunner.RunAsync(
            new ExtractSettings { Paths = [dump], OutputPath = output, ConsolidatePath = meetings, Resume = true, Threads = 1, Progress = false },
            Stream.Null, TextWriter.Null, CancellationToken.None);

        int allEvents = Read(output).Sum(r => r.GetProperty("events").GetArrayLength());
        Assert.True(second.Skipped > 0, "the first run was interrupted after some records");
        List<JsonElement> consolidated = Read(meetings);
        Assert.Equal(2, consolidated.Count);
        Assert.Equal(allEvents, consolidated.Sum(c => c.GetProperty("mentionCount").GetInt32()));
    }

    [Fact]
    public async Task The_reader_reports_a_corrupt_line_with_its_location_and_goes_on()
    {
        string output = Path.Combine(_dir, "out.jsonl");
        await ExtractRunner.RunAsync(new ExtractSettings { Paths = [WriteDump(1)], OutputPath = output, Threads = 1, Progress = false }, Stream.Null, TextWriter.Null, CancellationToken.None);
        string[] lines = File.ReadAllLines(output);
        File.WriteAllLines(output, [lines[0], "{\"id\": \"cut", "[1, 2]", .. lines[1..]]);

        var errors = new StringWriter();
        var reader = new ExtractOutputReader(errors);
        int events = reader.Events(output).Count();
        Assert.Equal(lines.Length, reader.Records);
        Assert.Equal(2, reader.Errors);
        Assert.Contains($"{output}:2: invalid JSON", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{output}:3: not an 'extract' record", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(lines.Sum(l => JsonDocument.Parse(l).RootElement.GetProperty("events").GetArrayLength()), events);
    }

    private string WriteDump(int copies)
    {
        var sb = new StringBuilder();
        for (int c = 0; c < copies; c++)
        {
            SeedDump.AppendSeeds(sb, c);
        }

        return SeedDump.Write(Path.Combine(_dir, "dump.jsonl"), sb.ToString());
    }

    private static List<JsonElement> Read(string path) => SeedDump.Read(path);
}
