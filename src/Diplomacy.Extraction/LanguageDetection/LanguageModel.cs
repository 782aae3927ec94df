using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Diplomacy.Extraction.LanguageDetection;

/// <summary>
/// The trained language-identification model: for each hashed feature a row of <see cref="Lanes"/> quantized costs
/// (negative log-probabilities times <see cref="Scale"/>, one byte per language), per-language log priors and scripts,
/// and the languages recognized by their script alone. Immutable and thread-safe after construction.
/// </summary>
/// <remarks>
/// File format (Brotli-compressed): magic, version, language table, script-only languages, per-script priors, scale, feature count,
/// delta-coded sorted keys (7-bit varints), the cost rows (<see cref="Lanes"/> bytes per feature, unused lanes 255), then
/// (version 4) the unseen-feature cost per lane and order and an optional short-text layer (<see cref="ShortTextRescorer"/>).
/// Written by the trainer in <c>tools/Diplomacy.Extraction.LangIdTrainer</c>.
/// </remarks>
internal sealed class LanguageModel
{
    /// <summary>Cost rows are this wide; at most this many trained languages.</summary>
    public const int Lanes = 32;

    private const uint Magic = 0x44494C58; // "XLID"
    private const int FormatVersion = 4;

    /// <summary>Feature orders (0 = whole word, 1..5 = n-grams).</summary>
    public const int Orders = NGramFeaturizer.MaxOrder + 1;

    private readonly Entry[] _table;
    private readonly int _mask;
    private readonly byte[] _costs;
    private readonly float[] _scriptLogPriors;
    private readonly byte[] _floors;

    public LanguageModel(
        IReadOnlyList<string> languages,
        IReadOnlyList<float> logPriors,
        IReadOnlyList<uint> scriptMasks,
        IReadOnlyList<(string Language, UnicodeScript Script)> scriptOnly,
        float scale,
        uint[] keys,
        byte[] costs,
        IReadOnlyList<(int Lane, UnicodeScript Script, float LogWeight)>? scriptPriors = null,
        byte[]? floors = null,
        ShortTextRescorer? rescorer = null)
    {
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(costs);
        if (languages.Count is 0 or > Lanes || logPriors.Count != languages.Count || scriptMasks.Count != languages.Count)
        {
            throw new InvalidDataException("Language model: bad language table.");
        }

        if (costs.Length != keys.Length * Lanes || !(scale > 0))
        {
            throw new InvalidDataException("Language model: cost table does not match the keys.");
        }

        if (floors is not null && floors.Length != Lanes * Orders)
        {
            throw new InvalidDataException("Language model: bad unseen-cost table.");
        }

        _floors = floors ?? DefaultFloors();
        Rescorer = rescorer;
        Languages = [.. languages];
        LogPriors = [.. logPriors];
        ScriptMasks = [.. scriptMasks];
        ScriptOnly = [.. scriptOnly];
        Scale = scale;
        Keys = keys;
        _costs = costs;
        ScriptPriors = scriptPriors is null ? [] : [.. scriptPriors];
        _scriptLogPriors = new float[languages.Count * LetterTables.ScriptCount];
        foreach ((int lane, UnicodeScript script, float logWeight) in ScriptPriors)
        {
            if ((uint)lane >= (uint)languages.Count || (int)script >= LetterTables.ScriptCount || !float.IsFinite(logWeight))
            {
                throw new InvalidDataException("Language model: bad script prior.");
            }

            _scriptLogPriors[(lane * LetterTables.ScriptCount) + (int)script] += logWeight;
        }

        int capacity = 1;
        while (capacity < keys.Length * 2)
        {
            capacity <<= 1;
        }

        _table = new Entry[Math.Max(capacity, 16)];
        _mask = _table.Length - 1;
        for (int i = 0; i < keys.Length; i++)
        {
            uint key = keys[i];
            if (key == 0)
            {
                throw new InvalidDataException("Language model: key 0 is reserved.");
            }

            int slot = (int)(key & (uint)_mask);
            while (_table[slot].Key != 0)
            {
                if (_table[slot].Key == key)
                {
                    throw new InvalidDataException("Language model: duplicate key.");
                }

                slot = (slot + 1) & _mask;
            }

            _table[slot] = new Entry(key, i);
        }
    }

    /// <summary>The trained languages (ISO 639-1), lane order.</summary>
    public string[] Languages { get; }

    /// <summary>Natural-log prior per lane.</summary>
    public float[] LogPriors { get; }

    /// <summary>
    /// Extra natural-log prior weights of a language when the text's main script is the given one (e.g. a language
    /// whose second script was learned from a transliterated copy of its training text).
    /// </summary>
    public (int Lane, UnicodeScript Script, float LogWeight)[] ScriptPriors { get; }

    /// <summary>The natural-log prior of a lane for a text whose main script is <paramref name="script"/>.</summary>
    public float LogPrior(int lane, int script) => LogPriors[lane] + _scriptLogPriors[(lane * LetterTables.ScriptCount) + script];

    /// <summary>The quantized cost of a feature a language never saw, per lane and order (lane-major).</summary>
    public ReadOnlySpan<byte> Floors => _floors;

    /// <summary>The discriminative layer for short texts, if the model has one.</summary>
    public ShortTextRescorer? Rescorer { get; }

