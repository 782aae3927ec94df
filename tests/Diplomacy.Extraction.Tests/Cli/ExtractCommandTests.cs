using System.CommandLine;
using Diplomacy.Extraction.Cli;

namespace Diplomacy.Extraction.Tests.Cli;

public sealed class ExtractCommandTests
{
    [Theory]
    [InlineData("extract", "dump.jsonl.gz", "--jsonl", "--id-field", "guid", "--text-field", "body", "--date-field", "published", "--output", "out.jsonl", "--resume", "--full", "--threads", "2", "--quiet")]
    [InlineData("dump.jsonl", "--output", "out.jsonl", "--resume", "--threads", "1")]
    [InlineData("bench", "dump.jsonl", "--threads", "1,2", "--limit", "100")]
    public void The_batch_options_parse_on_extract_the_root_command_and_bench(params string[] args)
    {
        ParseResult result = Commands.Build().Parse(args);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_non_numeric_thread_count_is_rejected()
    {
        Assert.NotEmpty(Commands.Build().Parse(["extract", "--threads", "many"]).Errors);
    }
}
