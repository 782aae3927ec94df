namespace Diplomacy.Extraction.Dates;

/// <summary>The JSON shape of <c>Resources/&lt;lang&gt;/calendar.json</c> (generated from CLDR by <c>tools/cldr-dates</c>).</summary>
internal sealed class CalendarData
{
    public string Source { get; set; } = "";

    public List<CalendarWord> Months { get; set; } = [];

    public List<CalendarWord> Weekdays { get; set; } = [];

    public List<RelativeDayWords> RelativeDays { get; set; } = [];

    public Dictionary<string, List<string>> Units { get; set; } = [];
}

/// <summary>One month or weekday (1-based; weekdays Monday = 1) with its full and abbreviated words.</summary>
internal sealed class CalendarWord
{
    public int Value { get; set; }

    public List<string> Full { get; set; } = [];

    public List<string> Abbreviated { get; set; } = [];
}

/// <summary>Words for a day relative to today.</summary>
internal sealed class RelativeDayWords
{
    public int Offset { get; set; }

    public List<string> Words { get; set; } = [];
}

/// <summary>The JSON shape of the hand-written <c>Resources/&lt;lang&gt;/dates.json</c>: cue words and phrases.</summary>
internal sealed class DateCueData
{
    public string NumericOrder { get; set; } = "DMY";

    public bool OrdinalPeriod { get; set; }

    /// <summary>Whether a month may be an ordinal after the day ("7. vierter").</summary>
    public bool OrdinalMonths { get; set; }

    /// <summary>"more than (2 weeks before today)": an open range beyond the day.</summary>
    public List<string> MoreThan { get; set; } = [];

    /// <summary>"less than (3 days after tomorrow)", "within": the days up to it.</summary>
    public List<string> LessThan { get; set; } = [];

    /// <summary>After a length of time, the start day follows, the lead stays in the span ("for 3 days, from today").</summary>
    public List<string> SpanFrom { get; set; } = [];

    /// <summary>After a length of time, the start day follows, the lead stays out ("(for) a week starting tomorrow").</summary>
    public List<string> SpanStarting { get; set; } = [];

    /// <summary>Decades in words: the last two digits ("seventies": 70; the century is the latest not after the reference) or a whole year ("noughties": 2000); -1 for the thousands of the number before ("two thousands").</summary>
    public Dictionary<string, int> Decades { get; set; } = [];

    /// <summary>Century words before a decade in words: "nineteen" (seventies) = 1900.</summary>
    public Dictionary<string, int> DecadeCenturies { get; set; } = [];

    /// <summary>Words for a decade as a unit ("this decade", "the past 2 decades").</summary>
    public List<string> DecadeUnits { get; set; } = [];

    /// <summary>Words for a century after an ordinal ("the 15th century").</summary>
    public List<string> CenturyUnits { get; set; } = [];

    /// <summary>Fractions of an hour in clock readings, in minutes ("quarter": 15, "half": 30, "Viertel": 15).</summary>
    public Dictionary<string, int> ClockFractions { get; set; } = [];

    /// <summary>Words after minutes that count them after the hour ("half past five", "20 Minuten nach 8").</summary>
    public List<string> ClockPast { get; set; } = [];

    /// <summary>Words after minutes that count them before the hour ("a quarter to seven", "Viertel vor 8").</summary>
    public List<string> ClockTo { get; set; } = [];

    /// <summary>Words after which a bare month.day or month-day number is a date ("on 4.22", "in 4-22"); empty where the form is not written.</summary>
    public List<string> NumericDayLeads { get; set; } = [];

    /// <summary>Words before a range of two years that belong to it ("in 2014 through 2018"); empty where not written.</summary>
    public List<string> YearRangeLeads { get; set; } = [];

    /// <summary>Words between a month (or day and month) and its year ("June in 2017", "26 june in 2019"); empty where not written.</summary>
    public List<string> MonthYearLinks { get; set; } = [];

    /// <summary>
    /// Month names that are also common words or names ("May", "March", "August"): alone, without a date preposition,
    /// article or year, they are not dates. Other capitalized month names are ("I'll be out February").
    /// </summary>
    public List<string> MonthsNeedingContext { get; set; } = [];

    /// <summary>
    /// Verbs of saying ("said", "added", "sagte"): a date's direction follows them only when they stand right before it
    /// ("said on Thursday"); elsewhere ("..., it added", "the company said the period runs ...") they are skipped.
    /// </summary>
    public List<string> ReportingVerbs { get; set; } = [];

    /// <summary>Words that join the items of a list ("and", "or", "und"): a month before one with a year shares it ("September and October 1986").</summary>
    public List<string> ListJoiners { get; set; } = [];

    /// <summary>Number words that make up years written in words ("nineteen", "ninety", "oh"), 0 to 90.</summary>
    public Dictionary<string, int> YearNumbers { get; set; } = [];

    /// <summary>"hundred" in years written in words.</summary>
    public List<string> HundredWords { get; set; } = [];

    /// <summary>"thousand" in years written in words.</summary>
    public List<string> ThousandWords { get; set; } = [];

    /// <summary>The "and" inside numbers in words ("two thousand and fifteen").</summary>
    public List<string> NumberAnd { get; set; } = [];

