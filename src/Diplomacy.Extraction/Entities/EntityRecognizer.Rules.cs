using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Entities;

internal sealed partial class EntityRecognizer
{
    private static readonly Dictionary<string, int> NoVotes = new(StringComparer.Ordinal);

    private void Resolve(ref DocumentState doc, List<Candidate> candidates, List<RecognizedEntity> output)
    {
        // Countries of the unambiguous places: the context that decides ambiguous names.
        var placeVotes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Candidate c in candidates)
        {
            if (Gazetteer.Entries[c.Entries[0]].Kind == LexKind.Place && ChoosePlace(c, NoVotes) is { } place)
            {
                placeVotes[place.CountryCode] = placeVotes.GetValueOrDefault(place.CountryCode) + 1;
            }
        }

        var genericMemory = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int k = 0; k < candidates.Count; k++)
        {
            Candidate c = candidates[k];
            LexEntry entry = Gazetteer.Entries[c.Entries[0]];
            RecognizedEntity? e = entry.Kind switch
            {
                LexKind.Organization => Organization(ref doc, c, entry, output, candidates, k, genericMemory),
                LexKind.State or LexKind.Metonym => StateOrAmbiguous(c, entry, placeVotes),
                LexKind.Adjective => StateOrAmbiguous(c, entry, placeVotes) with { IsAdjective = true },
                LexKind.Place => Place(ref doc, c, candidates, k, placeVotes),
                LexKind.Region => Region(c, entry),
                LexKind.Person => Person(c, Gazetteer.Kb.People[entry.Ref]),
                LexKind.Surname => Surname(ref doc, c, Gazetteer.Kb.People[entry.Ref]),
                LexKind.Role => Role(ref doc, c, entry, output),
                _ => null,
            };
            if (e is not null)
            {
                output.Add(e);
            }
            else
            {
                doc.Uncover(c.FirstToken, c.LastToken);
            }
        }
    }

    private RecognizedEntity StateMention(Candidate c, int stateIndex)
    {
        StateInfo s = Gazetteer.Kb.States[stateIndex];
        return new RecognizedEntity
        {
            Span = c.Span, FirstToken = c.FirstToken, LastToken = c.LastToken, Type = EntityType.State,
            Code = s.Code, Canonical = s.Name, CountryCode = s.Code, IsPart = c.IsPart,
        };
    }

    private RecognizedEntity StateOrAmbiguous(Candidate c, LexEntry entry, Dictionary<string, int> placeVotes)
    {
        if (c.Entries.Length == 1)
        {
            return StateMention(c, entry.Ref);
        }

        // A state name that is also a region of another country (Georgia): decided by the places around it.
        string stateCode = Gazetteer.Kb.States[entry.Ref].Code;
        int stateVotes = placeVotes.GetValueOrDefault(stateCode);
        RegionInfo? other = null;
        int otherVotes = 0;
        foreach (int index in c.Entries)
        {
            LexEntry candidate = Gazetteer.Entries[index];
            if (candidate.Kind == LexKind.Region)
            {
                other = Gazetteer.Kb.Regions[candidate.Ref];
                otherVotes = other.CountryCode is null ? 0 : placeVotes.GetValueOrDefault(other.CountryCode);
            }
        }

        if (other is null || stateVotes > otherVotes)
        {
            return StateMention(c, entry.Ref);
        }

        if (otherVotes > stateVotes)
        {
            return RegionMention(c, other);
        }

        return new RecognizedEntity
        {
            Span = c.Span, FirstToken = c.FirstToken, LastToken = c.LastToken, Type = EntityType.Place,
            Canonical = other.Name, IsPart = c.IsPart,
        };
    }

    private static RecognizedEntity RegionMention(Candidate c, RegionInfo region) => new()
    {
        Span = c.Span, FirstToken = c.FirstToken, LastToken = c.LastToken, Type = EntityType.Place,
        Canonical = region.Name, CountryCode = region.CountryCode, IsPart = c.IsPart,
    };

    private RecognizedEntity Region(Candidate c, LexEntry entry) => RegionMention(c, Gazetteer.Kb.Regions[entry.Ref]);

    private RecognizedEntity? Place(ref DocumentState doc, Candidate c, List<Candidate> candidates, int k, Dictionary<string, int> placeVotes)
    {
        PlaceInfo? place = ChoosePlace(c, placeVotes);
        PlaceInfo first = Gazetteer.Kb.Places[Gazetteer.Entries[c.Entries[0]].Ref];
        bool locative = doc.PreviousIs(c.FirstToken, Gazetteer.WordClass.Locative);
        if (!c.IsPart)
        {
            if (first.IsCommonWord && !locative)
            {
                return null;
            }

            // One word of a longer capitalized name (Paris Hilton, New START, Miles Cooper).
            // Large cities and capitals stay (title-case headlines: the Istanbul Meetings).
            if (c.FirstToken == c.LastToken && !first.IsCapital && first.Population < 1_000_000
                && (doc.NextIsUncoveredCapital(c.LastToken) || doc.PreviousIsUncoveredCapital(c.FirstToken)))
            {
                return null;
            }

            // City, Region of another country: Paris, Texas.
            if (k + 1 < candidates.Count && doc.CommaBetween(c.LastToken, candidates[k + 1].FirstToken))
            {
                string? regionCountry = CountryOf(candidates[k + 1]);
                if (regionCountry is not null && (place is null || place.CountryCode != regionCountry) && !AnyPlaceIn(c, regionCountry))
                {
                    return new RecognizedEntity
                    {
                        Span = c.Span, FirstToken = c.FirstToken, LastToken = c.LastToken, Type = EntityType.Place,
                        Canonical = doc.Text.Slice(c.Span.Start, c.Span.Length).ToString(), CountryCode = regionCountry,
                    };
                }
            }
        }

        if (place is null)
        {
            return new RecognizedEntity
            {
                Span = c.Span, FirstToken = c.FirstToken, LastToken = c.LastToken, Type = EntityType.Place,
                Canonical = first.Name, IsPart = c.IsPart,
            };
        }

        // A capital used as an actor (Moscow and Washington agreed; Beijing said) is its state.
        if (place.IsCapital && !locative)
        {
            int state = Gazetteer.Kb.TryStateIndex(place.CountryCode);
            if (state >= 0)
            {
                return StateMention(c, state);
            }
        }

        return new RecognizedEntity
        {
            Span = c.Span, FirstToken = c.FirstToken, LastToken = c.LastToken, Type = EntityType.Place,
            Code = null, Canonical = place.Name, CountryCode = place.CountryCode, GeonamesId = place.GeonamesId,
            Latitude = place.Latitude, Longitude = place.Longitude, IsPart = c.IsPart,
        };
    }

    private PlaceInfo? ChoosePlace(Candidate c, Dictionary<string, int> placeVotes)
    {
        if (c.Entries.Length == 1)
        {
            return Gazetteer.Kb.Places[Gazetteer.Entries[c.Entries[0]].Ref];
        }

        PlaceInfo? best = null;
        PlaceInfo? second = null;
        PlaceInfo? voted = null;
        int bestVotes = 0;
        bool tie = false;
        foreach (int index in c.Entries)
        {
            LexEntry entry = Gazetteer.Entries[index];
            if (entry.Kind != LexKind.Place)
            {
                continue;
            }

            PlaceInfo p = Gazetteer.Kb.Places[entry.Ref];
            if (best is null || p.Population > best.Population)
            {
                second = best;
                best = p;
            }
            else if (second is null || p.Population > second.Population)
            {
                second = p;
            }

            int votes = placeVotes.GetValueOrDefault(p.CountryCode);
            if (votes > bestVotes)
            {
                voted = p;
                bestVotes = votes;
                tie = false;
            }
            else if (votes == bestVotes && votes > 0)
            {
                tie = true;
            }
        }

        if (voted is not null && !tie)
        {
            return voted;
        }

        // Not guessed: a clear winner by size (a capital, or five times larger), else left ambiguous.
        return best is not null && (second is null || best.IsCapital || best.Population >= 5 * second.Population) ? best : null;
    }

    private bool AnyPlaceIn(Candidate c, string country)
    {
        foreach (int index in c.Entries)
        {
            LexEntry entry = Gazetteer.Entries[index];
            if (entry.Kind == LexKind.Place && Gazetteer.Kb.Places[entry.Ref].CountryCode == country)
            {
                return true;
            }
        }

        return false;
    }

    private string? CountryOf(Candidate c)
    {
        LexEntry entry = Gazetteer.Entries[c.Entries[0]];
        return entry.Kind switch
        {
            LexKind.Region => Gazetteer.Kb.Regions[entry.Ref].CountryCode,
            LexKind.State => Gazetteer.Kb.States[entry.Ref].Code,
            _ => null,
        };
    }

    private RecognizedEntity Organization(ref DocumentState doc, Candidate c, LexEntry entry, List<RecognizedEntity> output, List<Candidate> candidates, int k, Dictionary<string, string> memory)
    {
        OrganizationInfo org = Gazetteer.Kb.Organizations[entry.Ref];
        string? country = org.CountryCode;
        string? code = org.Code;
        if (org.IsGeneric)
        {
            // Russia's Foreign Ministry, the Russian Foreign Ministry, the Ministry of Foreign Affairs of Russia.
            if (output.Count > 0 && output[^1].Type == EntityType.State && doc.OnlyPossessiveBetween(output[^1].LastToken, c.FirstToken))
            {
                country = output[^1].Code;
            }
            else if (k + 1 < candidates.Count && doc.OfBetween(c.LastToken, candidates[k + 1].FirstToken)
                && Gazetteer.Entries[candidates[k + 1].Entries[0]].Kind is LexKind.State)
            {
                country = Gazetteer.Kb.States[Gazetteer.Entries[candidates[k + 1].Entries[0]].Ref].Code;
            }
            else if (memory.TryGetValue(org.Code, out string? remembered))
            {
                country = remembered;
            }

            code = country is null ? null : org.Code.Replace("{C}", country, StringComparison.Ordinal);
            if (country is not null)
            {
                memory[org.Code] = country;
            }
        }

        return new RecognizedEntity
        {
            Span = c.Span, FirstToken = c.FirstToken, LastToken = c.LastToken, Type = EntityType.Organization,
            Code = code, Canonical = org.Canonical, CountryCode = country, IsPart = c.IsPart,
        };
    }

    private static RecognizedEntity Person(Candidate c, PersonInfo person) => new()
    {
        Span = c.Span, FirstToken = c.FirstToken, LastToken = c.LastToken, Type = EntityType.Person,
        Code = person.Id, Canonical = person.Canonical, CountryCode = person.CountryCode, Role = person.Role, IsPart = c.IsPart,
    };

    private static RecognizedEntity? Surname(ref DocumentState doc, Candidate c, PersonInfo person) =>
        !c.IsPart && doc.NextIsUncoveredCapital(c.LastToken) ? null : Person(c, person);

    private RecognizedEntity Role(ref DocumentState doc, Candidate c, LexEntry entry, List<RecognizedEntity> output)
    {
        string role = Gazetteer.Kb.Roles[entry.Ref].Canonical;

        // A modifier before the role, possibly with a state adjective between: der stellvertretende russische Außenminister.
        int before = doc.PreviousWord(c.FirstToken);
        if (before >= 0 && output.Count > 0 && output[^1].LastToken == before && output[^1].Type == EntityType.State)
        {
            before = doc.PreviousWord(output[^1].FirstToken);
        }

        string? modifier = before >= 0 ? doc.ModifierAt(before) : null;
        if (modifier is not null && !role.StartsWith(modifier, StringComparison.Ordinal))
        {
            role = modifier + " " + role;
        }

        return new RecognizedEntity
        {
            Span = c.Span, FirstToken = c.FirstToken, LastToken = c.LastToken, Type = EntityType.Role,
            Canonical = role, Role = role, IsPart = c.IsPart,
        };
    }
}
