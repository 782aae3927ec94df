using Diplomacy.Extraction.Consolidation;

namespace Diplomacy.Extraction.Evaluation;

/// <summary>A gold event's cluster label and the predicted event it was matched with.</summary>
internal sealed record ClusterItem(string GoldCluster, string PredictedEventId);

/// <summary>
/// How well consolidation grouped the matched events into meetings, against the gold <c>cluster</c> labels:
/// pairwise precision/recall (over pairs of items put together) and B-cubed (per item, averaged).
/// Gold events the extractor missed are not items (detection recall already counts them).
/// </summary>
internal sealed class ClusterScore
{
    public int Items { get; set; }

    public int GoldClusters { get; set; }

    public int PredictedClusters { get; set; }

    public double PairPrecision { get; set; }

    public double PairRecall { get; set; }

    public double BCubedPrecision { get; set; }

    public double BCubedRecall { get; set; }

    public double BCubedF1 => BCubedPrecision + BCubedRecall == 0 ? 0 : 2 * BCubedPrecision * BCubedRecall / (BCubedPrecision + BCubedRecall);

    /// <summary>Scores <paramref name="items"/> grouped by the consolidated events that contain their predicted event.</summary>
    public static ClusterScore Compute(IReadOnlyList<ClusterItem> items, IReadOnlyList<ConsolidatedEvent> consolidated)
    {
        var predictedOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < consolidated.Count; i++)
        {
            foreach (string id in consolidated[i].MemberEventIds)
            {
                predictedOf[id] = i;
            }
        }

        int n = items.Count;
        var predicted = new int[n];
        var goldIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var gold = new int[n];
        var predictedIds = new HashSet<int>();
        for (int i = 0; i < n; i++)
        {
            // an event that no consolidated event holds is a cluster of its own
            predicted[i] = predictedOf.TryGetValue(items[i].PredictedEventId, out int c) ? c : -1 - i;
            predictedIds.Add(predicted[i]);
            if (!goldIds.TryGetValue(items[i].GoldCluster, out int g))
            {
                g = goldIds.Count;
                goldIds.Add(items[i].GoldCluster, g);
            }

            gold[i] = g;
        }

        long bothPairs = 0, predictedPairs = 0, goldPairs = 0;
        double bPrecision = 0, bRecall = 0;
        for (int i = 0; i < n; i++)
        {
            int samePredicted = 0, sameGold = 0, same = 0;
            for (int j = 0; j < n; j++)
            {
                bool p = predicted[i] == predicted[j];
                bool g = gold[i] == gold[j];
                samePredicted += p ? 1 : 0;
                sameGold += g ? 1 : 0;
                same += p && g ? 1 : 0;
            }

            bPrecision += (double)same / samePredicted;
            bRecall += (double)same / sameGold;
            bothPairs += same - 1;
            predictedPairs += samePredicted - 1;
            goldPairs += sameGold - 1;
        }

        return new ClusterScore
        {
            Items = n,
            GoldClusters = goldIds.Count,
            PredictedClusters = predictedIds.Count,
            PairPrecision = predictedPairs == 0 ? 1 : (double)bothPairs / predictedPairs,
            PairRecall = goldPairs == 0 ? 1 : (double)bothPairs / goldPairs,
            BCubedPrecision = n == 0 ? 1 : bPrecision / n,
            BCubedRecall = n == 0 ? 1 : bRecall / n,
        };
    }
}