    /// <summary>Leads that make a bare weekend word this week's weekend ("am Wochenende").</summary>
    public List<string> WeekendLeads { get; set; } = [];

    /// <summary>Cues of period words with a determiner, relative day words and "to date" (<see cref="AnaphoraCueData"/>).</summary>
    public AnaphoraCueData Anaphora { get; set; } = new();

    public List<string> OrdinalSuffixes { get; set; } = [];

    public List<string> Articles { get; set; } = [];

    public List<string> Of { get; set; } = [];

    public List<string> DatePrepositions { get; set; } = [];

    public Dictionary<string, int> Numbers { get; set; } = [];

    public Dictionary<string, int> Ordinals { get; set; } = [];

    public Dictionary<string, int> OrdinalStems { get; set; } = [];

    public List<string> OrdinalEndings { get; set; } = [];

    public Dictionary<string, List<string>> Units { get; set; } = [];

    public Dictionary<string, List<string>> UnitAdjectives { get; set; } = [];

    public List<RelativeDayPhrase> RelativeDays { get; set; } = [];

    public List<string> RelativeDayBlockers { get; set; } = [];

    public List<string> This { get; set; } = [];

    public List<string> Next { get; set; } = [];

    public List<string> Last { get; set; } = [];

    /// <summary>Two steps ahead: "übernächste" (the one after next).</summary>
    public List<string> AfterNext { get; set; } = [];

    /// <summary>Two steps back: "vorletzte" (the one before last).</summary>
    public List<string> BeforeLast { get; set; } = [];

    public List<string> Later { get; set; } = [];

    public List<string> Earlier { get; set; } = [];

    public Dictionary<string, List<string>> Parts { get; set; } = [];

    public Dictionary<string, List<string>> Seasons { get; set; } = [];

    public List<string> SeasonLeads { get; set; } = [];

    public List<string> OffsetFutureBefore { get; set; } = [];

    /// <summary>"within": a counted period from the reference date on ("within 5 days").</summary>
    public List<string> Within { get; set; } = [];

    public List<string> OffsetPastBefore { get; set; } = [];

    public List<string> OffsetPastAfter { get; set; } = [];

    public List<string> OffsetFutureAfter { get; set; } = [];

    public List<string> RangeFrom { get; set; } = [];

    public List<string> RangeTo { get; set; } = [];

    public List<string> TimeLeads { get; set; } = [];

    public Dictionary<string, List<string>> TimeSuffixes { get; set; } = [];

    public Dictionary<string, List<string>> TimeWords { get; set; } = [];

    /// <summary>Parts of a day by code (MO morning, AF afternoon, EV evening, NI night): "this morning", "tonight", "abends".</summary>
    public Dictionary<string, List<string>> DayParts { get; set; } = [];

    /// <summary>Prepositions after which a bare day number is a day of the month ("on 15", "am 15.").</summary>
    public List<string> DayNumberLeads { get; set; } = [];

    /// <summary>Words for the reference date as one end of a range ("between now and May 21").</summary>
    public List<string> RangeNow { get; set; } = [];

    /// <summary>Leads of "the week around a day": "the week of", "the week starting", "w/c".</summary>
    public List<string> WeekOf { get; set; } = [];

    /// <summary>Before a weekday, the nearest one ahead ("this upcoming Friday").</summary>
    public List<string> NearFuture { get; set; } = [];

    /// <summary>Before a weekday, the nearest one back ("this past Wednesday").</summary>
    public List<string> NearPast { get; set; } = [];

    /// <summary>After a unit, two steps ahead: "(the week) after next".</summary>
    public List<string> AfterNextSuffix { get; set; } = [];

    /// <summary>After a unit, two steps back: "(the week) before last".</summary>
    public List<string> BeforeLastSuffix { get; set; } = [];

    public List<string> DurationLeads { get; set; } = [];

    public List<string> YearWords { get; set; } = [];

    public List<string> PastCues { get; set; } = [];

    public List<string> FutureCues { get; set; } = [];

    public List<string> PastSuffixes { get; set; } = [];

    public List<HolidayPhrase> Holidays { get; set; } = [];

    public List<string> OpenBefore { get; set; } = [];

    public List<string> OpenAfter { get; set; } = [];

    public List<string> OpenSince { get; set; } = [];

    public List<string> OpenSinceSuffix { get; set; } = [];

    /// <summary>Leads of a range open before that includes the day or period named ("on or before", "before or in").</summary>
    public List<string> OpenUntil { get; set; } = [];

    public List<string> NthOf { get; set; } = [];

    public List<string> OffsetAnchorBefore { get; set; } = [];

    public List<string> OffsetAnchorAfter { get; set; } = [];
}

/// <summary>A phrase naming a day relative to today.</summary>
internal sealed class RelativeDayPhrase
{
    public string Phrase { get; set; } = "";

    public int Offset { get; set; }

    public bool RequiresArticleContext { get; set; }
}

/// <summary>A holiday phrase and its rule (<c>12-25</c>, <c>easter+39</c>, <c>nth:11:4:4</c>, <c>advent-7</c>).</summary>
internal sealed class HolidayPhrase
{
    public string Phrase { get; set; } = "";

    public string Rule { get; set; } = "";
}