    /// <summary>A copy of this model with another short-text layer (used by the trainer).</summary>
    public LanguageModel WithRescorer(ShortTextRescorer? rescorer) =>
        new(Languages, LogPriors, ScriptMasks, ScriptOnly, Scale, Keys, _costs, ScriptPriors, _floors, rescorer);

    /// <summary>The cost row of a feature (<see cref="Lanes"/> bytes).</summary>
    public ReadOnlySpan<byte> Row(int feature) => _costs.AsSpan(feature * Lanes, Lanes);

    /// <summary>Per lane, the bit set of <see cref="UnicodeScript"/> values the language is written in.</summary>
    public uint[] ScriptMasks { get; }

    /// <summary>Languages without n-gram statistics, recognized by a script no trained language uses.</summary>
    public (string Language, UnicodeScript Script)[] ScriptOnly { get; }

    /// <summary>Cost units per nat.</summary>
    public float Scale { get; }

    /// <summary>The feature keys, ascending.</summary>
    public uint[] Keys { get; }

    /// <summary>Number of features.</summary>
    public int FeatureCount => Keys.Length;

    /// <summary>The first cost byte (feature 0, lane 0).</summary>
    public ref byte CostBase => ref MemoryMarshal.GetArrayDataReference(_costs);

    /// <summary>The row of a feature, or -1 when the model does not know it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(uint key)
    {
        ref Entry table = ref MemoryMarshal.GetArrayDataReference(_table);
        int slot = (int)(key & (uint)_mask);
        while (true)
        {
            Entry e = Unsafe.Add(ref table, slot);
            if (e.Key == key)
            {
                return e.Index;
            }

            if (e.Key == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The cost of a feature for a lane.</summary>
    public byte Cost(int feature, int lane) => _costs[(feature * Lanes) + lane];

    /// <summary>Loads the model embedded in the assembly (<c>Resources/langid.bin</c>).</summary>
    public static LanguageModel LoadEmbedded()
    {
        using Stream stream = Resources.ResourceLoader.Open("langid.bin");
        return Read(stream);
    }

    /// <summary>Reads a model; corrupt data throws <see cref="InvalidDataException"/>.</summary>
    public static LanguageModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(brotli, 1 << 16);
        using var reader = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("Language model: not a model file or an unsupported version.");
            }

            int count = reader.ReadByte();
            var languages = new string[count];
            var priors = new float[count];
            var scripts = new uint[count];
            for (int i = 0; i < count; i++)
            {
                languages[i] = reader.ReadString();
                priors[i] = reader.ReadSingle();
                scripts[i] = reader.ReadUInt32();
            }

            int extra = reader.ReadByte();
            var scriptOnly = new (string, UnicodeScript)[extra];
            for (int i = 0; i < extra; i++)
            {
                scriptOnly[i] = (reader.ReadString(), (UnicodeScript)reader.ReadByte());
            }

            int scriptPriorCount = reader.ReadByte();
            var scriptPriors = new (int, UnicodeScript, float)[scriptPriorCount];
            for (int i = 0; i < scriptPriorCount; i++)
            {
                scriptPriors[i] = (reader.ReadByte(), (UnicodeScript)reader.ReadByte(), reader.ReadSingle());
            }

            float scale = reader.ReadSingle();
            int features = reader.ReadInt32();
            if (features is < 0 or > 10_000_000)
            {
                throw new InvalidDataException("Language model: bad feature count.");
            }

            var keys = new uint[features];
            uint previous = 0;
            for (int i = 0; i < features; i++)
            {
                previous += (uint)reader.Read7BitEncodedInt();
                keys[i] = previous;
            }

            var costs = new byte[features * Lanes];
            reader.BaseStream.ReadExactly(costs);
            var floors = new byte[Lanes * Orders];
            reader.BaseStream.ReadExactly(floors);
            ShortTextRescorer? rescorer = reader.ReadBoolean() ? ShortTextRescorer.Read(reader) : null;

            return new LanguageModel(languages, priors, scripts, scriptOnly, scale, keys, costs, scriptPriors, floors, rescorer);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("Language model: truncated.", ex);
        }
    }

    /// <summary>Writes the model (used by the trainer).</summary>
    public void Write(Stream stream, CompressionLevel level)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var brotli = new BrotliStream(stream, level, leaveOpen: true);
        using var writer = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write((byte)Languages.Length);
        for (int i = 0; i < Languages.Length; i++)
        {
            writer.Write(Languages[i]);
            writer.Write(LogPriors[i]);
            writer.Write(ScriptMasks[i]);
        }

        writer.Write((byte)ScriptOnly.Length);
        foreach ((string language, UnicodeScript script) in ScriptOnly)
        {
            writer.Write(language);
            writer.Write((byte)script);
        }

        writer.Write((byte)ScriptPriors.Length);
        foreach ((int lane, UnicodeScript script, float logWeight) in ScriptPriors)
        {
            writer.Write((byte)lane);
            writer.Write((byte)script);
            writer.Write(logWeight);
        }

        writer.Write(Scale);
        writer.Write(Keys.Length);
        uint previous = 0;
        foreach (uint key in Keys)
        {
            writer.Write7BitEncodedInt((int)(key - previous));
            previous = key;
        }

        writer.Write(_costs);
        writer.Write(_floors);
        writer.Write(Rescorer is not null);
        Rescorer?.Write(writer);
    }

    private static byte[] DefaultFloors()
    {
        var floors = new byte[Lanes * Orders];
        Array.Fill(floors, byte.MaxValue);
        return floors;
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Entry(uint Key, int Index);
}
