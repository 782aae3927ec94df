using Diplomacy.Extraction.Events;

namespace Diplomacy.Extraction.Consolidation;

/// <summary>
/// One event prepared for consolidation: its block (the participant set), its as-of date and the window of days the
/// meeting can fall on, from its stated time or, without one, from its status and date.
/// </summary>
internal sealed class Report
{
    private Report(DiplomaticEvent e, string id, string? block, DateOnly? asOf, DateOnly start, DateOnly end, bool timed, bool placeable, bool hasWindow = true)
    {
        HasWindow = hasWindow;
        Event = e;
        Id = id;
        Block = block;
        AsOf = asOf;
        Start = start;
        End = end;
        Timed = timed;
        Placeable = placeable;
    }

    public DiplomaticEvent Event { get; }

    public string Id { get; }

    /// <summary>The sorted participant codes joined by '+'; null when fewer than two (nothing to match on).</summary>
    public string? Block { get; }

    public DateOnly? AsOf { get; }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    /// <summary>
    /// The meeting's most likely day (day number): the middle of a stated time; without one, the day before a report
    /// of "held", a week after a report of "planned", the report's day for "cancelled".
    /// </summary>
    public int Likely => Timed ? (Start.DayNumber + End.DayNumber) / 2
        : AsOf is not { } a ? Start.DayNumber
        : Phase(Event.Status) switch
        {
            StatusPhase.Done => a.DayNumber - 1,
            StatusPhase.Pending => a.DayNumber + 7,
            _ => a.DayNumber,
        };

    /// <summary>The window comes from a stated, resolved time.</summary>
    public bool Timed { get; }

    /// <summary>It has a stated time or a reference date, so <see cref="Start"/> and <see cref="End"/> mean something.</summary>
    public bool HasWindow { get; }

    /// <summary>It has a block and a window, so it can be matched with other reports.</summary>
    public bool Placeable { get; }

    /// <summary>The processing order key: reports are read in the order they were written.</summary>
    public DateOnly SortDate => AsOf ?? Start;

    public static Report Create(DiplomaticEvent e, string fallbackId, ConsolidationOptions options)
    {
        string id = e.Id.Length > 0 ? e.Id : fallbackId;
        string? block = BlockOf(e.Participants);
        DateOnly? asOf = e.ReferenceDate;
        DateOnly start, end;
        bool timed = false;
        if (e.Time is { Resolved: true, Start: { } s, End: { } t } && t >= s)
        {
            (start, end, timed) = (s, t, true);
        }
        else if (asOf is { } a)
        {
            int ahead = e.Round is null ? options.PlannedHorizonDays : options.RoundHorizonDays;
            (start, end) = Phase(e.Status) switch
            {
                StatusPhase.Done => (Shift(a, -options.HeldLookbackDays), a),
                StatusPhase.Pending => (a, Shift(a, ahead)),
                _ => (Shift(a, -options.HeldLookbackDays), Shift(a, ahead)),
            };
        }
        else
        {
            return new Report(e, id, block, null, default, default, timed: false, placeable: false, hasWindow: false);
        }

        return new Report(e, id, block, asOf, start, end, timed, block is not null);
    }

    /// <summary><paramref name="date"/> moved by <paramref name="days"/>, clamped to the calendar (a hostile 9999-12-31 must not throw).</summary>
    public static DateOnly Shift(DateOnly date, int days)
    {
        long target = (long)date.DayNumber + days;
        return DateOnly.FromDayNumber((int)Math.Clamp(target, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
    }

    public static StatusPhase Phase(EventStatus status) => status switch
    {
        EventStatus.Held or EventStatus.Ongoing => StatusPhase.Done,
        EventStatus.Cancelled => StatusPhase.Cancelled,
        _ => StatusPhase.Pending,
    };

    /// <summary>Processing order: as-of date, window, document, id; never the input order.</summary>
    public static int Compare(Report a, Report b)
    {
        int c = a.SortDate.CompareTo(b.SortDate);
        if (c == 0)
        {
            c = a.Start.CompareTo(b.Start);
        }

        if (c == 0)
        {
            c = a.End.CompareTo(b.End);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Event.DocumentId, b.Event.DocumentId);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    private static string? BlockOf(IReadOnlyList<EventParticipant> participants)
    {
        if (participants.Count < 2)
        {
            return null;
        }

        var codes = new string[participants.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = participants[i].Code;
        }

        Array.Sort(codes, StringComparer.Ordinal);
        return string.Join('+', codes);
    }
}

/// <summary>Where a status stands in a meeting's life: before it, done, or called off.</summary>
internal enum StatusPhase
{
    Pending,
    Done,
    Cancelled,
}
