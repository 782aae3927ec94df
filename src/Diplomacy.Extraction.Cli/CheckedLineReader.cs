using System.Buffers;
using System.Text;

namespace Diplomacy.Extraction.Cli;

/// <summary>
/// Reads lines of a byte stream as UTF-8 and says which ones are not valid UTF-8 (a StreamReader would replace the bad
/// bytes silently). Invalid bytes are decoded as U+FFFD; <see cref="InvalidAt"/> gives the byte offset of the first one.
/// Stream errors (a truncated gzip file, an I/O error) propagate from <see cref="ReadLine"/>.
/// </summary>
internal sealed class CheckedLineReader(Stream stream) : TextReader
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly ArrayBufferWriter<byte> _line = new(1 << 12);
    private int _position;
    private int _length;
    private bool _started;
    private bool _ended;

    /// <summary>The byte offset, in the line last read, of its first invalid UTF-8 byte; -1 when it was valid.</summary>
    public int InvalidAt { get; private set; } = -1;

    public override string? ReadLine()
    {
        _line.ResetWrittenCount();
        InvalidAt = -1;
        while (true)
        {
            if (_position == _length)
            {
                if (_ended || !Fill())
                {
                    return _line.WrittenCount == 0 ? null : Decode();
                }
            }

            ReadOnlySpan<byte> available = _buffer.AsSpan(_position, _length - _position);
            int newline = available.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _line.Write(available[..newline]);
                _position += newline + 1;
                return Decode();
            }

            _line.Write(available);
            _position = _length;
        }
    }

    private bool Fill()
    {
        _position = 0;
        _length = stream.Read(_buffer, 0, _buffer.Length);
        if (!_started)
        {
            _started = true;
            if (_length >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _position = 3; // a byte order mark
            }
        }

        _ended = _length == 0;
        return !_ended && _position < _length;
    }

    private string Decode()
    {
        ReadOnlySpan<byte> bytes = _line.WrittenSpan;
        if (bytes.Length > 0 && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            InvalidAt = FirstInvalid(bytes);
        }

        return Encoding.UTF8.GetString(bytes);
    }

    internal static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
