using Diplomacy.Extraction.Entities;
using Diplomacy.Extraction.Events;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Benchmarks;

/// <summary>
/// Generates a realistic stream of extracted events for consolidation benchmarks and tests: meetings between state
/// pairs drawn with a Zipf law (exponent 0.6 over all 11,175 pairs of 150 states: the busiest pair holds about 1% of the meetings, most pairs meet rarely), each reported by a geometric number of
/// articles (mean about 5) before it (planned or proposed, sometimes postponed) and after it (held), some
/// cancelled; most reports state a time (a day, a week or a month around the meeting), half a city, some a round.
/// A constant 1,000 reports a day, so a larger stream covers a longer period at the same density, as real dumps do.
/// Deterministic for a seed. Also used by the test project (linked source).
/// </summary>
internal static class SyntheticEvents
{
    private const int ReportsPerDay = 1_000;
    private const int States = 150;
    private const int Pairs = States * (States - 1) / 2;
    private static readonly DateOnly Epoch = new(2020, 1, 1);
    private static readonly string[] Cities = ["Geneva", "Istanbul", "Vienna", "Doha", "Riyadh", "Beijing", "Brussels", "Oslo", "Cairo", "Singapore"];
    private static readonly EventStatus[] Before = [EventStatus.Planned, EventStatus.Planned, EventStatus.Planned, EventStatus.Proposed];

    /// <summary>Returns <paramref name="count"/> events with their true meeting number (for scoring the clustering).</summary>
    public static List<(DiplomaticEvent Event, int Meeting)> Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        double[] cumulative = ZipfCumulative(Pairs, 0.6); // the busiest pair holds about 1% of all meetings
        var events = new List<(DiplomaticEvent, int)>(count);
        int days = Math.Max(1, count / ReportsPerDay);
        int meeting = 0;
        int document = 0;
        while (events.Count < count)
        {
            meeting++;
            int pair = Array.BinarySearch(cumulative, random.NextDouble());
            pair = pair < 0 ? ~pair : pair;
            (string a, string b) = PairCodes(pair);

            DateOnly date = Epoch.AddDays(random.Next(days));
            string city = Cities[(pair + meeting % 3) % Cities.Length];
            int? round = random.NextDouble() < 0.1 ? 1 + random.Next(4) : null;
            bool cancelled = random.NextDouble() < 0.03;
            int reports = 1 + (int)Math.Floor(Math.Log(1 - random.NextDouble()) / Math.Log(0.8)); // geometric, mean ~5
            for (int i = 0; i < reports && events.Count < count; i++)
            {
                bool after = !cancelled && random.NextDouble() < 0.5;
                DateOnly asOf = after ? date.AddDays(random.Next(0, 4)) : date.AddDays(-random.Next(1, 30));
                EventStatus status = cancelled && i == reports - 1 ? EventStatus.Cancelled
                    : after ? EventStatus.Held
                    : random.NextDouble() < 0.02 ? EventStatus.Postponed : Before[random.Next(Before.Length)];
                document++;
                string doc = "d" + document.ToString(System.Globalization.CultureInfo.InvariantCulture);
                string? place = random.NextDouble() < 0.5 ? city : null;
                events.Add((Create(doc, [a, b], asOf, status, Time(random, date), place is null ? null : new EventLocation(place, null, null, place, new TextSpan(0, place.Length)), random.NextDouble() < 0.5 ? round : null), meeting));
            }
        }

        return events;
    }

    private static EventTime? Time(Random random, DateOnly date)
    {
        double p = random.NextDouble();
        if (p < 0.3)
        {
            return null;
        }

        if (p < 0.75)
        {
            return new EventTime("on " + date.DayOfWeek, date, date, null, Dates.TimeGranularity.Day, true, new TextSpan(0, 5));
        }

        if (p < 0.92)
        {
            DateOnly monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
            return new EventTime("this week", monday, monday.AddDays(6), null, Dates.TimeGranularity.Week, true, new TextSpan(0, 5));
        }

        var first = new DateOnly(date.Year, date.Month, 1);
        return new EventTime("this month", first, first.AddMonths(1).AddDays(-1), null, Dates.TimeGranularity.Month, true, new TextSpan(0, 5));
    }

    /// <summary>A minimal extracted event: document <paramref name="doc"/>, event id <c>doc#1</c>, between <paramref name="participants"/> (state codes).</summary>
    public static DiplomaticEvent Create(string doc, string[] participants, DateOnly? asOf, EventStatus status, EventTime? time, EventLocation? location, int? round)
    {
        var parties = new EventParticipant[participants.Length];
        for (int i = 0; i < parties.Length; i++)
        {
            parties[i] = new EventParticipant(participants[i], participants[i], EntityType.State);
        }

        return new DiplomaticEvent
        {
            Id = doc + "#1",
            DocumentId = doc,
            ReferenceDate = asOf,
            Language = "en",
            Kind = EventKind.Meeting,
            Status = status,
            Participants = parties,
            People = [],
            Location = location,
            Time = time,
            Topics = [],
            ExcludedTopics = [],
            Round = round,
            Evidence = [],
            Confidence = 0.8,
            Span = new TextSpan(0, 10),
        };
    }

    /// <summary>The pair with this rank: pairs in a fixed pseudo-random order, so rank does not follow the alphabet.</summary>
    private static (string A, string B) PairCodes(int rank)
    {
        int index = (int)((rank * 7_919L) % Pairs);
        int a = 0;
        while (index >= States - 1 - a)
        {
            index -= States - 1 - a;
            a++;
        }

        return (Code(a), Code(a + 1 + index));
    }

    private static string Code(int i) => string.Create(3, i, static (span, n) =>
    {
        span[0] = (char)('A' + (n / 676 % 26));
        span[1] = (char)('A' + (n / 26 % 26));
        span[2] = (char)('A' + (n % 26));
    });

    private static double[] ZipfCumulative(int n, double s)
    {
        var cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += 1 / Math.Pow(i + 1, s);
            cumulative[i] = sum;
        }

        for (int i = 0; i < n; i++)
        {
            cumulative[i] /= sum;
        }

        return cumulative;
    }
}
