namespace Diplomacy.Extraction.Consolidation;

/// <summary>
/// The incremental core: reports are assigned, in processing order, to the best open cluster of their block that
/// accepts them (or start a new one); clusters whose window ended long enough before the watermark are closed.
/// Only open clusters are kept, so memory follows the number of meetings in the open time window, not the stream.
/// </summary>
internal sealed class ConsolidationEngine
{
    private readonly ConsolidationOptions _options;
    private readonly Dictionary<string, List<Cluster>> _open = new(StringComparer.Ordinal);
    private readonly PriorityQueue<Cluster, (int End, long Sequence)> _byEnd = new();
    private long _sequence;

    public ConsolidationEngine(ConsolidationOptions options) => _options = options;

    /// <summary>Cluster-report comparisons made so far: the work measure of consolidation.</summary>
    public long Comparisons { get; private set; }

    /// <summary>Clusters currently open.</summary>
    public int OpenClusters { get; private set; }

    /// <summary>Assigns <paramref name="r"/>; an unplaceable report is a closed cluster of its own, added to <paramref name="closed"/>.</summary>
    public void Process(Report r, List<Cluster> closed)
    {
        if (!r.Placeable)
        {
            closed.Add(new Cluster(_sequence++, r) { Closed = true });
            return;
        }

        string block = r.Block!;
        if (!_open.TryGetValue(block, out List<Cluster>? candidates))
        {
            candidates = [];
            _open.Add(block, candidates);
        }

        Cluster? best = null;
        double bestScore = double.NegativeInfinity;
        for (int i = 0; i < candidates.Count; i++)
        {
            Cluster c = candidates[i];
            Comparisons++;
            if (!c.Accepts(r, _options.ToleranceDays))
            {
                continue;
            }

            double score = c.Score(r);
            if (score > bestScore || (score == bestScore && c.Sequence < best!.Sequence))
            {
                (best, bestScore) = (c, score);
            }
        }

        if (best is null)
        {
            best = new Cluster(_sequence++, r);
            candidates.Add(best);
            OpenClusters++;
            _byEnd.Enqueue(best, (best.End.DayNumber, best.Sequence));
        }
        else if (best.Add(r))
        {
            _byEnd.Enqueue(best, (best.End.DayNumber, best.Sequence)); // the old entry is stale and skipped
        }
    }

    /// <summary>Closes every open cluster whose window ended more than the retention before <paramref name="watermark"/>.</summary>
    public void CloseBefore(DateOnly watermark, List<Cluster> closed)
    {
        long limit = (long)watermark.DayNumber - _options.RetentionDays;
        while (_byEnd.TryPeek(out Cluster? c, out (int End, long Sequence) key) && key.End < limit)
        {
            _byEnd.Dequeue();
            if (!c.Closed && c.End.DayNumber == key.End)
            {
                Close(c, closed);
            }
        }
    }

    /// <summary>Closes every open cluster.</summary>
    public void CloseAll(List<Cluster> closed)
    {
        while (_byEnd.TryDequeue(out Cluster? c, out (int End, long Sequence) key))
        {
            if (!c.Closed && c.End.DayNumber == key.End)
            {
                Close(c, closed);
            }
        }
    }

    private void Close(Cluster c, List<Cluster> closed)
    {
        c.Closed = true;
        OpenClusters--;
        closed.Add(c);
        List<Cluster> blockList = _open[c.Block!];
        int at = blockList.IndexOf(c);
        blockList[at] = blockList[^1];
        blockList.RemoveAt(blockList.Count - 1);
        if (blockList.Count == 0)
        {
            _open.Remove(c.Block!);
        }
    }
}
