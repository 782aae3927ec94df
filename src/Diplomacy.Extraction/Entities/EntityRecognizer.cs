using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Entities;

/// <summary>An entity found by the recognizer, in normalized-text coordinates.</summary>
internal sealed record RecognizedEntity
{
    public required TextSpan Span { get; init; }

    public required int FirstToken { get; init; }

    public required int LastToken { get; init; }

    public required EntityType Type { get; init; }

    public string? Code { get; init; }

    public string? Canonical { get; init; }

    public string? CountryCode { get; init; }

    public string? Role { get; set; }

    public long? GeonamesId { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>Written as an adjective or demonym (<c>Russian</c>, <c>russische</c>), not as a name.</summary>
    public bool IsAdjective { get; init; }

    /// <summary>Found inside a hyphenated compound (<c>Russia</c> in <c>Russia-US</c>).</summary>
    public bool IsPart { get; init; }
}

/// <summary>
/// Finds states, places, organizations, people and roles: longest match of the gazetteer's token trie,
/// then context rules (possessive and adjective affiliation, capitals used as actors, location prepositions,
/// <c>City, Region</c>, role modifiers, unknown people from name shape, role and speech verbs).
/// Stateless and thread-safe; per-document state lives in locals.
/// </summary>
internal sealed partial class EntityRecognizer(Gazetteer gazetteer)
{
    private const int MaxNameTokens = 10;
    private const int BufferLength = (TextFold.MaxLength * 2) + 2;

    /// <summary>The recognizer over the embedded gazetteer.</summary>
    public static EntityRecognizer Default { get; } = new(Gazetteer.Default);

    public Gazetteer Gazetteer { get; } = gazetteer;

    /// <summary>Recognizes the entities of a document into <paramref name="output"/>, in document order.</summary>
    public void Recognize(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, string language, List<RecognizedEntity> output, Limits.WorkMeter? work = null)
    {
        int mask = Gazetteer.MaskFor(language);
        var doc = new DocumentState(text, tokens, mask, Gazetteer);
        try
        {
            var candidates = new List<Candidate>();
            FindCandidates(ref doc, candidates, work);
            work?.Check();
            Resolve(ref doc, candidates, output);
            work?.Add(tokens.Length);
            FindUnknownPeople(ref doc, output);
            work?.Add(tokens.Length);
            LinkPeople(ref doc, output);
        }
        finally
        {
            doc.Dispose();
        }
    }

    private void FindCandidates(ref DocumentState doc, List<Candidate> candidates, Limits.WorkMeter? work)
    {
        ReadOnlySpan<Token> tokens = doc.Tokens;
        Span<char> buffer = stackalloc char[BufferLength];
        Span<int> matched = stackalloc int[MaxNameTokens];
        Span<int> best = stackalloc int[MaxNameTokens];
        int i = 0;
        while (i < tokens.Length)
        {
            work?.Add(1);
            Token token = tokens[i];
            if (token.Kind != TokenKind.Word)
            {
                i++;
                continue;
            }

            int node = 0;
            int count = 0;
            int bestCount = 0;
            int bestNode = -1;
            int j = i;
            while (j < tokens.Length && count < MaxNameTokens)
            {
                Token t = tokens[j];
                if (count > 0 && t.Kind == TokenKind.Symbol)
                {
                    j++;
                    continue;
                }

                if (t.IsBreak || !TryFold(doc.Text, t, buffer, out int len))
                {
                    break;
                }

                int next = Gazetteer.Step(node, buffer[..len]);
                if (next < 0)
                {
                    break;
                }

                node = next;
                matched[count++] = j;
                if (HasValidEntry(ref doc, node, matched[..count], i))
                {
                    bestNode = node;
                    bestCount = count;
                    matched[..count].CopyTo(best);
                }

                j++;
            }

            if (bestNode >= 0)
            {
                int first = best[0];
                int last = best[bestCount - 1];
                candidates.Add(new Candidate(first, last, new TextSpan(tokens[first].Start, tokens[last].End - tokens[first].Start), ValidEntries(ref doc, bestNode, best[..bestCount], i), false));
                doc.Cover(first, last);
                i = last + 1;
                continue;
            }

            if (token.Has(TokenFlags.Hyphenated))
            {
                AddParts(ref doc, i, candidates);
            }

            i++;
        }
    }

