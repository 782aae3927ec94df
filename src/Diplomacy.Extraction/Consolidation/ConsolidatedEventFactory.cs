using Diplomacy.Extraction.Events;

namespace Diplomacy.Extraction.Consolidation;

/// <summary>Turns a closed cluster into a <see cref="ConsolidatedEvent"/>: the best value of each field with its support.</summary>
internal static class ConsolidatedEventFactory
{
    public static ConsolidatedEvent Create(Cluster cluster)
    {
        List<Report> members = [.. cluster.Members];
        members.Sort(ByAsOf);
        Report first = members[0];
        var history = new StatusReport[members.Count];
        var sources = new EventSource[members.Count];
        var ids = new string[members.Count];
        double unsure = 1;
        for (int i = 0; i < members.Count; i++)
        {
            DiplomaticEvent e = members[i].Event;
            history[i] = new StatusReport(e.Status, members[i].AsOf, e.DocumentId, members[i].Id);
            sources[i] = new EventSource(e.DocumentId, members[i].Id, e.Status, e.ReferenceDate, e.Evidence);
            ids[i] = members[i].Id;
            unsure *= 1 - Math.Clamp(e.Confidence, 0, 1);
        }

        return new ConsolidatedEvent
        {
            Id = "c:" + first.Id,
            Kind = MostFrequentKind(members),
            Status = members[^1].Event.Status,
            Participants = first.Event.Participants,
            People = People(members),
            Location = Location(members),
            Time = Time(members, cluster),
            OccursFrom = first.HasWindow ? cluster.Start : null,
            OccursTo = first.HasWindow ? cluster.End : null,
            Topics = Topics(members, excluded: false),
            ExcludedTopics = Topics(members, excluded: true),
            AnnouncedBy = Announcers(members),
            Round = cluster.Round,
            StatusHistory = history,
            Sources = sources,
            MentionCount = members.Count,
            MemberEventIds = ids,
            Confidence = Math.Round(1 - unsure, 2),
        };
    }

    /// <summary>Oldest report first; on one day the later stage of a meeting's life last, so the last entry is the current status.</summary>
    private static int ByAsOf(Report a, Report b)
    {
        int c = Nullable.Compare(a.AsOf, b.AsOf);
        if (c == 0)
        {
            c = Stage(a.Event.Status).CompareTo(Stage(b.Event.Status));
        }

        return c != 0 ? c : Report.Compare(a, b);
    }

    private static int Stage(EventStatus s) => s switch
    {
        EventStatus.Proposed => 0,
        EventStatus.Planned => 1,
        EventStatus.Postponed => 2,
        EventStatus.Ongoing => 3,
        EventStatus.Held => 4,
        _ => 5,
    };

    private static EventKind MostFrequentKind(List<Report> members)
    {
        var counts = new SortedDictionary<EventKind, int>();
        foreach (Report r in members)
        {
            counts[r.Event.Kind] = counts.GetValueOrDefault(r.Event.Kind) + 1;
        }

        EventKind best = members[0].Event.Kind;
        int most = 0;
        foreach (KeyValuePair<EventKind, int> kv in counts)
        {
            if (kv.Value > most)
            {
                (best, most) = (kv.Key, kv.Value);
            }
        }

        return best;
    }

    private static List<SupportedPerson> People(List<Report> members)
    {
        var byName = new Dictionary<string, (EventPerson First, int Support, string? Role, string? Affiliation)>(StringComparer.OrdinalIgnoreCase);
        foreach (Report r in members)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (EventPerson p in r.Event.People)
            {
                if (!seen.Add(p.Name))
                {
                    continue;
                }

                byName[p.Name] = byName.TryGetValue(p.Name, out var known)
                    ? (known.First, known.Support + 1, known.Role ?? p.Role, known.Affiliation ?? p.Affiliation)
                    : (p, 1, p.Role, p.Affiliation);
            }
        }

        var people = new List<SupportedPerson>(byName.Count);
        foreach (var (first, support, role, affiliation) in byName.Values)
        {
            people.Add(new SupportedPerson(first.Name, role, affiliation, support));
        }

