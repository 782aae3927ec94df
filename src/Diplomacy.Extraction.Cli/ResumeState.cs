using System.Text.Json;

namespace Diplomacy.Extraction.Cli;

/// <summary>
/// What an interrupted <c>--output</c> file already holds: the input locations (file:line) of its complete records.
/// A trailing partial line (a crash mid-write) is cut off so the file ends on a record boundary.
/// </summary>
internal static class ResumeState
{
    public static HashSet<string> LoadAndRepair(string path, out int records, out long truncatedBytes)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        records = 0;
        truncatedBytes = 0;
        if (!File.Exists(path))
        {
            return done;
        }

        long keep = 0;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            using var reader = new StreamReader(stream, leaveOpen: true);
            long position = 0;
            while (true)
            {
                string? line = ReadLineWithEnd(reader, out bool complete);
                if (line is null || !complete)
                {
                    break;
                }

                position += System.Text.Encoding.UTF8.GetByteCount(line) + 1;
                string? key = KeyOf(line);
                if (key is null)
                {
                    break;
                }

                done.Add(key);
                records++;
                keep = position;
            }

            truncatedBytes = stream.Length - keep;
            if (truncatedBytes > 0)
            {
                stream.SetLength(keep);
                stream.Flush(flushToDisk: true);
            }
        }

        return done;
    }

    /// <summary>The key of an output record: its input location, or its id when it has none.</summary>
    public static string? KeyOf(string line)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (doc.RootElement.TryGetProperty("location", out JsonElement loc) && loc.ValueKind == JsonValueKind.String)
            {
                return loc.GetString();
            }

            return doc.RootElement.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadLineWithEnd(StreamReader reader, out bool complete)
    {
        var sb = new System.Text.StringBuilder();
        complete = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
            {
                complete = true;
                return sb.ToString();
            }

            sb.Append((char)c);
        }

        return sb.Length == 0 ? null : sb.ToString();
    }
}
