using System.Globalization;
using System.Text;
using Diplomacy.Extraction.Events;

namespace Diplomacy.Extraction.Evaluation;

/// <summary>
/// Scores extracted events against a gold file, as <c>gold/FORMAT.md</c> describes: event detection
/// (optional gold events cost nothing either way) and, on matched events, status, participants, people,
/// location, time, topics, excluded topics and announcer.
/// </summary>
internal static class GoldScorer
{
    public static readonly string[] FieldNames = ["status", "participants", "people", "location", "time", "topics", "excludedTopics", "announcedBy"];

    public static EvaluationReport Score(IReadOnlyList<(GoldDocument Gold, IReadOnlyList<DiplomaticEvent> Predicted)> documents)
    {
        var report = new EvaluationReport();
        foreach (string f in FieldNames)
        {
            report.Fields[f] = new FieldScore();
        }

        foreach ((GoldDocument gold, IReadOnlyList<DiplomaticEvent> predicted) in documents)
        {
            ScoreDocument(gold, predicted, report);
        }

        return report;
    }

    private static void ScoreDocument(GoldDocument gold, IReadOnlyList<DiplomaticEvent> predicted, EvaluationReport report)
    {
        report.PredictedEvents += predicted.Count;
        foreach (GoldEvent g in gold.Events)
        {
            if (g.Optional)
            {
                report.OptionalGoldEvents++;
            }
            else
            {
                report.GoldEvents++;
            }
        }

        // greedy matching on similarity, best pairs first
        var pairs = new List<(int G, int P, double Score)>();
        for (int gi = 0; gi < gold.Events.Count; gi++)
        {
            for (int pi = 0; pi < predicted.Count; pi++)
            {
                double s = Similarity(gold.Events[gi], predicted[pi]);
                if (s > 0)
                {
                    pairs.Add((gi, pi, s));
                }
            }
        }

        pairs.Sort((a, b) => b.Score.CompareTo(a.Score));
        var goldUsed = new bool[gold.Events.Count];
        var predUsed = new bool[predicted.Count];
        foreach ((int gi, int pi, _) in pairs)
        {
            if (goldUsed[gi] || predUsed[pi])
            {
                continue;
            }

            goldUsed[gi] = predUsed[pi] = true;
            GoldEvent g = gold.Events[gi];
            if (g.Cluster is { Length: > 0 } cluster)
            {
                report.ClusterItems.Add(new ClusterItem(cluster, predicted[pi].Id));
            }

            if (g.Optional)
            {
                continue;
            }

            report.TruePositives++;
            ScoreFields(gold.Doc, g, predicted[pi], report);
        }

        for (int gi = 0; gi < gold.Events.Count; gi++)
        {
            if (!goldUsed[gi] && !gold.Events[gi].Optional)
            {
                report.FalseNegatives++;
                report.Errors.Add($"{gold.Doc}: missed gold event {Describe(gold.Events[gi])}");
            }
        }

        for (int pi = 0; pi < predicted.Count; pi++)
        {
            if (!predUsed[pi])
            {
                report.FalsePositives++;
                DiplomaticEvent p = predicted[pi];
                report.Errors.Add($"{gold.Doc}: extra event {p.Status} {string.Join('+', p.Participants.Select(x => x.Code))} \"{Shorten(p.Evidence[0].Text)}\"");
            }
        }
    }

    private static double Similarity(GoldEvent g, DiplomaticEvent p)
    {
        var gp = new HashSet<string>(g.Participants, StringComparer.Ordinal);
        int overlap = p.Participants.Count(x => gp.Contains(x.Code));
        int union = gp.Count + p.Participants.Count - overlap;
        double jaccard = union == 0 ? 1 : (double)overlap / union;
        if (jaccard < 0.5)
        {
            return 0;
        }

        double score = jaccard * 2;
        if (StatusOk(g, p))
        {
            score += 1;
        }

        if (TimeOk(g, p))
        {
            score += 0.5;
        }

        if (LocationOk(g, p))
        {
            score += 0.5;
        }

        return score;
    }

