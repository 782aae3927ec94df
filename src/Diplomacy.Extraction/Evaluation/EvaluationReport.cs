namespace Diplomacy.Extraction.Evaluation;

/// <summary>Scores of extracted events against gold annotations.</summary>
internal sealed class EvaluationReport
{
    public int GoldEvents { get; set; }

    public int OptionalGoldEvents { get; set; }

    public int PredictedEvents { get; set; }

    public int TruePositives { get; set; }

    public int FalsePositives { get; set; }

    public int FalseNegatives { get; set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Per field: how many matched events got it right, of how many.</summary>
    public SortedDictionary<string, FieldScore> Fields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Matched gold events that carry a <c>cluster</c> label, with the id of the predicted event they matched.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public List<ClusterItem> ClusterItems { get; } = [];

    /// <summary>Cross-document consolidation scored against the gold <c>cluster</c> labels (set by the caller that consolidated).</summary>
    public ClusterScore? Clustering { get; set; }

    /// <summary>Every mistake, readable.</summary>
    public List<string> Errors { get; set; } = [];
}

internal sealed class FieldScore
{
    public int Correct { get; set; }

    public int Total { get; set; }

    public double Accuracy => Total == 0 ? 1 : (double)Correct / Total;
}