    private void AddParts(ref DocumentState doc, int index, List<Candidate> candidates)
    {
        Token token = doc.Tokens[index];
        ReadOnlySpan<char> word = token.In(doc.Text);
        Span<char> buffer = stackalloc char[BufferLength];
        int start = 0;
        while (start <= word.Length)
        {
            int dash = word[start..].IndexOf('-');
            int end = dash < 0 ? word.Length : start + dash;
            ReadOnlySpan<char> part = word[start..end];
            if (part.Length > 1)
            {
                int len = TextFold.Fold(part, buffer);
                int node = len > 0 ? Gazetteer.Step(0, buffer[..len]) : -1;
                if (node >= 0)
                {
                    var entries = new List<int>();
                    foreach (int e in Gazetteer.EntriesAt(node))
                    {
                        LexEntry entry = Gazetteer.Entries[e];
                        if (entry.Kind != LexKind.Role && (entry.Languages & doc.Mask) != 0 && CaseAgrees(entry.Case, entry.Tokens[0], part))
                        {
                            entries.Add(e);
                        }
                    }

                    if (entries.Count > 0)
                    {
                        candidates.Add(new Candidate(index, index, new TextSpan(token.Start + start, part.Length), Prioritize(entries), true));
                    }
                }
            }

            if (dash < 0)
            {
                break;
            }

            start = end + 1;
        }

        doc.Cover(index, index);
    }

    private bool HasValidEntry(scoped ref DocumentState doc, int node, scoped ReadOnlySpan<int> matched, int first)
    {
        foreach (int e in Gazetteer.EntriesAt(node))
        {
            if (IsValid(ref doc, Gazetteer.Entries[e], matched, first))
            {
                return true;
            }
        }

        return false;
    }

    private int[] ValidEntries(scoped ref DocumentState doc, int node, scoped ReadOnlySpan<int> matched, int first)
    {
        var list = new List<int>();
        foreach (int e in Gazetteer.EntriesAt(node))
        {
            if (IsValid(ref doc, Gazetteer.Entries[e], matched, first))
            {
                list.Add(e);
            }
        }

        return Prioritize(list);
    }

    private bool IsValid(scoped ref DocumentState doc, LexEntry entry, scoped ReadOnlySpan<int> matched, int first)
    {
        if ((entry.Languages & doc.Mask) == 0 || entry.Tokens.Length != matched.Length)
        {
            return false;
        }

        bool agrees = true;
        for (int k = 0; k < matched.Length && agrees; k++)
        {
            agrees = CaseAgrees(entry.Case, entry.Tokens[k], doc.Tokens[matched[k]].In(doc.Text));
        }

        if (agrees)
        {
            return true;
        }

        // A large city written in lower case after a location preposition ("in istanbul").
        if (entry.Kind == LexKind.Place)
        {
            PlaceInfo place = Gazetteer.Kb.Places[entry.Ref];
            return (place.IsCapital || place.Population >= 1_000_000) && doc.PreviousIs(first, Gazetteer.WordClass.Locative);
        }

        return false;
    }

    private static bool CaseAgrees(CaseMode mode, string expected, ReadOnlySpan<char> actual)
    {
        switch (mode)
        {
            case CaseMode.Exact:
                return actual.SequenceEqual(expected);
            case CaseMode.Capitalized:
                return !char.IsUpper(expected[0]) || char.IsUpper(actual[0]);
            default:
                return true;
        }
    }

    private int[] Prioritize(List<int> entries)
    {
        int bestRank = int.MaxValue;
        foreach (int e in entries)
        {
            bestRank = Math.Min(bestRank, Rank(Gazetteer.Entries[e].Kind));
        }

        var result = new List<int>();
        foreach (int e in entries)
        {
            LexKind kind = Gazetteer.Entries[e].Kind;
            int rank = Rank(kind);

            // A state name that is also a region elsewhere (Georgia) keeps both readings for the resolver.
            if (rank == bestRank || (bestRank == 2 && kind == LexKind.Region))
            {
                result.Add(e);
            }
        }

        // The best-ranked reading first: the resolver dispatches on it.
        result.Sort((a, b) => Rank(Gazetteer.Entries[a].Kind).CompareTo(Rank(Gazetteer.Entries[b].Kind)));
        return [.. result];
    }

    private static int Rank(LexKind kind) => kind switch
    {
        LexKind.Organization => 0,
        LexKind.Person => 1,
        LexKind.State or LexKind.Adjective or LexKind.Metonym => 2,
        LexKind.Region or LexKind.Place => 3,
        LexKind.Role => 4,
        _ => 5,
    };

    private static bool TryFold(ReadOnlySpan<char> text, Token token, Span<char> buffer, out int length)
    {
        length = token.Length <= TextFold.MaxLength ? TextFold.Fold(token.In(text), buffer) : -1;
        return length > 0;
    }

    /// <summary>A gazetteer match before resolution.</summary>
    private sealed record Candidate(int FirstToken, int LastToken, TextSpan Span, int[] Entries, bool IsPart);
}
