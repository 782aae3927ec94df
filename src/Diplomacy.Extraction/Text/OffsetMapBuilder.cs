using System.Text;

namespace Diplomacy.Extraction.Text;

/// <summary>
/// Builds a normalized copy of a source text together with its <see cref="OffsetMap"/>.
/// Callers walk the source from left to right and either keep characters (implicitly, by skipping ahead)
/// or replace a source range with new text; only length changes are recorded.
/// </summary>
internal sealed class OffsetMapBuilder
{
    private readonly string _source;
    private readonly StringBuilder _output;
    private readonly List<int> _normStarts = [];
    private readonly List<int> _normEnds = [];
    private readonly List<int> _origStarts = [];
    private readonly List<int> _origEnds = [];
    private int _sourcePos;

    public OffsetMapBuilder(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _output = new StringBuilder(source.Length);
    }

    /// <summary>How far the source has been consumed.</summary>
    public int SourcePosition => _sourcePos;

    /// <summary>Current length of the output.</summary>
    public int OutputLength => _output.Length;

    /// <summary>Whether any change was made.</summary>
    public bool Changed { get; private set; }

    /// <summary>The last character written to the output, or <c>'\0'</c>.</summary>
    public char LastOutputChar => _output.Length == 0 ? '\0' : _output[^1];

    /// <summary>Copies the source unchanged up to <paramref name="sourceEnd"/>.</summary>
    public void KeepUntil(int sourceEnd)
    {
        if (sourceEnd < _sourcePos || sourceEnd > _source.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceEnd));
        }

        _output.Append(_source, _sourcePos, sourceEnd - _sourcePos);
        _sourcePos = sourceEnd;
    }

    /// <summary>Replaces source <c>[sourceStart, sourceEnd)</c> by <paramref name="replacement"/>.</summary>
    public void Replace(int sourceStart, int sourceEnd, ReadOnlySpan<char> replacement)
    {
        KeepUntil(sourceStart);
        if (sourceEnd < sourceStart || sourceEnd > _source.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceEnd));
        }

        int normStart = _output.Length;
        _output.Append(replacement);
        int normEnd = _output.Length;
        _sourcePos = sourceEnd;
        int origLength = sourceEnd - sourceStart;
        if (!replacement.SequenceEqual(_source.AsSpan(sourceStart, origLength)))
        {
            Changed = true;
        }

        if (replacement.Length == origLength)
        {
            return; // same length: positions still correspond one to one
        }

        // Adjacent edits are merged only when one of them is a pure deletion: two replacements side by side
        // ("&#8217;&amp;" -> "’&") keep their own entries, or a boundary between their outputs would map to the
        // start of the first one and spans on either side of it would overlap in the original.
        int last = _normStarts.Count - 1;
        if (last >= 0 && _origEnds[last] == sourceStart && _normEnds[last] == normStart
            && (normEnd == normStart || _normStarts[last] == _normEnds[last]))
        {
            _normEnds[last] = normEnd;
            _origEnds[last] = sourceEnd;
            return;
        }

        _normStarts.Add(normStart);
        _normEnds.Add(normEnd);
        _origStarts.Add(sourceStart);
        _origEnds.Add(sourceEnd);
    }

    /// <summary>Removes source <c>[sourceStart, sourceEnd)</c>.</summary>
    public void Delete(int sourceStart, int sourceEnd) => Replace(sourceStart, sourceEnd, []);

    /// <summary>Inserts text before source position <paramref name="sourcePosition"/>.</summary>
    public void Insert(int sourcePosition, ReadOnlySpan<char> text) => Replace(sourcePosition, sourcePosition, text);

    /// <summary>Finishes: copies the rest of the source and returns the text and its map.</summary>
    /// <param name="inner">The map of the previous step, when this step works on already normalized text.</param>
    public (string Text, OffsetMap Map) Build(OffsetMap? inner = null)
    {
        KeepUntil(_source.Length);
        string text = Changed ? _output.ToString() : _source;
        var map = new OffsetMap(
            [.. _normStarts], [.. _normEnds], [.. _origStarts], [.. _origEnds], text.Length, _source.Length, inner);
        return (text, map);
    }
}
