using Diplomacy.Extraction.Events;

namespace Diplomacy.Extraction.Consolidation;

/// <summary>
/// The reports gathered so far for one meeting, with the summary every new report is checked against: the window all
/// reports allow, the round, the place, the documents (one report per document) and the status bounds.
/// </summary>
internal sealed class Cluster
{
    private readonly HashSet<string> _documents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _people = new(StringComparer.OrdinalIgnoreCase);
    private long _anchorSum;

    public Cluster(long sequence, Report first)
    {
        Sequence = sequence;
        Block = first.Block;
        PhoneCall = first.Event.Kind == EventKind.PhoneCall;
        Start = first.Start;
        End = first.End;
        Add(first);
    }

    public long Sequence { get; }

    public string? Block { get; }

    public List<Report> Members { get; } = [];

    /// <summary>A phone call is never the same contact as a meeting in person.</summary>
    public bool PhoneCall { get; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    public int? Round { get; private set; }

    public string? Country { get; private set; }

    public string? City { get; private set; }

    public bool Timed { get; private set; }

    /// <summary>The mean of the members' most likely days: where the meeting most likely is.</summary>
    public double Anchor => (double)_anchorSum / Members.Count;

    /// <summary>The earliest as-of date of a report saying held (or ongoing).</summary>
    public DateOnly? DoneFrom { get; private set; }

    /// <summary>The latest as-of date of a report saying planned, proposed or postponed.</summary>
    public DateOnly? PendingUntil { get; private set; }

    /// <summary>The earliest as-of date of a report saying cancelled.</summary>
    public DateOnly? CancelledFrom { get; private set; }

    public bool Closed { get; set; }

    /// <summary>Whether <paramref name="r"/> can be a report of this meeting.</summary>
    public bool Accepts(Report r, int toleranceDays)
    {
        DiplomaticEvent e = r.Event;
        if (e.DocumentId is { } doc && _documents.Contains(doc))
        {
            return false; // the frame builder already decided that two events of one document are two meetings
        }

        if ((e.Kind == EventKind.PhoneCall) != PhoneCall)
        {
            return false;
        }

        if (e.Round is { } round && Round is { } mine && round != mine)
        {
            return false;
        }

        if (e.Location is { } place
            && ((place.CountryCode is { } country && Country is not null && !string.Equals(country, Country, StringComparison.Ordinal))
                || (place.City is { } city && City is not null && !string.Equals(city, City, StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }

        if (r.Start > Report.Shift(End, toleranceDays) || Start > Report.Shift(r.End, toleranceDays))
        {
            return false;
        }

        return StatusFits(r);
    }

    /// <summary>How well <paramref name="r"/> fits, among the clusters that accept it: higher is better.</summary>
    public double Score(Report r)
    {
        DiplomaticEvent e = r.Event;
        double score = 0;
        if (e.Round is { } round && Round == round)
        {
            score += 4;
        }

        if (e.Location is { } place)
        {
            if (place.City is not null && City is not null)
            {
                score += 3;
            }
            else if (place.CountryCode is not null && Country is not null)
            {
                score += 1;
            }
        }

        if (r.Timed && Timed)
        {
            score += 2;
        }

        int shared = 0;
        foreach (EventPerson p in e.People)
        {
            if (_people.Contains(p.Name) && ++shared == 2)
            {
                break;
            }
        }

        score += shared;

        // the nearer the meeting's most likely day, the better: a week apart costs one point
        return score - (Math.Abs(Anchor - r.Likely) / 7.0);
    }

    /// <summary>Adds <paramref name="r"/>; returns whether the window's end moved.</summary>
    public bool Add(Report r)
    {
        DiplomaticEvent e = r.Event;
        Members.Add(r);
        _anchorSum += r.Likely;
        if (e.DocumentId is { } doc)
        {
            _documents.Add(doc);
        }

        foreach (EventPerson p in e.People)
        {
            _people.Add(p.Name);
        }

        Round ??= e.Round;
        Country ??= e.Location?.CountryCode;
        City ??= e.Location?.City;
        Timed |= r.Timed;
        DateOnly oldEnd = End;
        DateOnly start = r.Start > Start ? r.Start : Start;
        DateOnly end = r.End < End ? r.End : End;
        (Start, End) = start <= end ? (start, end) : (end, start); // within the tolerance: keep the gap as the window
        if (r.AsOf is { } asOf)
        {
            switch (Report.Phase(e.Status))
            {
                case StatusPhase.Done:
                    DoneFrom = DoneFrom is { } d && d <= asOf ? d : asOf;
                    break;
                case StatusPhase.Cancelled:
                    CancelledFrom = CancelledFrom is { } c && c <= asOf ? c : asOf;
                    break;
                default:
                    PendingUntil = PendingUntil is { } p && p >= asOf ? p : asOf;
                    break;
            }
        }
        else if (Report.Phase(e.Status) == StatusPhase.Done)
        {
            DoneFrom ??= r.End;
        }

        return End != oldEnd;
    }

    /// <summary>
    /// A plausible life: reports of "planned" are not newer than reports of "held" or "cancelled", and a meeting is
    /// not both held and cancelled.
    /// </summary>
    private bool StatusFits(Report r)
    {
        DateOnly? asOf = r.AsOf;
        switch (Report.Phase(r.Event.Status))
        {
            case StatusPhase.Done:
                return CancelledFrom is null && !(asOf is { } a && PendingUntil is { } p && p > a);
            case StatusPhase.Cancelled:
                return DoneFrom is null && !(asOf is { } b && PendingUntil is { } q && q > b);
            default:
                return asOf is not { } c || ((DoneFrom is not { } d || c <= d) && (CancelledFrom is not { } x || c <= x));
        }
    }
}
