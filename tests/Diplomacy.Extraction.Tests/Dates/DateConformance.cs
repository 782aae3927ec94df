using System.Globalization;
using System.Text;
using System.Text.Json;
using Diplomacy.Extraction.Dates;
using Diplomacy.Extraction.Tests.Infrastructure;

namespace Diplomacy.Extraction.Tests.Dates;

/// <summary>
/// Scores the recognizer on the Recognizers-Text date specs in ../shared: every expected result of type date, daterange or
/// datetime (with a date part) counts once; it passes when a mention has the same span and its resolution equals one of the
/// expected values (past or future reading). Range ends: Recognizers-Text writes them exclusive, so an expected end equal to
/// our inclusive end + 1 day matches (and, for ranges between two named days, months, quarters or years, the start of the
/// last named unit, since it writes that there: see <see cref="LastUnitStartMatches"/>).
/// </summary>
internal static class DateConformance
{
    public static readonly string[] Files = ["DateTimeModel", "DateParser", "DatePeriodParser", "DateTimeParser", "HolidayParser", "MergedParser"];

    public sealed class Tally
    {
        public int Total { get; set; }

        public int Span { get; set; }

        public int Passed { get; set; }

        public double Rate => Total == 0 ? 1 : (double)Passed / Total;
    }

    public sealed record Report(string Language, SortedDictionary<string, Tally> ByFile, SortedDictionary<string, Tally> ByType, Tally All, List<string> Failures);

    public static Report Run(string language)
    {
        string folder = Path.Combine(RepoPaths.Shared!, "specs", "dates", "recognizers", language);
        string lang = language == "German" ? "de" : "en";
        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
        var byFile = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var byType = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var all = new Tally();
        var failures = new List<string>();
        foreach (string file in Files)
        {
            string path = Path.Combine(folder, file + ".json");
            if (!File.Exists(path))
            {
                continue;
            }

            var fileTally = new Tally();
            byFile[file] = fileTally;
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            foreach (JsonElement c in doc.RootElement.EnumerateArray())
            {
                if (NotSupported(c))
                {
                    continue;
                }

                string input = c.GetProperty("Input").GetString()!;
                DateTime referenceDateTime = c.TryGetProperty("Context", out JsonElement ctx) && ctx.TryGetProperty("ReferenceDateTime", out JsonElement rd)
                    ? DateTime.Parse(rd.GetString()!, CultureInfo.InvariantCulture)
                    : new DateTime(2016, 11, 7);
                DateOnly reference = DateOnly.FromDateTime(referenceDateTime);
                TimeOnly referenceTime = TimeOnly.FromDateTime(referenceDateTime);
                ExtractionResult? result = null;
                foreach (JsonElement r in c.GetProperty("Results").EnumerateArray())
                {
                    string type = (r.TryGetProperty("TypeName", out JsonElement tn) ? tn.GetString()! : r.GetProperty("Type").GetString()!).Replace("datetimeV2.", "", StringComparison.Ordinal);
                    if (type is not ("date" or "daterange" or "datetime") || !HasDatePart(r, type))
                    {
                        continue;
                    }

                    result ??= pipeline.Extract(input, new DocumentInfo { ReferenceDate = reference, ReferenceTime = referenceTime, LanguageHint = lang });
                    int start = r.GetProperty("Start").GetInt32();
                    int length = r.TryGetProperty("Length", out JsonElement len) ? len.GetInt32() : r.GetProperty("Text").GetString()!.Length;
                    TimeExpression? hit = null;
                    foreach (TimeExpression t in result.TimeExpressions)
                    {
                        if (t.Span.Start == start && t.Span.Length == length)
                        {
                            hit = t;
                        }
                    }

                    bool value = hit is not null && ValueMatches(hit, r, type);
                    if (!byType.TryGetValue(type, out Tally? typeTally))
                    {
                        byType[type] = typeTally = new Tally();
                    }

                    foreach (Tally tally in new[] { fileTally, typeTally, all })
                    {
                        tally.Total++;
                        tally.Span += hit is null ? 0 : 1;
                        tally.Passed += value ? 1 : 0;
                    }

                    if (!value)
                    {
                        failures.Add($"{file}: '{input}' expected '{r.GetProperty("Text").GetString()}' [{type}] got {Describe(result)}");
                    }
                }
            }
        }

        return new Report(language, byFile, byType, all, failures);
    }

