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
/// delta-coded sorted keys (7-bit varints), the unseen-feature cost per lane and order, the cost rows, then an optional
/// short-text layer (<see cref="ShortTextRescorer"/>). Version 5 stores the rows sparsely: most features were seen in
/// one or two languages only, so a row is "the unseen costs of order t" (a template) with a few lanes patched: one header
/// byte per row (t × 33 + number of patches), then all patched lanes, then all patched costs. That is 6× fewer bytes to
/// decompress than the dense rows of version 4 (32 bytes per feature), the main cost of loading.
/// Version 9 appends the rare words per language for the short-text layer (<see cref="WordEvidence"/>).
/// Written by the trainer in <c>tools/Diplomacy.Extraction.LangIdTrainer</c>.
/// </remarks>
internal sealed class LanguageModel
{
    /// <summary>Cost rows are this wide; at most this many trained languages.</summary>
    public const int Lanes = 32;

    private const uint Magic = 0x44494C58; // "XLID"
    private const int FormatVersion = 9;

    /// <summary>The pair block without rare-word evidence, still read.</summary>
    private const int FormatVersionWithoutWords = 8;

    /// <summary>Pair corrections with caps and margin factors, inline (not a separate block), still read.</summary>
    private const int FormatVersionInlinePairs = 7;

    /// <summary>The format of pair corrections without a per-word cap, still read.</summary>
    private const int FormatVersionWithoutCaps = 6;

    /// <summary>The previous format (no pair corrections), still read.</summary>
    private const int FormatVersionWithoutPairs = 5;

    /// <summary>Feature orders (0 = whole word, 1..5 = n-grams).</summary>
    public const int Orders = NGramFeaturizer.MaxOrder + 1;

    /// <summary>
    /// Ordered open-addressing index: the key stored in each slot (0 = empty). A key's home slot is
    /// <c>key × homes / 2³²</c> (keys are already hashed, so homes are uniform and ascend with the keys); a key sits at
    /// the first free slot from its home, never wrapping (a slack region follows the homes). Inserted in ascending key
    /// order, the occupied slots are sorted, so a lookup stops at the first empty slot or larger key, and loading fills
    /// the table front to back. Load factor 0.8: the index and rows take about 28 MB instead of 36 MB, and first
    /// touching fresh memory is most of the load time.
    /// </summary>
    private readonly uint[] _slotKeys;
    private readonly ulong _homes;

