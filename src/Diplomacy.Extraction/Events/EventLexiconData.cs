namespace Diplomacy.Extraction.Events;

/// <summary>The JSON shape of <c>Resources/&lt;lang&gt;/events.json</c>.</summary>
internal sealed class EventLexiconData
{
    public Dictionary<string, List<string>> Triggers { get; set; } = [];

    public List<string> WeakTriggers { get; set; } = [];

    public Dictionary<string, List<string>> Status { get; set; } = [];

    public List<string> Hypothetical { get; set; } = [];

    public List<string> GenericModifiers { get; set; } = [];

    public List<string> TriggerVetoes { get; set; } = [];

    public List<string> NonDiplomaticCues { get; set; } = [];

    public List<string> HeadingFunctionWords { get; set; } = [];

    public List<string> LocationBlockers { get; set; } = [];

    public List<string> PossessiveActors { get; set; } = [];

    public Dictionary<string, List<string>> Rounds { get; set; } = [];

    public List<string> AttributionVerbs { get; set; } = [];

    public List<string> AttributionPrepositions { get; set; } = [];

    public List<string> BodyNouns { get; set; } = [];

    public List<string> LocationPrepositions { get; set; } = [];

    public List<string> AgendaCues { get; set; } = [];

    public List<string> OffAgendaSections { get; set; } = [];

    public List<string> OffAgendaSentences { get; set; } = [];

    public List<string> ExclusionBefore { get; set; } = [];

    public List<string> ExclusionAfter { get; set; } = [];

    public List<string> ExclusionContext { get; set; } = [];

    public Dictionary<string, List<string>> Topics { get; set; } = [];
}
