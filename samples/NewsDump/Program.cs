using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Diplomacy.Extraction;
using Diplomacy.Extraction.Consolidation;
using Diplomacy.Extraction.Events;

// NewsDump: streams a JSON Lines dump ({"id", "text", "date"} per line; .jsonl or .jsonl.gz), writes every event
// to <out>/events.csv and <out>/events.jsonl, the consolidated meetings to <out>/meetings.jsonl, and prints a summary. Usage: NewsDump <dump.jsonl> [outDir] [maxDocs]
if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: NewsDump <dump.jsonl[.gz]> [outDir (default: .)] [maxDocs]");
    return 2;
}

string outDir = args.Length > 1 ? args[1] : ".";
int maxDocs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : int.MaxValue;
Directory.CreateDirectory(outDir);

ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
using Stream input = OpenInput(args[0]);
using var reader = new StreamReader(input, Encoding.UTF8);
using var csv = new StreamWriter(Path.Combine(outDir, "events.csv"), false, new UTF8Encoding(false));
using var jsonl = new StreamWriter(Path.Combine(outDir, "events.jsonl"), false, new UTF8Encoding(false));
csv.WriteLine("documentId,language,kind,status,participants,city,countryCode,start,end,confidence,text");

int docs = 0, events = 0, errors = 0, lineNumber = 0;
var all = new List<DiplomaticEvent>();
while (docs < maxDocs && reader.ReadLine() is { } line)
{
    lineNumber++;
    if (string.IsNullOrWhiteSpace(line))
    {
        continue;
    }

    DumpRecord? record;
    try
    {
        record = JsonSerializer.Deserialize(line, DumpJsonContext.Default.DumpRecord);
    }
    catch (JsonException ex)
    {
        errors++;
        Console.Error.WriteLine($"line {lineNumber}: not JSON: {ex.Message}");
        continue;
    }

    if (record?.Text is null)
    {
        errors++;
        Console.Error.WriteLine($"line {lineNumber}: no \"text\"");
        continue;
    }

    docs++;
    DateOnly? reference = DateOnly.TryParseExact(record.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d : null;
    ExtractionResult result = pipeline.Extract(record.Text, new DocumentInfo { Id = record.Id ?? $"line-{lineNumber}", ReferenceDate = reference });
    if (result.HasErrors)
    {
        errors++;
    }

    foreach (DiplomaticEvent e in result.Events)
    {
        events++;
        all.Add(e);
        jsonl.WriteLine(JsonSerializer.Serialize(e, DiplomacyJsonContext.Default.DiplomaticEvent));
        csv.WriteLine(string.Join(',',
            Csv(e.DocumentId), e.Language, e.Kind.ToString(), e.Status.ToString(),
            Csv(string.Join(';', e.Participants.Select(p => p.Code))),
            Csv(e.Location?.City), e.Location?.CountryCode ?? string.Empty,
            Date(e.Time?.Start), Date(e.Time?.End),
            e.Confidence.ToString("0.###", CultureInfo.InvariantCulture),
            Csv(record.Text.Substring(e.Span.Start, e.Span.Length))));
    }
}

// one record per real meeting: all reports of it across the dump, with its status history
IReadOnlyList<ConsolidatedEvent> meetings = new EventConsolidator().Consolidate(all);
using (var meetingsFile = new StreamWriter(Path.Combine(outDir, "meetings.jsonl"), false, new UTF8Encoding(false)))
{
    foreach (ConsolidatedEvent m in meetings)
    {
        meetingsFile.WriteLine(JsonSerializer.Serialize(m, DiplomacyJsonContext.Default.ConsolidatedEvent));
    }
}

Console.WriteLine($"docs: {docs}, events: {events}, meetings: {meetings.Count}, errors: {errors} -> {Path.Combine(outDir, "events.csv")}, {Path.Combine(outDir, "events.jsonl")}, {Path.Combine(outDir, "meetings.jsonl")}");
return 0;

static Stream OpenInput(string path)
{
    Stream file = File.OpenRead(path);
    return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
}

static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

static string Csv(string? value)
{
    if (string.IsNullOrEmpty(value))
    {
        return string.Empty;
    }

    string flat = value.Replace('\r', ' ').Replace('\n', ' ');
    return flat.AsSpan().IndexOfAny("\",") >= 0 ? "\"" + flat.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : flat;
}

/// <summary>One line of the dump; other fields (title, source, ...) are ignored.</summary>
internal sealed record DumpRecord(string? Id, string? Text, string? Date);

/// <summary>Source-generated JSON metadata for the dump lines.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DumpRecord))]
internal sealed partial class DumpJsonContext : JsonSerializerContext;