    /// <summary>
    /// The cost rows in SLOT order (<see cref="Lanes"/> bytes per slot, empty slots unused): the row of a key sits at
    /// its slot, so a lookup reads the small key array and one cost row, with no index in between (the row's address
    /// is known before the key comparison, so both memory reads overlap).
    /// </summary>
    private readonly byte[] _costs;
    private readonly float[] _scriptLogPriors;
    private readonly Lazy<PairCorrections?> _pairs;
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
        ShortTextRescorer? rescorer = null,
        PairCorrections? pairs = null)
        : this(languages, logPriors, scriptMasks, scriptOnly, scale, keys?.Length ?? 0, SlotTable.FromRows(keys!, costs), scriptPriors, floors, rescorer, new Lazy<PairCorrections?>(pairs))
    {
    }

    private LanguageModel(
        IReadOnlyList<string> languages,
        IReadOnlyList<float> logPriors,
        IReadOnlyList<uint> scriptMasks,
        IReadOnlyList<(string Language, UnicodeScript Script)> scriptOnly,
        float scale,
        int featureCount,
        SlotTable table,
        IReadOnlyList<(int Lane, UnicodeScript Script, float LogWeight)>? scriptPriors,
        byte[]? floors,
        ShortTextRescorer? rescorer,
        Lazy<PairCorrections?> pairs)
    {
        ArgumentNullException.ThrowIfNull(languages);
        if (languages.Count is 0 or > Lanes || logPriors.Count != languages.Count || scriptMasks.Count != languages.Count)
        {
            throw new InvalidDataException("Language model: bad language table.");
        }

        if (!(scale > 0))
        {
            throw new InvalidDataException("Language model: bad scale.");
        }

        if (floors is not null && floors.Length != Lanes * Orders)
        {
            throw new InvalidDataException("Language model: bad unseen-cost table.");
        }

        _floors = floors ?? DefaultFloors();
        Rescorer = rescorer;
        _pairs = pairs;
        Languages = [.. languages];
        LogPriors = [.. logPriors];
        ScriptMasks = [.. scriptMasks];
        ScriptOnly = [.. scriptOnly];
        Scale = scale;
        FeatureCount = featureCount;
        _slotKeys = table.Keys;
        _homes = (ulong)table.Homes;
        _costs = table.Costs;
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
        new(Languages, LogPriors, ScriptMasks, ScriptOnly, Scale, FeatureCount, new SlotTable(_slotKeys, _costs, (int)_homes), ScriptPriors, _floors, rescorer, _pairs) { Words = Words };

    /// <summary>
    /// The learnt corrections for confusable language pairs on short texts, if the model has them. In a format-8 file
    /// they are a separately compressed block, decompressed and decoded on first use (the first short text): that is
    /// about 12 ms of a load that most documents never need.
    /// </summary>
    public PairCorrections? Pairs => _pairs.Value;

    /// <summary>The rare words per language for the short-text layer (format 9), if the model has them.</summary>
    public WordEvidence? Words { get; private init; }

    /// <summary>A copy of this model with other rare-word evidence (used by the trainer).</summary>
    public LanguageModel WithWords(WordEvidence? words) =>
        new(Languages, LogPriors, ScriptMasks, ScriptOnly, Scale, FeatureCount, new SlotTable(_slotKeys, _costs, (int)_homes), ScriptPriors, _floors, Rescorer, _pairs) { Words = words };

    /// <summary>A copy of this model with other pair corrections (used by the trainer).</summary>
    public LanguageModel WithPairs(PairCorrections? pairs) =>
        new(Languages, LogPriors, ScriptMasks, ScriptOnly, Scale, FeatureCount, new SlotTable(_slotKeys, _costs, (int)_homes), ScriptPriors, _floors, Rescorer, new Lazy<PairCorrections?>(pairs)) { Words = Words };

    /// <summary>The cost row found by <see cref="Find"/> (<see cref="Lanes"/> bytes).</summary>
    public ReadOnlySpan<byte> Row(int row) => _costs.AsSpan(row * Lanes, Lanes);

    /// <summary>Per lane, the bit set of <see cref="UnicodeScript"/> values the language is written in.</summary>
    public uint[] ScriptMasks { get; }

    /// <summary>Languages without n-gram statistics, recognized by a script no trained language uses.</summary>
    public (string Language, UnicodeScript Script)[] ScriptOnly { get; }

    /// <summary>Cost units per nat.</summary>
    public float Scale { get; }

    /// <summary>The feature keys, ascending (a new array).</summary>
    public uint[] SortedKeys()
    {
        var keys = new uint[FeatureCount];
        int n = 0;
        foreach (uint key in _slotKeys)
        {
            if (key != 0)
            {
                keys[n++] = key;
            }
        }

        return keys;
    }

    /// <summary>Number of features.</summary>
    public int FeatureCount { get; }

    /// <summary>The first cost byte (row 0, lane 0); rows are <see cref="Lanes"/> bytes apart.</summary>
    public ref byte CostBase => ref MemoryMarshal.GetArrayDataReference(_costs);

    /// <summary>The cost row of a feature key (see <see cref="Row"/>, <see cref="CostBase"/>), or -1 when the model does not know it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(uint key)
    {
        ref uint keys = ref MemoryMarshal.GetArrayDataReference(_slotKeys);
        int slot = (int)((key * _homes) >> 32);
        while (true)
        {
            uint k = Unsafe.Add(ref keys, slot);
            if (k >= key)
            {
                return k == key ? slot : -1;
            }

            if (k == 0)
            {
                return -1;
            }

            slot++;
        }
    }

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
            int version = reader.ReadUInt32() == Magic ? reader.ReadInt32() : -1;
            if (version is not (FormatVersion or FormatVersionWithoutWords or FormatVersionInlinePairs or FormatVersionWithoutCaps or FormatVersionWithoutPairs))
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

            uint[] keys = DeltaKeys.Read(reader, features);

            var floors = new byte[Lanes * Orders];
            reader.BaseStream.ReadExactly(floors);
            SlotTable table = SlotTable.FromSparse(keys, floors, reader);
            ShortTextRescorer? rescorer = reader.ReadBoolean() ? ShortTextRescorer.Read(reader) : null;
            Lazy<PairCorrections?> pairs = new((PairCorrections?)null);
            if (version >= FormatVersionWithoutCaps && reader.ReadBoolean())
            {
                if (version >= FormatVersionWithoutWords)
                {
                    int length = reader.ReadInt32();
                    if (length is < 0 or > 64_000_000)
                    {
                        throw new InvalidDataException("Language model: bad pair block.");
                    }

                    byte[] block = GC.AllocateUninitializedArray<byte>(length);
                    buffered.ReadExactly(block);
                    pairs = new Lazy<PairCorrections?>(() => PairCorrections.ReadBlock(block, count), LazyThreadSafetyMode.ExecutionAndPublication);
                }
                else
                {
                    pairs = new Lazy<PairCorrections?>(PairCorrections.Read(buffered, count, version >= FormatVersionInlinePairs));
                }
            }

            WordEvidence? words = version >= FormatVersion && reader.ReadBoolean() ? WordEvidence.Read(reader, count) : null;
            return new LanguageModel(languages, priors, scripts, scriptOnly, scale, keys.Length, table, scriptPriors, floors, rescorer, pairs) { Words = words };
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
        uint[] sorted = SortedKeys();
        writer.Write(sorted.Length);
        DeltaKeys.Write(writer, sorted);

        writer.Write(_floors);
        WriteSparseRows(writer, sorted);
        writer.Write(Rescorer is not null);
        Rescorer?.Write(writer);
        writer.Write(Pairs is not null);
        if (Pairs is not null)
        {
            byte[] block = Pairs.WriteBlock(level);
            writer.Write(block.Length);
            writer.Write(block);
        }

        writer.Write(Words is not null);
        Words?.Write(writer);
    }

    /// <summary>Rows as template + patches (see the remarks on the class); the template is the order with fewest patches.</summary>
    private void WriteSparseRows(BinaryWriter writer, uint[] keys)
    {
        var headers = new byte[keys.Length];
        var lanes = new List<byte>();
        var values = new List<byte>();
        for (int i = 0; i < keys.Length; i++)
        {
            ReadOnlySpan<byte> row = Row(Find(keys[i]));
            int bestTemplate = 0;
            int bestPatches = int.MaxValue;
            for (int t = 0; t < Orders; t++)
            {
                int patches = 0;
                for (int lane = 0; lane < Lanes; lane++)
                {
                    patches += row[lane] != _floors[(lane * Orders) + t] ? 1 : 0;
                }

                if (patches < bestPatches)
                {
                    bestPatches = patches;
                    bestTemplate = t;
                }
            }

            headers[i] = (byte)((bestTemplate * (Lanes + 1)) + bestPatches);
            for (int lane = 0; lane < Lanes; lane++)
            {
                if (row[lane] != _floors[(lane * Orders) + bestTemplate])
                {
                    lanes.Add((byte)lane);
                    values.Add(row[lane]);
                }
            }
        }

        writer.Write(headers);
        writer.Write(lanes.Count);
        writer.Write(lanes.ToArray());
        writer.Write(values.ToArray());
    }

    private static byte[] DefaultFloors()
    {
        var floors = new byte[Lanes * Orders];
        Array.Fill(floors, byte.MaxValue);
        return floors;
    }

    /// <summary>The slot index and the cost rows in slot order.</summary>
    private readonly record struct SlotTable(uint[] Keys, byte[] Costs, int Homes)
    {
        /// <summary>Rows given in key order (<see cref="Lanes"/> bytes per key).</summary>
        public static SlotTable FromRows(uint[] keys, byte[] costs)
        {
            ArgumentNullException.ThrowIfNull(keys);
            ArgumentNullException.ThrowIfNull(costs);
            if (costs.Length != keys.Length * Lanes)
            {
                throw new InvalidDataException("Language model: cost table does not match the keys.");
            }

            var table = Create(keys.Length);
            uint lastKey = 0;
            int lastSlot = -1;
            for (int i = 0; i < keys.Length; i++)
            {
                costs.AsSpan(i * Lanes, Lanes).CopyTo(table.Costs.AsSpan(table.Insert(keys[i], ref lastKey, ref lastSlot) * Lanes, Lanes));
            }

            return table;
        }

        /// <summary>Sparse rows (format 5) read in key order and expanded straight into their slots.</summary>
        public static SlotTable FromSparse(uint[] keys, byte[] floors, BinaryReader reader)
        {
            byte[] headers = new byte[keys.Length];
            reader.BaseStream.ReadExactly(headers);
            int patchCount = reader.ReadInt32();
            if (patchCount < 0 || patchCount > keys.Length * Lanes)
            {
                throw new InvalidDataException("Language model: bad patch count.");
            }

            byte[] patches = new byte[patchCount * 2];
            reader.BaseStream.ReadExactly(patches);

            // The templates: the unseen cost of every lane, one row per order.
            Span<byte> templates = stackalloc byte[Orders * Lanes];
            for (int t = 0; t < Orders; t++)
            {
                for (int lane = 0; lane < Lanes; lane++)
                {
                    templates[(t * Lanes) + lane] = floors[(lane * Orders) + t];
                }
            }

            var table = Create(keys.Length);
            uint lastKey = 0;
            int lastSlot = -1;
            int p = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                int template = headers[i] / (Lanes + 1);
                int count = headers[i] % (Lanes + 1);
                if (template >= Orders || p + count > patchCount)
                {
                    throw new InvalidDataException("Language model: bad sparse row.");
                }

                Span<byte> row = table.Costs.AsSpan(table.Insert(keys[i], ref lastKey, ref lastSlot) * Lanes, Lanes);
                templates.Slice(template * Lanes, Lanes).CopyTo(row);
                for (int j = 0; j < count; j++, p++)
                {
                    row[patches[p] & (Lanes - 1)] = patches[patchCount + p];
                }
            }

            if (p != patchCount)
            {
                throw new InvalidDataException("Language model: bad sparse rows.");
            }

            return table;
        }

        private static SlotTable Create(int count)
        {
            const int Slack = 4096;
            int homes = Math.Max(16, count + (count / 4));
            int capacity = homes + Slack;

            // Every row a lookup can return is written at load, so the cost array need not be zeroed.
            return new SlotTable(new uint[capacity], GC.AllocateUninitializedArray<byte>(capacity * Lanes), homes);
        }

        /// <summary>Places a key (keys must come in ascending order) and returns its slot.</summary>
        public int Insert(uint key, ref uint lastKey, ref int lastSlot)
        {
            if (key <= lastKey)
            {
                throw new InvalidDataException("Language model: keys are not ascending and unique (or key 0).");
            }

            // The first free slot from the home: everything after the previous key is free, everything from the home to
            // the previous key is taken.
            int slot = Math.Max((int)((key * (ulong)Homes) >> 32), lastSlot + 1);
            if (slot >= Keys.Length - 1)
            {
                throw new InvalidDataException("Language model: feature index overflow.");
            }

            Keys[slot] = key;
            lastKey = key;
            lastSlot = slot;
            return slot;
        }
    }
}
