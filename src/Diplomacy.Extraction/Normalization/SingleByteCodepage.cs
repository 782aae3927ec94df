using System.Text;

namespace Diplomacy.Extraction.Normalization;

/// <summary>
/// A single-byte code page as the mojibake decoder needs it: the character each byte decodes to, and the
/// reverse map. "Sloppy" like ftfy's codecs: a byte the code page leaves undefined decodes to the C1 control
/// (or Latin-1 character) of the same number, so text that went through such a decoder can still be re-encoded.
/// The tables are built from the platform's code-page data at first use; nothing is hard-coded.
/// </summary>
internal sealed class SingleByteCodepage
{
    /// <summary>The reverse map in pages of 256 characters (<c>c &gt;&gt; 8</c>); a missing page or -1 means "no byte".</summary>
    private readonly short[]?[] _encodePages = new short[]?[256];
    private readonly char[] _decode;

    private SingleByteCodepage(int codepage, string name)
    {
        CodePage = codepage;
        Name = name;
        _decode = new char[256];
        var undefined = new List<byte>();
        Encoding encoding = codepage == 28591
            ? Encoding.Latin1
            : CodePagesEncodingProvider.Instance.GetEncoding(codepage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
              ?? throw new InvalidOperationException($"Code page {codepage} is not available.");
        Span<byte> one = stackalloc byte[1];
        Span<char> chars = stackalloc char[4];
        var encode = new Dictionary<char, byte>();
        for (int b = 0; b < 256; b++)
        {
            one[0] = (byte)b;
            char c;
            try
            {
                c = encoding.GetChars(one, chars) == 1 ? chars[0] : (char)b;
            }
            catch (DecoderFallbackException)
            {
                c = (char)b;
            }

            if (b >= 0x80 && c == (char)b && codepage != 28591)
            {
                undefined.Add((byte)b);
            }

            _decode[b] = c;
            encode.TryAdd(c, (byte)b);
        }

        // Latin-1 C1 controls stand for their own byte wherever the code page does not use that character otherwise.
        for (int b = 0x80; b < 0xA0; b++)
        {
            encode.TryAdd((char)b, (byte)b);
        }

        foreach ((char c, byte b) in encode)
        {
            short[] page = _encodePages[c >> 8] ??= NewPage();
            page[c & 0xFF] = b;
        }

        UndefinedBytes = [.. undefined];
    }

    /// <summary>Code pages tried by the decoder, most frequent source of mojibake first.</summary>
    public static ReadOnlySpan<SingleByteCodepage> All => AllLazy.Value;

    /// <summary>Windows-1252, used for the C1-control repair.</summary>
    public static SingleByteCodepage Windows1252 => All[0];

    private static readonly Lazy<SingleByteCodepage[]> AllLazy = new(() =>
    [
        new(1252, "windows-1252"),
        new(28591, "iso-8859-1"),
        new(1250, "windows-1250"),
        new(28592, "iso-8859-2"),
        new(1251, "windows-1251"),
        new(10000, "macintosh"),
        new(437, "cp437"),
        new(1257, "windows-1257"),
        new(1253, "windows-1253"),
        new(1254, "windows-1254"),
    ]);

    public int CodePage { get; }

    public string Name { get; }

    /// <summary>Bytes the code page does not define: the bytes a strict decoder silently loses.</summary>
    public byte[] UndefinedBytes { get; }

    /// <summary>The byte <paramref name="c"/> encodes to, or -1.</summary>
    public int Encode(char c) => c < 0x80 ? c : _encodePages[c >> 8] is { } page ? page[c & 0xFF] : -1;

    /// <summary>
    /// For the mojibake decoder's lost-byte repair: per second byte, the General Punctuation character restored, or
    /// <c>'\0'</c> when none (computed once by the decoder; see <c>MojibakeDecoder.TryLostByte</c>).
    /// </summary>
    internal char[]? LostByteTable { get; set; }

    private static short[] NewPage()
    {
        var page = new short[256];
        page.AsSpan().Fill(-1);
        return page;
    }

    /// <summary>The character byte <paramref name="b"/> decodes to.</summary>
    public char Decode(byte b) => _decode[b];

    public override string ToString() => Name;
}