    private static void ScoreFields(string doc, GoldEvent g, DiplomaticEvent p, EvaluationReport report)
    {
        void Field(string name, bool ok, string detail)
        {
            FieldScore f = report.Fields[name];
            f.Total++;
            if (ok)
            {
                f.Correct++;
            }
            else
            {
                report.Errors.Add($"{doc} [{g.Cluster ?? g.Status}] {name}: {detail}");
            }
        }

        Field("status", StatusOk(g, p), $"gold {g.Status}{(g.StatusAlso.Count > 0 ? "/" + string.Join('/', g.StatusAlso) : "")}, got {p.Status}");
        var gp = new SortedSet<string>(g.Participants, StringComparer.Ordinal);
        var pp = new SortedSet<string>(p.Participants.Select(x => x.Code), StringComparer.Ordinal);
        Field("participants", gp.SetEquals(pp), $"gold {string.Join(',', gp)}, got {string.Join(',', pp)}");
        var missingPeople = g.People.Where(n => !p.People.Any(x => NameMatches(n, x.Name))).ToList();
        Field("people", missingPeople.Count == 0, $"missing {string.Join(", ", missingPeople)}");
        Field("location", LocationOk(g, p), $"gold {g.Location?.City ?? "-"}/{g.Location?.Country ?? "-"}, got {p.Location?.City ?? "-"}/{p.Location?.CountryCode ?? "-"}");
        Field("time", TimeOk(g, p), $"gold {(g.Time is null ? "none" : $"contains {g.Time.Contains}, <= {g.Time.MaxDays} days")}, got {(p.Time is null ? "none" : $"{p.Time.Text}: {p.Time.Start}..{p.Time.End}")}");
        var gotTopics = new HashSet<string>(p.Topics.Select(t => t.Topic.ToString()), StringComparer.Ordinal);
        var allowed = new HashSet<string>(g.Topics.Concat(g.TopicsAllowed), StringComparer.Ordinal);
        var missingTopics = g.Topics.Where(t => !gotTopics.Contains(t)).ToList();
        var wrongTopics = gotTopics.Where(t => !allowed.Contains(t)).ToList();
        Field("topics", missingTopics.Count == 0 && wrongTopics.Count == 0, $"missing [{string.Join(", ", missingTopics)}], not allowed [{string.Join(", ", wrongTopics)}]");
        var ge = new SortedSet<string>(g.ExcludedTopics, StringComparer.Ordinal);
        var pe = new SortedSet<string>(p.ExcludedTopics.Select(t => t.Topic.ToString()), StringComparer.Ordinal);
        Field("excludedTopics", ge.SetEquals(pe), $"gold [{string.Join(", ", ge)}], got [{string.Join(", ", pe)}]");
        bool announcerOk = g.AnnouncedBy is null or { Count: 0 }
            ? p.AnnouncedBy is null
            : p.AnnouncedBy is not null && g.AnnouncedBy.Any(a => NameMatches(a, p.AnnouncedBy));
        Field("announcedBy", announcerOk, $"gold {(g.AnnouncedBy is null ? "none" : string.Join(" | ", g.AnnouncedBy))}, got {p.AnnouncedBy ?? "none"}");
    }

    public static bool StatusOk(GoldEvent g, DiplomaticEvent p)
    {
        string got = p.Status.ToString();
        return string.Equals(g.Status, got, StringComparison.Ordinal) || g.StatusAlso.Contains(got, StringComparer.Ordinal);
    }

    public static bool TimeOk(GoldEvent g, DiplomaticEvent p)
    {
        if (g.Time is null)
        {
            return p.Time is null;
        }

        if (p.Time is not { Resolved: true, Start: { } start, End: { } end })
        {
            return false;
        }

        DateOnly contains = DateOnly.ParseExact(g.Time.Contains, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        int days = end.DayNumber - start.DayNumber + 1;
        return start <= contains && contains <= end && days <= g.Time.MaxDays;
    }

    public static bool LocationOk(GoldEvent g, DiplomaticEvent p)
    {
        if (g.Location is null)
        {
            return p.Location is null;
        }

        if (p.Location is null)
        {
            return false;
        }

        bool country = g.Location.Country is null || string.Equals(g.Location.Country, p.Location.CountryCode, StringComparison.Ordinal);
        bool city = g.Location.City is null
            ? p.Location.City is null
            : string.Equals(g.Location.City, p.Location.City, StringComparison.OrdinalIgnoreCase);
        return country && city;
    }

    /// <summary>Lenient name match across transliterations (Lavrov/Lawrow, Ryabkov/Rjabkow, Sergey/Sergej).</summary>
    public static bool NameMatches(string expected, string actual)
    {
        string a = Fold(expected), b = Fold(actual);
        if (a == b)
        {
            return true;
        }

        string lastA = a[(a.LastIndexOf(' ') + 1)..], lastB = b[(b.LastIndexOf(' ') + 1)..];
        return lastA.Length > 3 && lastA == lastB && (a.Contains(' ', StringComparison.Ordinal) == false || b.Contains(' ', StringComparison.Ordinal) == false || a[0] == b[0]);
    }

    private static string Fold(string name)
    {
        string d = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (char c in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            char l = char.ToLowerInvariant(c);
            if (char.IsLetter(l) || l == ' ')
            {
                sb.Append(l switch { 'w' => 'v', 'j' => 'y', _ => l });
            }
        }

        return sb.ToString().Replace("ey", "ei", StringComparison.Ordinal).Replace("iy", "i", StringComparison.Ordinal).Trim();
    }

    private static string Describe(GoldEvent g) => $"{g.Status} {string.Join('+', g.Participants)} \"{Shorten(g.Evidence ?? "")}\"";

    private static string Shorten(string s) => s.Length <= 90 ? s : s[..90] + "…";
}
