using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Diplomacy.Extraction.Cli;

/// <summary>
/// Turns command-line paths into input documents: text files, folders of <c>.txt</c> files
/// (with an optional <c>*.meta.json</c> beside them), JSON Lines (plain or <c>.gz</c>), or standard input (<c>-</c>).
/// A record that cannot be read becomes an <see cref="InputDocument"/> with an error, never an exception.
/// </summary>
internal static class InputReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEnumerable<InputDocument> Read(IReadOnlyList<string> paths, bool jsonl) => Read(paths, jsonl, JsonlFields.Default);

    /// <summary>Reads the inputs; JSONL records take their id, text and date from the given field names.</summary>
    public static IEnumerable<InputDocument> Read(IReadOnlyList<string> paths, bool jsonl, JsonlFields fields)
    {
        foreach (string path in paths)
        {
            if (path == "-")
            {
                foreach (InputDocument d in jsonl ? ReadJsonl(Console.In, "stdin", fields) : [ReadStdinText()])
                {
                    yield return d;
                }
            }
            else if (Directory.Exists(path))
            {
                foreach (InputDocument d in ReadFolder(path, jsonl, fields))
                {
                    yield return d;
                }
            }
            else if (File.Exists(path))
            {
                bool isJsonl = jsonl || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);
                foreach (InputDocument d in isJsonl ? ReadJsonlFile(path, fields) : [ReadTextFile(path, null)])
                {
                    yield return d;
                }
            }
            else
            {
                yield return new InputDocument(path, null, new DocumentInfo { Id = path }, "not found: no such file or folder");
            }
        }
    }

    private static InputDocument ReadStdinText() =>
        new("stdin", Console.In.ReadToEnd(), new DocumentInfo { Id = "stdin" });

    private static IEnumerable<InputDocument> ReadFolder(string folder, bool jsonl, JsonlFields fields)
    {
        var meta = new Dictionary<string, MetaEntry>(StringComparer.Ordinal);
        foreach (string metaPath in Directory.EnumerateFiles(folder, "*.meta.json").Order(StringComparer.Ordinal))
        {
            MetaFile? file = null;
            string? error = null;
            try
            {
                file = JsonSerializer.Deserialize(File.ReadAllText(metaPath), CliJsonContext.Default.MetaFile);
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                error = ex.Message;
            }

            if (error is not null)
            {
                yield return new InputDocument(metaPath, null, new DocumentInfo { Id = metaPath }, $"unreadable metadata file: {error}");
                continue;
            }

            foreach (MetaEntry entry in file?.Documents ?? [])
            {
                if (entry.File is not null)
                {
                    meta[entry.File] = entry;
                }
            }
        }

        string pattern = jsonl ? "*.jsonl*" : "*.txt";
        foreach (string path in Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal))
        {
            if (jsonl)
            {
                foreach (InputDocument d in ReadJsonlFile(path, fields))
                {
                    yield return d;
                }
            }
            else
            {
                yield return ReadTextFile(path, meta.GetValueOrDefault(Path.GetFileName(path)));
            }
        }
    }

    private static InputDocument ReadTextFile(string path, MetaEntry? meta)
    {
        var info = new DocumentInfo
        {
            Id = meta?.Id ?? Path.GetFileNameWithoutExtension(path),
            ReferenceDate = ParseDate(meta?.ReferenceDate),
            Source = meta?.Source,
            Url = meta?.Url is { } u && Uri.TryCreate(u, UriKind.Absolute, out Uri? uri) ? uri : null,
            LanguageHint = meta?.Language,
        };
        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            string text = Decode(bytes, out string? warning);
            return warning is null
                ? new InputDocument(path, text, info, null, bytes.Length)
                : new InputDocument(path, null, info, warning, bytes.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new InputDocument(path, null, info, $"unreadable: {ex.Message}");
        }
    }

    /// <summary>Decodes UTF-8 (BOM skipped); invalid bytes are replaced and reported instead of failing.</summary>
    private static string Decode(byte[] bytes, out string? warning)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        warning = null;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (span[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(span[2..]); // UTF-16 with a byte order mark
        }

        int invalid = System.Text.Unicode.Utf8.IsValid(span) ? -1 : CheckedLineReader.FirstInvalid(span);
        if (invalid >= 0)
        {
            warning = $"not valid UTF-8: invalid byte at offset {invalid} (convert the file to UTF-8)";
            return "";
        }

        return StrictUtf8.GetString(span);
    }

    private static IEnumerable<InputDocument> ReadJsonlFile(string path, JsonlFields fields)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new InputDocument(path, null, new DocumentInfo { Id = path }, $"unreadable: {ex.Message}")];
        }

        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return ReadJsonlOwned(new CheckedLineReader(stream), path, fields);
    }

    private static IEnumerable<InputDocument> ReadJsonlOwned(TextReader reader, string location, JsonlFields fields)
    {
        using (reader)
        {
            foreach (InputDocument d in ReadJsonl(reader, location, fields))
            {
                yield return d;
            }
        }
    }

    private static IEnumerable<InputDocument> ReadJsonl(TextReader reader, string location, JsonlFields fields)
    {
        int lineNumber = 0;
        while (true)
        {
            string? line;
            string? readError = null;
            try
            {
                line = reader.ReadLine();
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                line = null;
                readError = ex.Message;
            }

            if (readError is not null)
            {
                yield return new InputDocument($"{location}:{lineNumber + 1}", null, new DocumentInfo { Id = $"{location}:{lineNumber + 1}" }, $"read error: {readError}");
                yield break;
            }

            if (line is null)
            {
                yield break;
            }

            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string where = $"{location}:{lineNumber}";
            long bytes = Encoding.UTF8.GetByteCount(line) + 1;
            if (reader is CheckedLineReader { InvalidAt: >= 0 } checkedReader)
            {
                yield return new InputDocument(where, null, new DocumentInfo { Id = where }, $"not valid UTF-8: invalid byte at offset {checkedReader.InvalidAt} of the line", bytes);
                continue;
            }

            yield return fields.IsDefault ? ParseDefaultRecord(line, where, bytes) : ParseCustomRecord(line, where, bytes, fields);
        }
    }

    private static InputDocument ParseDefaultRecord(string line, string where, long bytes)
    {
        JsonlRecord? record = null;
        string? error = null;
        try
        {
            record = JsonSerializer.Deserialize(line, CliJsonContext.Default.JsonlRecord);
        }
        catch (JsonException ex)
        {
            error = $"invalid JSON: {ex.Message}";
        }

        if (error is null && record?.Text is null)
        {
            error = "the record has no \"text\" field";
        }

        var info = new DocumentInfo
        {
            Id = record?.Id ?? where,
            ReferenceDate = ParseDate(record?.ReferenceDate ?? record?.Date),
            Source = record?.Source,
            Url = record?.Url is { } u && Uri.TryCreate(u, UriKind.Absolute, out Uri? uri) ? uri : null,
            LanguageHint = record?.Language,
        };
        return new InputDocument(where, error is null ? record!.Text : null, info, error, bytes);
    }

    /// <summary>A record whose id, text and date live under caller-chosen field names (exact, case-sensitive).</summary>
    private static InputDocument ParseCustomRecord(string line, string where, long bytes, JsonlFields fields)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new InputDocument(where, null, new DocumentInfo { Id = where }, "invalid record: not a JSON object", bytes);
            }

            string? id = Scalar(root, fields.IdField);
            string? text = root.TryGetProperty(fields.TextField, out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            string? url = Scalar(root, "url");
            var info = new DocumentInfo
            {
                Id = id ?? where,
                ReferenceDate = ParseDate(DatePrefix(Scalar(root, fields.DateField))),
                Source = Scalar(root, "source"),
                Url = url is not null && Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? uri : null,
                LanguageHint = Scalar(root, "language"),
            };
            return text is null
                ? new InputDocument(where, null, info, $"the record has no string \"{fields.TextField}\" field", bytes)
                : new InputDocument(where, text, info, null, bytes);
        }
        catch (JsonException ex)
        {
            return new InputDocument(where, null, new DocumentInfo { Id = where }, $"invalid JSON: {ex.Message}", bytes);
        }
    }

    private static string? Scalar(JsonElement root, string name) =>
        !root.TryGetProperty(name, out JsonElement e) ? null : e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            _ => null,
        };

    /// <summary>Accepts timestamps such as <c>2025-02-27T10:00:00Z</c> by keeping their date part.</summary>
    private static string? DatePrefix(string? value) => value is { Length: > 10 } && value[10] == 'T' ? value[..10] : value;

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d : null;
}
