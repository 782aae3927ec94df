using System.Collections.Frozen;
using System.Text.Json;
using Diplomacy.Extraction.Resources;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Entities;

/// <summary>What a gazetteer name refers to.</summary>
internal enum LexKind : byte
{
    State,
    Adjective,
    Metonym,
    Place,
    Region,
    Organization,
    Person,
    Surname,
    Role,
}

/// <summary>How the case of the text must agree with the name.</summary>
internal enum CaseMode : byte
{
    /// <summary>Any case (lower-case surfaces: roles, German adjectives).</summary>
    Any,

    /// <summary>Every capitalized word of the name must be capitalized in the text.</summary>
    Capitalized,

    /// <summary>Exactly as written (acronyms: <c>US</c>, <c>EU</c>, <c>U.S.</c>).</summary>
    Exact,
}

/// <summary>One name of the gazetteer.</summary>
/// <param name="Kind">What it refers to.</param>
/// <param name="Ref">Index into the knowledge base table of <paramref name="Kind"/>.</param>
/// <param name="Languages">Bit mask of the languages the name belongs to (all bits: language-independent).</param>
/// <param name="Case">Case agreement.</param>
/// <param name="Tokens">The name's tokens as written.</param>
internal sealed record LexEntry(LexKind Kind, int Ref, int Languages, CaseMode Case, string[] Tokens);

/// <summary>A state of the knowledge base.</summary>
internal sealed record StateInfo(string Code, string Name, long? CapitalId);

/// <summary>A city of the knowledge base (GeoNames).</summary>
internal sealed record PlaceInfo(long GeonamesId, string Name, string CountryCode, double Latitude, double Longitude, long Population, bool IsCapital, bool IsCommonWord);

/// <summary>A region (continent, sub-region, US state).</summary>
internal sealed record RegionInfo(string Name, string? CountryCode);

/// <summary>An organization; a generic one (<c>Foreign Ministry</c>) has a code template with <c>{C}</c>.</summary>
internal sealed record OrganizationInfo(string Code, string Canonical, string? CountryCode, bool IsGeneric);

/// <summary>A known person.</summary>
internal sealed record PersonInfo(string Id, string Canonical, string? CountryCode, string? Role, string LastName);

/// <summary>A role and its canonical English name.</summary>
internal sealed record RoleInfo(string Canonical);

