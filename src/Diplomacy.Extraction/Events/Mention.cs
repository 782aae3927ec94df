namespace Diplomacy.Extraction.Events;

/// <summary>One mention of a diplomatic contact: a trigger word with what its sentence says about it.</summary>
internal sealed class Mention
{
    public required SentenceView Sentence { get; init; }

    public required int TriggerToken { get; init; }

    public required int TriggerLength { get; init; }

    public required EventKind Kind { get; init; }

    public bool Weak { get; set; }

    public bool Generic { get; set; }

    public EventStatus? Status { get; set; }

    /// <summary>Tokens between the trigger and the status cue that decided <see cref="Status"/>.</summary>
    public int StatusDistance { get; set; } = int.MaxValue;

    /// <summary>1, 2, 3... or <see cref="EventLexicon.NextRound"/>; 0 when the text marks no round.</summary>
    public int Round { get; set; }

    public SortedSet<string> States { get; } = new(StringComparer.Ordinal);

    public List<EntityRef> Locations { get; } = [];

    /// <summary>Entities used as speakers in this sentence (never participants).</summary>
    public HashSet<EntityRef> Agents { get; } = [];

    public bool CanFound => !Generic && !Sentence.Hypothetical && (!Weak || Round != 0);

    public bool Votes => !Generic && !Sentence.Hypothetical;

    /// <summary>Whether no other mention in the sentence is closer to the given tokens than this one.</summary>
    public bool IsNearestTo(int token, int length)
    {
        int mine = Distance(token, length);
        foreach (Mention other in Sentence.Mentions)
        {
            if (!ReferenceEquals(other, this) && other.Distance(token, length) < mine)
            {
                return false;
            }
        }

        return true;
    }

    public int Distance(int token, int length)
    {
        int triggerEnd = TriggerToken + TriggerLength - 1;
        if (token > triggerEnd)
        {
            return token - triggerEnd;
        }

        int end = token + length - 1;
        return end < TriggerToken ? TriggerToken - end : 0;
    }
}
