using System.CommandLine;
using System.Runtime.InteropServices;

namespace Diplomacy.Extraction.Cli;

/// <summary>
/// <c>extract</c> (also the root command): streams files, folders, JSONL (.jsonl, .jsonl.gz) or stdin through the
/// pipeline on all cores and writes one JSON line per input record.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var command = new Command("extract", "Runs the whole pipeline and prints one JSON line per input record: {id, language, status, events, diagnostics, error?, location}.");
        AddTo(command);
        return command;
    }

    /// <summary>Adds the extract arguments, options and action to <paramref name="command"/> (used for the root command too).</summary>
    public static void AddTo(Command command)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Text files, folders of .txt files, JSONL files (.jsonl, .jsonl.gz) or '-' for standard input.",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["seeds"],
        };
        var jsonl = new Option<bool>("--jsonl") { Description = "Read JSON Lines: {\"id\", \"text\", \"date\", \"source\", \"language\"} per line (only text is required)." };
        var idField = new Option<string>("--id-field") { Description = "JSONL field holding the record id.", DefaultValueFactory = _ => "id" };
        var textField = new Option<string>("--text-field") { Description = "JSONL field holding the text.", DefaultValueFactory = _ => "text" };
        var dateField = new Option<string>("--date-field") { Description = "JSONL field holding the publication date (yyyy-MM-dd, or an ISO timestamp).", DefaultValueFactory = _ => "date" };
        var reference = new Option<string?>("--reference") { Description = "Reference date (yyyy-MM-dd) for documents that have none." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the records to FILE (append + fsync per batch) instead of standard output." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted --output run: skip the records already in FILE." };
        var full = new Option<bool>("--full") { Description = "Also write sentences, entities and time expressions." };
        var threads = new Option<int>("--threads") { Description = "Documents processed in parallel (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var consolidate = new Option<string?>("--consolidate") { Description = "Also merge the events of all documents into one consolidated event per meeting, written as JSONL to FILE." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress on standard error (the summary is still printed)." };
        command.Arguments.Add(paths);
        foreach (Option option in new Option[] { jsonl, idField, textField, dateField, reference, output, resume, full, threads, consolidate, quiet })
        {
            command.Options.Add(option);
        }

        command.SetAction(r =>
        {
            string? referenceText = r.GetValue(reference);
            DateOnly? fallback = InputReader.ParseDate(referenceText);
            if (referenceText is not null && fallback is null)
            {
                Console.Error.WriteLine($"error: --reference '{referenceText}' is not a date in yyyy-MM-dd form.");
                return 2;
            }

            string? outputPath = r.GetValue(output);
            if (r.GetValue(resume) && outputPath is null)
            {
                Console.Error.WriteLine("error: --resume needs --output FILE.");
                return 2;
            }

            if (r.GetValue(threads) < 1)
            {
                Console.Error.WriteLine("error: --threads must be at least 1.");
                return 2;
            }

            var settings = new ExtractSettings
            {
                Paths = r.GetValue(paths) ?? ["seeds"],
                Jsonl = r.GetValue(jsonl),
                Fields = new JsonlFields(r.GetValue(idField) ?? "id", r.GetValue(textField) ?? "text", r.GetValue(dateField) ?? "date"),
                FallbackReferenceDate = fallback,
                OutputPath = outputPath,
                Resume = r.GetValue(resume),
                Full = r.GetValue(full),
                Threads = r.GetValue(threads),
                Progress = r.GetValue(quiet) ? false : null,
                ConsolidatePath = r.GetValue(consolidate),
            };
            return Run(settings);
        });
    }

    private static int Run(ExtractSettings settings)
    {
        // Ctrl+C / SIGTERM: stop reading input, finish and write every record already read, print the summary.
        using var stop = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            Console.Error.WriteLine("interrupted: finishing the records already read...");
            stop.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
        {
            ctx.Cancel = true;
            stop.Cancel();
        });
        try
        {
            using Stream stdout = Console.OpenStandardOutput();
            ExtractSummary s = ExtractRunner.RunAsync(settings, stdout, Console.Error, stop.Token).GetAwaiter().GetResult();
            string skipped = s.Skipped > 0 ? $", skipped (already in output): {s.Skipped}" : "";
            Console.Error.WriteLine($"records in: {s.RecordsIn}, out: {s.RecordsOut} (ok {s.Ok}, errors {s.Errors}), events: {s.Events}{skipped}");
            if (s.Consolidated is { } c)
            {
                Console.Error.WriteLine($"consolidated events: {c.Meetings} (holding {c.Events} events) in {settings.ConsolidatePath}");
            }
            if (s.Interrupted)
            {
                Console.Error.WriteLine(settings.OutputPath is null
                    ? "interrupted: the output holds whole records only."
                    : $"interrupted: run again with --resume --output {settings.OutputPath} to continue.");
                return 130;
            }

            return s.RecordsIn == s.RecordsOut ? 0 : 1;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }
}