/// <summary>
/// The compiled gazetteer: a token trie (states are integers, transitions a frozen map keyed by
/// state and folded-token id), the knowledge base it links to, and the word classes the rules use.
/// Immutable and shared by all threads.
/// </summary>
internal sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> DefaultLazy = new(Load);

    private readonly FrozenDictionary<string, int> _tokenIds;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    private readonly FrozenDictionary<long, int> _transitions;

    /// <summary>The tokens that start an entry (an edge from the root, node 0): 2^17 bits (16 KB), exact characters (tokens are folded).</summary>
    private readonly WordShapeFilter _rootFilter;
    private readonly int[][] _nodeEntries;
    private readonly FrozenDictionary<string, int> _words;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _modifierLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _givenNames;

    private Gazetteer(
        string[] languages,
        Dictionary<string, int> tokenIds,
        Dictionary<long, int> transitions,
        List<List<int>> nodeEntries,
        LexEntry[] entries,
        Dictionary<string, int> words,
        Dictionary<string, string> modifiers,
        HashSet<string> givenNames,
        KnowledgeBase kb)
    {
        Languages = languages;
        _tokenIds = tokenIds.ToFrozenDictionary(StringComparer.Ordinal);
        _tokenLookup = _tokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _transitions = transitions.ToFrozenDictionary();
        _rootFilter = new WordShapeFilter(tokenIds.Where(t => transitions.ContainsKey(t.Value)).Select(t => t.Key), bitsLog2: 17, ignoreAsciiCase: false);
        _nodeEntries = new int[nodeEntries.Count][];
        for (int i = 0; i < nodeEntries.Count; i++)
        {
            _nodeEntries[i] = nodeEntries[i].Count == 0 ? [] : [.. nodeEntries[i]];
        }

        Entries = entries;
        _words = words.ToFrozenDictionary(StringComparer.Ordinal);
        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _modifierLookup = modifiers.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _givenNames = givenNames.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Kb = kb;
        NodeCount = nodeEntries.Count;
    }

    /// <summary>Word classes (bit flags in the high byte of a word's value; the low byte is the language mask).</summary>
    [Flags]
    internal enum WordClass
    {
        None = 0,
        Speech = 1 << 8,
        Honorific = 1 << 9,
        Locative = 1 << 10,
        NameStop = 1 << 11,
    }

    /// <summary>The gazetteer built from the embedded resources (loaded once).</summary>
    public static Gazetteer Default => DefaultLazy.Value;

    /// <summary>Languages with entity data, in bit order.</summary>
    public IReadOnlyList<string> Languages { get; }

    public LexEntry[] Entries { get; }

    public KnowledgeBase Kb { get; }

    public int NodeCount { get; }

    public int TokenCount => _tokenIds.Count;

    /// <summary>The language mask for a document language (<c>und</c> or unknown: all languages).</summary>
    public int MaskFor(string language)
    {
        for (int i = 0; i < Languages.Count; i++)
        {
            if (string.Equals(Languages[i], language, StringComparison.OrdinalIgnoreCase))
            {
                return 1 << i;
            }
        }

        return -1;
    }

    /// <summary>Follows one folded token from <paramref name="node"/>; -1 when there is no edge.</summary>
    public int Step(int node, ReadOnlySpan<char> folded)
    {
        // most words of a text start no entry: one bit test rejects about two thirds of news words before the hash lookup
        if ((node == 0 && !_rootFilter.MayContain(folded)) || !_tokenLookup.TryGetValue(folded, out int id))
        {
            return -1;
        }

        return _transitions.TryGetValue(((long)node << 32) | (uint)id, out int next) ? next : -1;
    }

    /// <summary>The entries that end at a node.</summary>
    public int[] EntriesAt(int node) => _nodeEntries[node];

    /// <summary>Whether a folded word is in a word class (any of several, when flags are combined) for the languages of <paramref name="mask"/>.</summary>
    public bool Is(ReadOnlySpan<char> folded, WordClass wordClass, int mask) =>
        _wordLookup.TryGetValue(folded, out int value) && (value & (int)wordClass) != 0 && (value & mask & 0xFF) != 0;

    /// <summary>The canonical modifier (<c>Deputy</c>) of a folded word, or null.</summary>
    public string? Modifier(ReadOnlySpan<char> folded) => _modifierLookup.TryGetValue(folded, out string? m) ? m : null;

    /// <summary>Whether a word (as written) is a given name.</summary>
    public bool IsGivenName(ReadOnlySpan<char> word) => _givenNames.Contains(word);

    internal static Gazetteer Load()
    {
        var kb = KnowledgeBase.Load();
        var builder = new Builder(kb);
        IReadOnlyList<string> languages = ResourceLoader.LanguagesWith("entities.json");
        for (int i = 0; i < languages.Count; i++)
        {
            using Stream stream = ResourceLoader.TryOpen(languages[i], "entities.json")
                ?? throw new InvalidOperationException($"Entity resource of '{languages[i]}' vanished.");
            using JsonDocument doc = JsonDocument.Parse(stream);
            builder.AddLanguage(doc.RootElement, 1 << i);
        }

        builder.AddPlaces();
        using (Stream names = ResourceLoader.Open("entities.given-names.txt"))
        using (var reader = new StreamReader(names))
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 1)
                {
                    builder.GivenNames.Add(line);
                }
            }
        }

        return builder.Build([.. languages]);
    }

    private sealed class Builder(KnowledgeBase kb)
    {
        private readonly Dictionary<string, int> _tokenIds = new(StringComparer.Ordinal);
        private readonly Dictionary<long, int> _transitions = [];
        private readonly List<List<int>> _nodes = [[]];
        private readonly List<LexEntry> _entries = [];
        private readonly Dictionary<string, int> _entryIndex = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _modifiers = new(StringComparer.Ordinal);

        public HashSet<string> GivenNames { get; } = new(StringComparer.Ordinal);

        public void AddLanguage(JsonElement root, int mask)
        {
            foreach (JsonElement row in root.GetProperty("names").EnumerateArray())
            {
                string surface = row[0].GetString()!;
                string kind = row[1].GetString()!;
                string reference = row[2].GetString()!;
                (LexKind lexKind, int index) = kind switch
                {
                    "S" => (LexKind.State, kb.StateIndex(reference)),
                    "A" => (LexKind.Adjective, kb.StateIndex(reference)),
                    "M" => (LexKind.Metonym, kb.StateIndex(reference)),
                    "P" => (LexKind.Place, kb.PlaceIndex(long.Parse(reference, System.Globalization.CultureInfo.InvariantCulture))),
                    "G" => (LexKind.Region, kb.RegionIndex(reference)),
                    "O" => (LexKind.Organization, kb.OrganizationIndex(reference)),
                    "N" => (LexKind.Person, kb.PersonIndex(reference)),
                    "L" => (LexKind.Surname, kb.PersonIndex(reference)),
                    _ => throw new InvalidDataException($"Unknown entity kind '{kind}' in the gazetteer."),
                };
                Add(surface, lexKind, index, mask);
            }

            foreach (JsonProperty role in root.GetProperty("roles").EnumerateObject())
            {
                int index = kb.RoleIndex(role.Name);
                foreach (JsonElement form in role.Value.EnumerateArray())
                {
                    Add(form.GetString()!, LexKind.Role, index, mask);
                }
            }

            foreach (JsonProperty m in root.GetProperty("roleModifiers").EnumerateObject())
            {
                _modifiers[TextFold.Fold(m.Name)] = m.Value.GetString()!;
            }

            AddWords(root.GetProperty("speechVerbs"), WordClass.Speech, mask);
            AddWords(root.GetProperty("honorifics"), WordClass.Honorific, mask);
            AddWords(root.GetProperty("locativePrepositions"), WordClass.Locative, mask);
            AddWords(root.GetProperty("nameStop"), WordClass.NameStop, mask);
        }

        public void AddPlaces()
        {
            for (int i = 0; i < kb.Places.Length; i++)
            {
                Add(kb.Places[i].Name, LexKind.Place, i, 0xFF);
                foreach (string alt in kb.PlaceAltNames[i])
                {
                    Add(alt, LexKind.Place, i, 0xFF);
                }
            }
        }

        public Gazetteer Build(string[] languages) =>
            new(languages, _tokenIds, _transitions, _nodes, [.. _entries], _words, _modifiers, GivenNames, kb);

        private void AddWords(JsonElement list, WordClass wordClass, int mask)
        {
            foreach (JsonElement w in list.EnumerateArray())
            {
                string key = TextFold.Fold(w.GetString()!);
                _words[key] = (_words.TryGetValue(key, out int v) ? v : 0) | (int)wordClass | mask;
            }
        }

        private void Add(string surface, LexKind kind, int index, int mask)
        {
            var tokens = new List<string>();
            foreach (Token t in Tokenizer.Enumerate(surface))
            {
                if (!t.IsBreak)
                {
                    tokens.Add(surface.Substring(t.Start, t.Length));
                }
            }

            if (tokens.Count == 0)
            {
                return;
            }

            string key = $"{(int)kind}|{index}|{surface}";
            if (_entryIndex.TryGetValue(key, out int existing))
            {
                LexEntry e = _entries[existing];
                _entries[existing] = e with { Languages = e.Languages | mask };
                return;
            }

            int node = 0;
            foreach (string token in tokens)
            {
                string folded = TextFold.Fold(token);
                if (!_tokenIds.TryGetValue(folded, out int id))
                {
                    id = _tokenIds.Count;
                    _tokenIds[folded] = id;
                }

                long edge = ((long)node << 32) | (uint)id;
                if (!_transitions.TryGetValue(edge, out int next))
                {
                    next = _nodes.Count;
                    _nodes.Add([]);
                    _transitions[edge] = next;
                }

                node = next;
            }

            var entry = new LexEntry(kind, index, mask, CaseOf(surface, kind), [.. tokens]);
            _entryIndex[key] = _entries.Count;
            _nodes[node].Add(_entries.Count);
            _entries.Add(entry);
        }

        private static CaseMode CaseOf(string surface, LexKind kind)
        {
            int letters = 0;
            bool anyLower = false;
            foreach (char c in surface)
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    anyLower |= char.IsLower(c);
                }
            }

            if (!anyLower && letters <= 5)
            {
                return CaseMode.Exact;
            }

            if (kind == LexKind.Role || !char.IsUpper(surface[0]))
            {
                return CaseMode.Any;
            }

            return CaseMode.Capitalized;
        }
    }
}
