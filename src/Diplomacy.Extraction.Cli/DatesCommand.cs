using System.CommandLine;
using System.Globalization;
using System.Text.Json.Serialization;
using Diplomacy.Extraction.Dates;

namespace Diplomacy.Extraction.Cli;

/// <summary>The <c>dates</c> subcommand: prints the time expressions of each document with their resolution.</summary>
internal static class DatesCommand
{
    public static Command Create()
    {
        var command = new Command("dates", "Prints the date and time expressions of each document, resolved against its reference date: one {\"mentions\": [...]} per document.");
        var paths = new Argument<string[]>("paths")
        {
            Description = "Text files, folders of .txt files, JSONL files (.jsonl, .jsonl.gz) or '-' for standard input.",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["seeds"],
        };
        var jsonl = new Option<bool>("--jsonl") { Description = "Read JSON Lines: {\"text\", \"referenceDate\", \"language\"} per line; write one JSON line per input line." };
        var reference = new Option<string?>("--reference") { Description = "Reference date (yyyy-MM-dd) for documents that have none." };
        command.Arguments.Add(paths);
        command.Options.Add(jsonl);
        command.Options.Add(reference);
        command.SetAction(r => Run(r.GetValue(paths), r.GetValue(jsonl), r.GetValue(reference)));
        return command;
    }

    private static int Run(string[]? paths, bool jsonl, string? reference)
    {
        DateOnly? fallback = InputReader.ParseDate(reference);
        if (reference is not null && fallback is null)
        {
            Console.Error.WriteLine($"error: --reference '{reference}' is not a date in yyyy-MM-dd form.");
            return 2;
        }

        return DocumentLoop.Run(paths, jsonl, fallback, (_, result, output) =>
        {
            var mentions = new List<DateMentionOutput>();
            foreach (TimeExpression t in result.TimeExpressions)
            {
                mentions.Add(new DateMentionOutput(
                    new DateSpanOutput(t.Span.Start, t.Span.Length),
                    t.Text,
                    t.Type.ToString(),
                    t.Timex,
                    t.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    t.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    t.StartTime is { } st && t.Start is { } sd ? sd.ToDateTime(st).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) : t.StartTime?.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                    t.EndTime is { } et && t.End is { } ed ? ed.ToDateTime(et).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) : t.EndTime?.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                    t.Granularity?.ToString(),
                    t.Resolved));
            }

            output.Write(new DatesOutput(mentions), DatesJsonContext.Default.DatesOutput);
        });
    }
}

/// <summary>One document's time expressions.</summary>
internal sealed record DatesOutput(IReadOnlyList<DateMentionOutput> Mentions);

/// <summary>A span in the original text.</summary>
internal sealed record DateSpanOutput(int Start, int Length);

/// <summary>One time expression as printed by the <c>dates</c> command.</summary>
internal sealed record DateMentionOutput(DateSpanOutput Span, string Text, string Type, string? Timex, string? Start, string? End, string? StartTime, string? EndTime, string? Granularity, bool Resolved);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DatesOutput))]
internal sealed partial class DatesJsonContext : JsonSerializerContext;
