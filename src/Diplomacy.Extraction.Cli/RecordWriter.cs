using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Diplomacy.Extraction.Batch;

namespace Diplomacy.Extraction.Cli;

/// <summary>
/// Serializes one output line per input record into a buffer; the caller flushes whole lines only, so a
/// crash can at worst lose a trailing partial line (which <c>--resume</c> cuts off).
/// </summary>
internal sealed class RecordWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly JsonWriterOptions _options;
    private readonly bool _full;

    public RecordWriter(bool full, bool indented)
    {
        _full = full;
        _options = new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    }

    public int PendingBytes => _buffer.WrittenCount;

    /// <summary>Appends the record for one batch result; returns its status.</summary>
    public RecordStatus Append(BatchResult batch)
    {
        var input = (InputDocument)batch.Document.Tag!;
        ExtractionResult? result = input.Text is null ? null : batch.Result;
        string? error = input.Text is null ? input.Error ?? "unreadable" : batch.Error;
        if (error is null && result is not null && result.HasErrors)
        {
            foreach (Diagnostic d in result.Diagnostics)
            {
                if (d.Severity == DiagnosticSeverity.Error)
                {
                    error = d.Message;
                    break;
                }
            }
        }

        int events = 0;
        using (var writer = new Utf8JsonWriter(_buffer, _options))
        {
            writer.WriteStartObject();
            writer.WriteString("id", input.Info.Id ?? input.Location);
            writer.WriteString("language", result?.Language ?? "und");
            writer.WriteString("status", error is null ? "ok" : "error");
            writer.WriteStartArray("events");
            if (result is not null)
            {
                foreach (Events.DiplomaticEvent e in result.Events)
                {
                    JsonSerializer.Serialize(writer, e, DiplomacyJsonContext.Default.DiplomaticEvent);
                    events++;
                }
            }

            writer.WriteEndArray();
            writer.WriteStartArray("diagnostics");
            if (input.Text is not null && input.Error is not null)
            {
                // A readable record with a reading warning (e.g. invalid UTF-8 replaced).
                JsonSerializer.Serialize(writer, new Diagnostic("input.warning", DiagnosticSeverity.Warning, input.Error), DiplomacyJsonContext.Default.Diagnostic);
            }

            if (result is not null)
            {
                foreach (Diagnostic d in result.Diagnostics)
                {
                    JsonSerializer.Serialize(writer, d, DiplomacyJsonContext.Default.Diagnostic);
                }
            }

            writer.WriteEndArray();
            if (error is not null)
            {
                writer.WriteString("error", error);
            }

            writer.WriteString("location", input.Location);
            if (_full && result is not null)
            {
                writer.WriteStartArray("sentences");
                foreach (Sentence s in result.Sentences)
                {
                    JsonSerializer.Serialize(writer, s, DiplomacyJsonContext.Default.Sentence);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("entities");
                foreach (Entities.EntityMention m in result.Entities)
                {
                    JsonSerializer.Serialize(writer, m, DiplomacyJsonContext.Default.EntityMention);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("timeExpressions");
                foreach (Dates.TimeExpression t in result.TimeExpressions)
                {
                    JsonSerializer.Serialize(writer, t, DiplomacyJsonContext.Default.TimeExpression);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        _buffer.Write("\n"u8);
        return new RecordStatus(error is null, events);
    }

    /// <summary>Writes the buffered lines to <paramref name="stream"/> and clears the buffer.</summary>
    public void FlushTo(Stream stream, bool durable)
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        stream.Write(_buffer.WrittenSpan);
        if (durable && stream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
        else
        {
            stream.Flush();
        }

        _buffer.ResetWrittenCount();
    }
}

/// <summary>Whether a written record was ok, and how many events it had.</summary>
internal readonly record struct RecordStatus(bool Ok, int Events);
