using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Entities;

internal sealed partial class EntityRecognizer
{
    private const int MaxNameWords = 3;

    /// <summary>
    /// People the gazetteer does not know, from name shape and context: after a role or honorific
    /// (<c>spokesman John Kirby</c>), a given name and one or two capitalized words (<c>Miles Cooper</c>),
    /// capitalized words before a speech verb (<c>Ivanova said</c>), and later mentions of a surname already seen.
    /// </summary>
    private static void FindUnknownPeople(ref DocumentState doc, List<RecognizedEntity> output)
    {
        ReadOnlySpan<Token> tokens = doc.Tokens;
        var found = new List<RecognizedEntity>();
        var surnames = new Dictionary<string, RecognizedEntity>(StringComparer.Ordinal);
        Dictionary<string, RecognizedEntity>.AlternateLookup<ReadOnlySpan<char>> surnameLookup = surnames.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (RecognizedEntity e in output)
        {
            if (e.Type == EntityType.Person && e.LastToken > e.FirstToken)
            {
                surnames.TryAdd(tokens[e.LastToken].In(doc.Text).ToString(), e);
            }
        }

        int i = 0;
        while (i < tokens.Length)
        {
            if (!doc.IsNameWord(i))
            {
                i++;
                continue;
            }

            int end = i;
            while (end + 1 < tokens.Length && doc.IsNameWord(end + 1) && !tokens[end + 1].Has(TokenFlags.Glued))
            {
                end++;
            }

            int words = end - i + 1;
            RecognizedEntity? person = null;
            if (words <= MaxNameWords && !doc.PreviousIsCapitalWord(i))
            {
                RecognizedEntity? role = RoleBefore(ref doc, output, i);
                bool honorific = doc.PreviousIs(i, Gazetteer.WordClass.Honorific);

                // the lookups are pure, so only those that can still decide are made (most runs are one capitalized word)
                bool isPerson = words >= 2
                    ? role is not null || honorific || doc.IsGivenNameAt(i) || doc.NextIs(end, Gazetteer.WordClass.Speech)
                    : honorific || (role is not null && doc.NextIs(end, Gazetteer.WordClass.Speech));
                if (isPerson)
                {
                    person = new RecognizedEntity
                    {
                        Span = new TextSpan(tokens[i].Start, tokens[end].End - tokens[i].Start), FirstToken = i, LastToken = end,
                        Type = EntityType.Person, Role = role?.Role,
                    };
                    if (words >= 2)
                    {
                        surnames.TryAdd(tokens[end].In(doc.Text).ToString(), person);
                    }
                }
                else if (words == 1 && surnameLookup.TryGetValue(tokens[i].In(doc.Text), out RecognizedEntity? earlier))
                {
                    person = earlier with
                    {
                        Span = tokens[i].Span, FirstToken = i, LastToken = i, IsPart = false,
                    };
                }
            }

            if (person is not null)
            {
                found.Add(person);
            }

            i = end + 1;
        }

        if (found.Count > 0)
        {
            output.AddRange(found);
            output.Sort(static (a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.Length.CompareTo(b.Span.Length));
        }
    }

    private static RecognizedEntity? RoleBefore(ref DocumentState doc, List<RecognizedEntity> output, int token)
    {
        int previous = doc.PreviousWord(token);
        if (previous < 0)
        {
            return null;
        }

        for (int k = output.Count - 1; k >= 0; k--)
        {
            RecognizedEntity e = output[k];
            if (e.LastToken == previous && e.Type == EntityType.Role && !e.IsPart)
            {
                return e;
            }

            if (e.LastToken < previous)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>Gives a person the role written right before the name, and an unknown person the affiliation before that role.</summary>
    private static void LinkPeople(ref DocumentState doc, List<RecognizedEntity> output)
    {
        for (int k = 1; k < output.Count; k++)
        {
            RecognizedEntity person = output[k];
            if (person.Type != EntityType.Person || person.IsPart)
            {
                continue;
            }

            RecognizedEntity role = output[k - 1];
            if (role.Type != EntityType.Role || role.LastToken != doc.PreviousWord(person.FirstToken))
            {
                continue;
            }

            person.Role = role.Role;
            if (person.CountryCode is null && k >= 2)
            {
                RecognizedEntity affiliation = output[k - 2];
                if (affiliation.Type is EntityType.State or EntityType.Organization && affiliation.CountryCode is not null
                    && affiliation.LastToken >= doc.PreviousWord(role.FirstToken) - 1)
                {
                    output[k] = person with { CountryCode = affiliation.CountryCode };
                }
            }
        }
    }
}