    public static string Format(Report report)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {report.Language} | expected results | span found | span + value | rate |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach ((string name, Tally t) in report.ByFile)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {t.Total} | {t.Span} | {t.Passed} | {t.Rate:P1} |");
        }

        foreach ((string name, Tally t) in report.ByType)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| type {name} | {t.Total} | {t.Span} | {t.Passed} | {t.Rate:P1} |");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {report.All.Total} | {report.All.Span} | {report.All.Passed} | {report.All.Rate:P1} |");
        return sb.ToString();
    }

    private static bool NotSupported(JsonElement c)
    {
        foreach (string key in new[] { "NotSupported", "NotSupportedByDesign" })
        {
            if (c.TryGetProperty(key, out JsonElement v) && v.GetString()!.Contains("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Timex(JsonElement r)
    {
        if (r.TryGetProperty("Value", out JsonElement v) && v.ValueKind == JsonValueKind.Object)
        {
            if (v.TryGetProperty("Timex", out JsonElement t))
            {
                return t.GetString();
            }

            if (v.TryGetProperty("values", out JsonElement mv) && mv.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement x in mv.EnumerateArray())
                {
                    return x.TryGetProperty("timex", out JsonElement tx) ? tx.GetString() : null;
                }
            }
        }

        if (r.TryGetProperty("Resolution", out JsonElement res) && res.TryGetProperty("values", out JsonElement vals))
        {
            foreach (JsonElement x in vals.EnumerateArray())
            {
                return x.TryGetProperty("timex", out JsonElement tx) ? tx.GetString() : null;
            }
        }

        return null;
    }

    /// <summary>A datetime counts only when its value has a date written in it (not "now", not "in 5 minutes").</summary>
    private static bool HasDatePart(JsonElement r, string type)
    {
        if (type != "datetime")
        {
            return true;
        }

        string? timex = Timex(r);
        return timex is not null && timex.Contains('T', StringComparison.Ordinal) && !timex.StartsWith('T') && !timex.Contains("PRESENT", StringComparison.Ordinal);
    }

    private static IEnumerable<(string? Value, string? Start, string? End)> Alternatives(JsonElement r)
    {
        if (r.TryGetProperty("Resolution", out JsonElement res) && res.TryGetProperty("values", out JsonElement vals))
        {
            foreach (JsonElement x in vals.EnumerateArray())
            {
                yield return (Str(x, "value"), Str(x, "start"), Str(x, "end"));
            }
        }

        if (r.TryGetProperty("Value", out JsonElement v) && v.ValueKind == JsonValueKind.Object)
        {
            foreach (string key in new[] { "FutureResolution", "PastResolution" })
            {
                if (v.TryGetProperty(key, out JsonElement fr) && fr.ValueKind == JsonValueKind.Object)
                {
                    // the parser files write an unresolvable value ("this summer": Timex 2016-SU) as an empty resolution, where
                    // DateTimeModel.json writes "not resolved": both compare the timex
                    yield return fr.EnumerateObject().Any() ? (Str(fr, "date") ?? Str(fr, "dateTime"), Str(fr, "startDate"), Str(fr, "endDate")) : ("not resolved", null, null);
                }
            }

            if (v.TryGetProperty("values", out JsonElement mv) && mv.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement x in mv.EnumerateArray())
                {
                    yield return (Str(x, "value"), Str(x, "start"), Str(x, "end"));
                }
            }
        }
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool ValueMatches(TimeExpression t, JsonElement r, string type)
    {
        if (t.Resolved && (t.OpenStart || t.OpenEnd))
        {
            return OpenMatches(t, r);
        }

        if (!t.Resolved && type is "date" or "datetime")
        {
            return NotResolvedMatches(t, r);
        }

        if (!t.Resolved || t.Start is not { } start || t.End is not { } end)
        {
            return false;
        }

        string s = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach ((string? value, string? altStart, string? altEnd) in Alternatives(r))
        {
            if (type == "date" && value == s && start == end)
            {
                return true;
            }

            if (type == "datetime" && value is not null && t.StartTime is { } time && value == s + " " + time.ToString("HH:mm:ss", CultureInfo.InvariantCulture))
            {
                return true;
            }

            if (type == "daterange")
            {
                if (value == "not resolved" && TimexMatches(t.Timex, Timex(r)))
                {
                    return true;
                }

                string e1 = end.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                string e0 = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (altStart == s && (altEnd == e1 || (altEnd == e0 && t.Type == TimeExpressionType.DateRange && t.Timex?.StartsWith('(') == true)))
                {
                    return true;
                }

                if (altStart == s && altEnd is not null && t.Timex?.StartsWith('(') == true && LastUnitStartMatches(end, altEnd))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Recognizers-Text ends a range between two named periods at the START of the second one: "from 2014 to 2018" is
    /// (2014-01-01,2018-01-01,P4Y), "Jan-Feb 2017" (2017-01-01,2017-02-01,P1M), "from Feb 1st to March 2019"
    /// (2019-02-01,2019-03-01,P28D), exactly as "from March 3 to 5" is (03-03,03-05,P2D) for days. Our inclusive end is the
    /// last day of the second period; it matches when the expected end is the first day of a calendar month, quarter or year
    /// whose last day is our end (the unit of the second end is not in our value, so each unit our end closes is tried).
    /// </summary>
    private static bool LastUnitStartMatches(DateOnly end, string expected)
    {
        if (end.DayOfWeek == DayOfWeek.Sunday && expected == end.AddDays(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            // from Week 31 to Week 35: the Monday of the last named week
            return true;
        }

        if (end.AddDays(1).Day != 1)
        {
            return false;
        }

        string month = new DateOnly(end.Year, end.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string quarter = new DateOnly(end.Year, end.Month - 2 < 1 ? 1 : end.Month - 2, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string year = new DateOnly(end.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return expected == month || (end.Month % 3 == 0 && expected == quarter) || (end.Month == 12 && expected == year);
    }

    /// <summary>An open range: the expected side that is given (start, or exclusive end) equals ours, the other is absent.</summary>
    private static bool OpenMatches(TimeExpression t, JsonElement r)
    {
        bool untilPoint = UntilPoint(r);
        foreach ((_, string? altStart, string? altEnd) in Alternatives(r))
        {
            bool startOk = t.OpenStart ? altStart is null : altStart is not null && altStart == t.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            bool endOk = t.OpenEnd ? altEnd is null : altEnd is not null && (altEnd == t.End?.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                || (untilPoint && altEnd == t.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            if (startOk && endOk && (altStart ?? altEnd) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "before or on 1/1/2016" (Mod until, from a single day): Recognizers-Text writes the day itself as the end, as it does for
    /// the last day of a day range; we end the range inclusively on that day.
    /// </summary>
    private static bool UntilPoint(JsonElement r)
    {
        foreach (string key in new[] { "Resolution", "Value" })
        {
            if (r.TryGetProperty(key, out JsonElement res) && res.ValueKind == JsonValueKind.Object && res.TryGetProperty("values", out JsonElement vals) && vals.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement x in vals.EnumerateArray())
                {
                    if (Str(x, "Mod") == "until" && Str(x, "sourceEntity") == "datetimepoint")
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A day that does not exist ("Feb 30", "2/29/2019"): Recognizers-Text writes "not resolved" (DateTimeModel.json) or the
    /// date 0001-01-01 (the parser files) with the date as written in the timex; ours is unresolved with that timex.
    /// </summary>
    private static bool NotResolvedMatches(TimeExpression t, JsonElement r)
    {
        foreach ((string? value, _, _) in Alternatives(r))
        {
            if (value is "not resolved" or "0001-01-01" && TimexMatches(t.Timex, Timex(r)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Compares timex values, an X in the expected value matching any character.</summary>
    private static bool TimexMatches(string? ours, string? expected)
    {
        if (ours is null || expected is null || ours.Length != expected.Length)
        {
            return false;
        }

        for (int i = 0; i < ours.Length; i++)
        {
            if (expected[i] != 'X' && expected[i] != ours[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(ExtractionResult result)
    {
        var sb = new StringBuilder("[");
        foreach (TimeExpression t in result.TimeExpressions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"'{t.Text}'@{t.Span.Start} {t.Type} {t.Timex} {t.Start:yyyy-MM-dd}..{t.End:yyyy-MM-dd} {t.StartTime}; ");
        }

        return sb.Append(']').ToString();
    }
}
