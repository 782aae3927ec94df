using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Diplomacy.Extraction.Cli;

/// <summary>Writes JSON to standard output: indented on a terminal, one object per line otherwise.</summary>
internal sealed class JsonOutput : IDisposable
{
    private readonly Stream _stdout = Console.OpenStandardOutput();
    private readonly bool _indented;

    public JsonOutput(bool? indented = null)
    {
        _indented = indented ?? !Console.IsOutputRedirected;
    }

    public void Write<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var options = new JsonWriterOptions { Indented = _indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(_stdout, options))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        _stdout.WriteByte((byte)'\n');
    }

    public void Dispose()
    {
        _stdout.Flush();
        _stdout.Dispose();
    }
}
