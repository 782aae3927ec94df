using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Diplomacy.Extraction.Tests.Infrastructure;

/// <summary>JSONL dumps made of the seed articles (for CLI tests), and reading JSONL output back.</summary>
internal static class SeedDump
{
    /// <summary>One JSON object with the given string fields.</summary>
    public static string Record(params (string Field, string Value)[] fields)
    {
        var record = new Dictionary<string, string>();
        foreach ((string field, string value) in fields)
        {
            record[field] = value;
        }

        return JsonSerializer.Serialize(record);
    }

    /// <summary>
    /// Appends one line per seed for copy <paramref name="copy"/>: id <c>{seed}-{copy}</c>, the text, and the seed's
    /// reference date (or <paramref name="date"/> when given).
    /// </summary>
    public static void AppendSeeds(StringBuilder sb, int copy, string idField = "id", string textField = "text", string dateField = "date", string? date = null)
    {
        foreach (Seeds.Seed seed in Seeds.All)
        {
            sb.Append(Record((idField, $"{seed.Id}-{copy}"), (textField, seed.Text), (dateField, date ?? seed.ReferenceDate.ToString("yyyy-MM-dd")))).Append('\n');
        }
    }

    /// <summary>Writes <paramref name="content"/> as UTF-8, gzip-compressed when <paramref name="gzip"/>.</summary>
    public static string Write(string path, string content, bool gzip = false)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(content);
        if (gzip)
        {
            using var file = File.Create(path);
            using var gz = new GZipStream(file, CompressionLevel.Fastest);
            gz.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }

        return path;
    }

    /// <summary>Every line of a JSONL file, parsed (an invalid line throws).</summary>
    public static List<JsonElement> Read(string path) =>
        File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
}
