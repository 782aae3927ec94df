using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Diplomacy.Extraction.Consolidation;
using Diplomacy.Extraction.Events;

namespace Diplomacy.Extraction.Cli;

/// <summary>
/// <c>diplomacy-extract consolidate FILE...</c>: reads the JSONL written by <c>extract</c> and writes one consolidated
/// event (all reports of one meeting) per line.
/// </summary>
internal static class ConsolidateCommand
{
    public static Command Create()
    {
        var command = new Command("consolidate", "Merges the events of many documents (the JSONL written by 'extract') into one consolidated event per real meeting, one JSON line each.");
        var paths = new Argument<string[]>("paths")
        {
            Description = "JSONL files written by 'extract' (.jsonl or .jsonl.gz), or '-' for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write the consolidated events to FILE instead of standard output." };
        var streaming = new Option<bool>("--streaming") { Description = "Bounded memory for very large inputs in publication order: meetings are written as the dates move past them (default: all events in memory, the result independent of the input order)." };
        var lateness = new Option<int>("--max-lateness") { Description = "With --streaming: how many days (by reference date) an event may arrive out of publication order.", DefaultValueFactory = _ => ConsolidationOptions.Default.MaxLatenessDays };
        command.Arguments.Add(paths);
        command.Options.Add(output);
        command.Options.Add(streaming);
        command.Options.Add(lateness);
        command.SetAction(r =>
        {
            if (r.GetValue(lateness) < 0)
            {
                Console.Error.WriteLine("error: --max-lateness must not be negative.");
                return 2;
            }

            var options = new ConsolidationOptions { MaxLatenessDays = r.GetValue(lateness) };
            return Run(r.GetValue(paths) ?? [], r.GetValue(output), r.GetValue(streaming), options);
        });
        return command;
    }

    private static int Run(string[] paths, string? outputPath, bool streaming, ConsolidationOptions options)
    {
        Stream output;
        try
        {
            output = outputPath is null ? Console.OpenStandardOutput() : new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write '{outputPath}': {ex.Message}");
            return 2;
        }

        using (output)
        {
            var writer = new ConsolidationWriter(output, streaming, options);
            var reading = new ExtractOutputReader(Console.Error);
            foreach (string path in paths)
            {
                foreach (DiplomaticEvent e in reading.Events(path))
                {
                    writer.Add(e);
                }
            }

            writer.Complete();

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"records read: {reading.Records} ({reading.Errors} unreadable lines), events in: {writer.EventsIn}, consolidated events out: {writer.MeetingsOut} holding {writer.MentionsOut} events{(writer.LateEvents > 0 ? $", {writer.LateEvents} events arrived more than the lateness bound out of date order (run without --streaming, or raise --max-lateness)" : "")}"));
            return reading.Errors > 0 || writer.EventsIn != writer.MentionsOut ? 1 : 0;
        }
    }
}

/// <summary>Reads the events back from the JSONL records written by <c>extract</c>; an unreadable line is reported with its location and skipped.</summary>
internal sealed class ExtractOutputReader(TextWriter errors)
{
    public long Records { get; private set; }

    public long Errors { get; private set; }

    public IEnumerable<DiplomaticEvent> Events(string path)
    {
        StreamReader reader;
        try
        {
            reader = Open(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Errors++;
            errors.WriteLine($"error: {path}: {ex.Message}");
            yield break;
        }

        using (reader)
        {
            long line = 0;
            while (true)
            {
                string? text;
                try
                {
                    text = reader.ReadLine();
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException)
                {
                    Errors++;
                    errors.WriteLine($"error: {path}:{line + 1}: {ex.Message}");
                    yield break;
                }

                if (text is null)
                {
                    yield break;
                }

                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                List<DiplomaticEvent>? events = Parse(text, out string? problem);
                if (events is null)
                {
                    Errors++;
                    errors.WriteLine($"error: {path}:{line}: {problem}");
                    continue;
                }

                Records++;
                foreach (DiplomaticEvent e in events)
                {
                    yield return e;
                }
            }
        }
    }

    private static StreamReader Open(string path)
    {
        if (path == "-")
        {
            return new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        }

        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream, Encoding.UTF8);
    }

    private static List<DiplomaticEvent>? Parse(string line, out string? problem)
    {
        problem = null;
        try
        {
            using JsonDocument record = JsonDocument.Parse(line);
            if (record.RootElement.ValueKind != JsonValueKind.Object || !record.RootElement.TryGetProperty("events", out JsonElement events) || events.ValueKind != JsonValueKind.Array)
            {
                problem = "not an 'extract' record (no events array)";
                return null;
            }

            string? id = record.RootElement.TryGetProperty("id", out JsonElement idElement) ? idElement.GetString() : null;
            var list = new List<DiplomaticEvent>(events.GetArrayLength());
            foreach (JsonElement e in events.EnumerateArray())
            {
                DiplomaticEvent? parsed = e.Deserialize(DiplomacyJsonContext.Default.DiplomaticEvent);
                if (parsed is null)
                {
                    continue;
                }

                if (parsed.Id.Length == 0)
                {
                    parsed = parsed with { Id = string.Create(CultureInfo.InvariantCulture, $"{id}#{list.Count + 1}") };
                }

                list.Add(parsed);
            }

            return list;
        }
        catch (JsonException ex)
        {
            problem = "invalid JSON: " + ex.Message;
            return null;
        }
        catch (InvalidOperationException ex)
        {
            problem = "unexpected value: " + ex.Message;
            return null;
        }
    }
}

/// <summary>
/// Consolidates events and writes each consolidated event as one JSON line: all at the end (exact, any input order),
/// or with <c>streaming</c> as the dates move past each meeting (bounded memory, input in publication order).
/// </summary>
internal sealed class ConsolidationWriter
{
    private readonly Stream _output;
    private readonly EventConsolidator _consolidator;
    private readonly ConsolidationSession? _session;
    private readonly List<DiplomaticEvent> _all = [];
    private readonly JsonWriterOptions _options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ConsolidationWriter(Stream output, bool streaming = false, ConsolidationOptions? options = null)
    {
        _output = output;
        _consolidator = new EventConsolidator(options);
        _session = streaming ? _consolidator.CreateSession() : null;
    }

    public long EventsIn { get; private set; }

    public long MeetingsOut { get; private set; }

    public long MentionsOut { get; private set; }

    public long LateEvents => _session?.LateEvents ?? 0;

    public void Add(DiplomaticEvent e)
    {
        EventsIn++;
        if (_session is null)
        {
            _all.Add(e);
        }
        else
        {
            Write(_session.Add(e));
        }
    }

    public void Complete()
    {
        Write(_session is null ? _consolidator.Consolidate(_all) : _session.Complete());
        _all.Clear();
        _output.Flush();
    }

    private void Write(IReadOnlyList<ConsolidatedEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        using (var writer = new Utf8JsonWriter(_output, _options))
        {
            foreach (ConsolidatedEvent c in events)
            {
                JsonSerializer.Serialize(writer, c, DiplomacyJsonContext.Default.ConsolidatedEvent);
                writer.Flush();
                writer.Reset();
                _output.Write("\n"u8);
                MeetingsOut++;
                MentionsOut += c.MentionCount;
            }
        }
    }
}