        people.Sort((a, b) => a.Support != b.Support ? b.Support.CompareTo(a.Support) : string.CompareOrdinal(a.Name, b.Name));
        return people;
    }

    /// <summary>The candidate place with the most reports agreeing (a report naming only the same country agrees); cities win ties.</summary>
    private static ConsolidatedLocation? Location(List<Report> members)
    {
        // counted once, so choosing stays linear in the number of reports
        var byCity = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byCountry = new Dictionary<string, int>(StringComparer.Ordinal);
        var byCountryWithoutCity = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Report r in members)
        {
            if (r.Event.Location is not { } place)
            {
                continue;
            }

            if (place.City is { } city)
            {
                byCity[city] = byCity.GetValueOrDefault(city) + 1;
            }

            if (place.CountryCode is { } country)
            {
                byCountry[country] = byCountry.GetValueOrDefault(country) + 1;
                if (place.City is null)
                {
                    byCountryWithoutCity[country] = byCountryWithoutCity.GetValueOrDefault(country) + 1;
                }
            }
        }

        ConsolidatedLocation? best = null;
        foreach (Report candidate in members)
        {
            if (candidate.Event.Location is not { } place || (place.City is null && place.CountryCode is null))
            {
                continue;
            }

            // a city agrees with the same city, and with reports naming no city but the same country
            int support = place.City is { } city
                ? byCity[city] + (place.CountryCode is { } k ? byCountryWithoutCity.GetValueOrDefault(k) : 0)
                : byCountry[place.CountryCode!];
            var value = new ConsolidatedLocation(place.City, place.CountryCode, place.GeonamesId, support);
            if (best is null || support > best.Support || (support == best.Support && place.City is not null && best.City is null))
            {
                best = value;
            }
        }

        return best;
    }

    /// <summary>The narrowest stated time that overlaps the window every report allows; support = stated times containing it.</summary>
    private static ConsolidatedTime? Time(List<Report> members, Cluster cluster)
    {
        Report? best = null;
        foreach (Report r in members)
        {
            if (!r.Timed || r.End < cluster.Start || r.Start > cluster.End)
            {
                continue;
            }

            if (best is null || r.End.DayNumber - r.Start.DayNumber < best.End.DayNumber - best.Start.DayNumber)
            {
                best = r;
            }
        }

        if (best is null)
        {
            return null;
        }

        int support = 0;
        foreach (Report r in members)
        {
            if (r.Timed && r.Start <= best.Start && r.End >= best.End)
            {
                support++;
            }
        }

        EventTime time = best.Event.Time!;
        return new ConsolidatedTime(best.Start, best.End, time.Text, time.Timex, support);
    }

    private static List<SupportedTopic> Topics(List<Report> members, bool excluded)
    {
        var counts = new SortedDictionary<DiplomaticTopic, int>();
        foreach (Report r in members)
        {
            var seen = new HashSet<DiplomaticTopic>();
            foreach (TopicMention t in excluded ? r.Event.ExcludedTopics : r.Event.Topics)
            {
                if (seen.Add(t.Topic))
                {
                    counts[t.Topic] = counts.GetValueOrDefault(t.Topic) + 1;
                }
            }
        }

        var topics = new List<SupportedTopic>(counts.Count);
        foreach (KeyValuePair<DiplomaticTopic, int> kv in counts)
        {
            topics.Add(new SupportedTopic(kv.Key, kv.Value));
        }

        topics.Sort((a, b) => a.Support != b.Support ? b.Support.CompareTo(a.Support) : a.Topic.CompareTo(b.Topic));
        return topics;
    }

    private static List<SupportedName> Announcers(List<Report> members)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (Report r in members)
        {
            if (r.Event.AnnouncedBy is { Length: > 0 } name)
            {
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        var names = new List<SupportedName>(counts.Count);
        foreach (KeyValuePair<string, int> kv in counts)
        {
            names.Add(new SupportedName(kv.Key, kv.Value));
        }

        names.Sort((a, b) => a.Support != b.Support ? b.Support.CompareTo(a.Support) : string.CompareOrdinal(a.Name, b.Name));
        return names;
    }
}
