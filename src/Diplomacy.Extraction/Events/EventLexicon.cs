using System.Collections.Concurrent;
using Diplomacy.Extraction.Resources;

namespace Diplomacy.Extraction.Events;

/// <summary>
/// A language's event knowledge compiled from <c>Resources/&lt;lang&gt;/events.json</c>: trigger, status, round,
/// attribution, agenda, exclusion and topic phrases. Unknown languages (and <c>und</c>) get the union of all.
/// </summary>
internal sealed class EventLexicon
{
    /// <summary>Payload for round markers that mean "the next round" without a number.</summary>
    public const int NextRound = 100;

    private const int WeakFlag = 1 << 8;

    private static readonly ConcurrentDictionary<string, EventLexicon> Cache = new(StringComparer.Ordinal);

    private EventLexicon(string language, IReadOnlyList<EventLexiconData> data)
    {
        Language = language;
        var triggers = new List<(string, int)>();
        var status = new List<(string, int)>();
        var rounds = new List<(string, int)>();
        var topics = new List<(string, int)>();
        var weak = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (EventLexiconData d in data)
        {
            weak.UnionWith(d.WeakTriggers);
        }

        foreach (EventLexiconData d in data)
        {
            foreach ((string kind, List<string> phrases) in d.Triggers)
            {
                int k = (int)Enum.Parse<EventKind>(kind);
                foreach (string p in phrases)
                {
                    triggers.Add((p, k | (weak.Contains(p) ? WeakFlag : 0)));
                }
            }

            foreach ((string s, List<string> phrases) in d.Status)
            {
                int v = (int)Enum.Parse<EventStatus>(s);
                foreach (string p in phrases)
                {
                    status.Add((p, v));
                }
            }

            foreach ((string r, List<string> phrases) in d.Rounds)
            {
                int v = r == "next" ? NextRound : int.Parse(r, System.Globalization.CultureInfo.InvariantCulture);
                foreach (string p in phrases)
                {
                    rounds.Add((p, v));
                }
            }

            foreach ((string t, List<string> phrases) in d.Topics)
            {
                int v = (int)Enum.Parse<DiplomaticTopic>(t);
                foreach (string p in phrases)
                {
                    topics.Add((p, v));
                }
            }
        }

        Triggers = PhraseMatcher.Create(triggers);
        Status = PhraseMatcher.Create(status);
        Rounds = PhraseMatcher.Create(rounds);
        Topics = PhraseMatcher.Create(topics);
        Hypothetical = Union(data, d => d.Hypothetical);
        GenericModifiers = Union(data, d => d.GenericModifiers);
        TriggerVetoes = Union(data, d => d.TriggerVetoes);
        NonDiplomaticCues = Union(data, d => d.NonDiplomaticCues);
        HeadingFunctionWords = Union(data, d => d.HeadingFunctionWords);
        LocationBlockers = Union(data, d => d.LocationBlockers);
        PossessiveActors = Union(data, d => d.PossessiveActors);
        AttributionVerbs = Union(data, d => d.AttributionVerbs);
        AttributionPrepositions = Union(data, d => d.AttributionPrepositions);
        BodyNouns = Union(data, d => d.BodyNouns);
        LocationPrepositions = Union(data, d => d.LocationPrepositions);
        AgendaCues = Union(data, d => d.AgendaCues);
        OffAgendaSections = Union(data, d => d.OffAgendaSections);
        OffAgendaSentences = Union(data, d => d.OffAgendaSentences);
        ExclusionBefore = Union(data, d => d.ExclusionBefore);
        ExclusionAfter = Union(data, d => d.ExclusionAfter);
        ExclusionContext = Union(data, d => d.ExclusionContext);
    }

    public string Language { get; }

    /// <summary>Payload: <see cref="EventKind"/> in the low byte, weak flag above.</summary>
    public PhraseMatcher Triggers { get; }

    /// <summary>Payload: <see cref="EventStatus"/>.</summary>
    public PhraseMatcher Status { get; }

    /// <summary>Payload: the round number, or <see cref="NextRound"/>.</summary>
    public PhraseMatcher Rounds { get; }

    /// <summary>Payload: <see cref="DiplomaticTopic"/>.</summary>
    public PhraseMatcher Topics { get; }

    public PhraseMatcher Hypothetical { get; }

    public PhraseMatcher GenericModifiers { get; }

    /// <summary>Phrases that start with a trigger but are no meeting ("meet demand").</summary>
    public PhraseMatcher TriggerVetoes { get; }

    /// <summary>Sport and business words: a sentence with one founds no event.</summary>
    public PhraseMatcher NonDiplomaticCues { get; }

    public PhraseMatcher HeadingFunctionWords { get; }

    public PhraseMatcher LocationBlockers { get; }

    public PhraseMatcher PossessiveActors { get; }

    public PhraseMatcher AttributionVerbs { get; }

    public PhraseMatcher AttributionPrepositions { get; }

    public PhraseMatcher BodyNouns { get; }

    public PhraseMatcher LocationPrepositions { get; }

    public PhraseMatcher AgendaCues { get; }

    public PhraseMatcher OffAgendaSections { get; }

    public PhraseMatcher OffAgendaSentences { get; }

    public PhraseMatcher ExclusionBefore { get; }

    public PhraseMatcher ExclusionAfter { get; }

    public PhraseMatcher ExclusionContext { get; }

    public static EventKind KindOf(int payload) => (EventKind)(payload & 0xFF);

    public static bool IsWeak(int payload) => (payload & WeakFlag) != 0;

    public static EventLexicon For(string? language)
    {
        string key = string.IsNullOrEmpty(language) ? "und" : language;
        return Cache.GetOrAdd(key, static k =>
        {
            EventLexiconData? own = k == "und" ? null : ResourceLoader.TryReadJson(k, "events.json", ResourceJsonContext.Default.EventLexiconData);
            if (own is not null)
            {
                return new EventLexicon(k, [own]);
            }

            var all = new List<EventLexiconData>();
            foreach (string lang in ResourceLoader.LanguagesWith("events.json"))
            {
                all.Add(ResourceLoader.TryReadJson(lang, "events.json", ResourceJsonContext.Default.EventLexiconData)!);
            }

            return new EventLexicon("und", all);
        });
    }

    private static PhraseMatcher Union(IReadOnlyList<EventLexiconData> data, Func<EventLexiconData, List<string>> select)
    {
        var all = new List<string>();
        foreach (EventLexiconData d in data)
        {
            all.AddRange(select(d));
        }

        return PhraseMatcher.Create(all);
    }
}
