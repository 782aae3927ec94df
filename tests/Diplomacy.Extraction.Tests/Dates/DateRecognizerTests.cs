using Diplomacy.Extraction.Dates;
using Diplomacy.Extraction.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Diplomacy.Extraction.Tests.Dates;

public class DateRecognizerTests(ITestOutputHelper output)
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault();

    private static IReadOnlyList<TimeExpression> Dates(string text, string language, DateOnly? reference) =>
        Pipeline.Extract(text, new DocumentInfo { ReferenceDate = reference, LanguageHint = language }).TimeExpressions;

    private static TimeExpression Single(string text, string language, string reference, string surface)
    {
        IReadOnlyList<TimeExpression> found = Dates(text, language, DateOnly.Parse(reference, System.Globalization.CultureInfo.InvariantCulture));
        return Assert.Single(found, t => t.Text == surface);
    }

    [Theory]
    [InlineData("The talks were held on February 27, 2025.", "en", "2025-03-04", "February 27, 2025", "2025-02-27", "2025-02-27")]
    [InlineData("They met on 27 Feb in Istanbul.", "en", "2025-03-04", "27 Feb", "2025-02-27", "2025-02-27")]
    [InlineData("They met on Feb. 27 in Istanbul.", "en", "2025-03-04", "Feb. 27", "2025-02-27", "2025-02-27")]
    [InlineData("Das Treffen fand am 27. Februar 2025 statt.", "de", "2025-03-04", "27. Februar 2025", "2025-02-27", "2025-02-27")]
    [InlineData("Das Treffen fand am 27.02.2025 statt.", "de", "2025-03-04", "27.02.2025", "2025-02-27", "2025-02-27")]
    [InlineData("The meeting on 2025-02-27 ended.", "en", "2025-03-04", "2025-02-27", "2025-02-27", "2025-02-27")]
    [InlineData("The meeting on 27/02/2025 ended.", "en", "2025-03-04", "27/02/2025", "2025-02-27", "2025-02-27")]
    [InlineData("Officials met on Thursday.", "en", "2025-02-28", "Thursday", "2025-02-27", "2025-02-27")]
    [InlineData("Officials will meet on Thursday.", "en", "2025-02-24", "Thursday", "2025-02-27", "2025-02-27")]
    [InlineData("Er traf ihn am Donnerstag.", "de", "2025-02-28", "Donnerstag", "2025-02-27", "2025-02-27")]
    [InlineData("They will meet later this week.", "en", "2025-02-25", "later this week", "2025-02-27", "2025-03-02")]
    [InlineData("Sie treffen sich nächste Woche.", "de", "2025-02-25", "nächste Woche", "2025-03-03", "2025-03-09")]
    [InlineData("He arrived three days ago.", "en", "2025-02-25", "three days ago", "2025-02-22", "2025-02-22")]
    [InlineData("Er kam vor drei Tagen an.", "de", "2025-02-25", "vor drei Tagen", "2025-02-22", "2025-02-22")]
    [InlineData("Talks resume in two weeks.", "en", "2025-02-25", "in two weeks", "2025-03-11", "2025-03-11")]
    [InlineData("Talks are due in early March.", "en", "2025-02-25", "early March", "2025-03-01", "2025-03-15")]
    [InlineData("Das Treffen ist Anfang März.", "de", "2025-02-25", "Anfang März", "2025-03-01", "2025-03-15")]
    [InlineData("A summit in mid-April is planned.", "en", "2025-02-25", "mid-April", "2025-04-10", "2025-04-20")]
    [InlineData("Die Gespräche sollen im Herbst stattfinden.", "de", "2025-08-20", "Herbst", "2025-09-01", "2025-11-30")]
    [InlineData("The summit runs March 3-5.", "en", "2025-02-25", "March 3-5", "2025-03-03", "2025-03-05")]
    [InlineData("Der Gipfel dauert vom 3. bis 5. März.", "de", "2025-02-25", "vom 3. bis 5. März", "2025-03-03", "2025-03-05")]
    [InlineData("They will talk again tomorrow.", "en", "2025-02-25", "tomorrow", "2025-02-26", "2025-02-26")]
    [InlineData("Wir sprechen übermorgen.", "de", "2025-02-25", "übermorgen", "2025-02-27", "2025-02-27")]
    [InlineData("Talks will be held on Christmas Day.", "en", "2025-02-25", "Christmas Day", "2025-12-25", "2025-12-25")]
    [InlineData("Sie treffen sich kommenden Monat.", "de", "2025-02-25", "kommenden Monat", "2025-03-01", "2025-03-31")]
    [InlineData("Growth slowed in the second half of 2024.", "en", "2025-02-25", "the second half of 2024", "2024-07-01", "2024-12-31")]
    [InlineData("The summit is due in the first week of March.", "en", "2025-02-25", "the first week of March", "2025-03-03", "2025-03-09")]
    [InlineData("Results for Q3 2024 were weak.", "en", "2025-02-25", "Q3 2024", "2024-07-01", "2024-09-30")]
    [InlineData("Das Treffen ist im dritten Quartal 2025 geplant.", "de", "2025-02-25", "dritten Quartal 2025", "2025-07-01", "2025-09-30")]
    [InlineData("They will meet two days after Christmas.", "en", "2025-02-25", "two days after Christmas", "2025-12-27", "2025-12-27")]
    [InlineData("Sie treffen sich am Freitag nächste Woche.", "de", "2025-02-25", "Freitag nächste Woche", "2025-03-07", "2025-03-07")]
    [InlineData("The data for 2024-11 is out.", "en", "2025-02-25", "2024-11", "2024-11-01", "2024-11-30")]
    [InlineData("Figures for 2024 / 11 were revised.", "en", "2025-02-25", "2024 / 11", "2024-11-01", "2024-11-30")]
    [InlineData("Prices rose over the last 3 months.", "en", "2025-02-25", "last 3 months", "2024-11-25", "2025-02-24")]
    [InlineData("Talks continue over the next two days.", "en", "2025-02-25", "next two days", "2025-02-26", "2025-02-27")]
    [InlineData("A deal is expected within 5 days.", "en", "2025-02-25", "within 5 days", "2025-02-25", "2025-03-01")]
    [InlineData("Die Preise stiegen in den letzten drei Monaten.", "de", "2025-02-25", "letzten drei Monaten", "2024-11-25", "2025-02-24")]
    [InlineData("Relations were tense in the 1990s.", "en", "2025-02-25", "the 1990s", "1990-01-01", "1999-12-31")]
    [InlineData("They met again on the 18th.", "en", "2025-02-25", "the 18th", "2025-02-18", "2025-02-18")]
    [InlineData("They met on Thursday the 20th.", "en", "2025-02-25", "Thursday the 20th", "2025-02-20", "2025-02-20")]
    [InlineData("Sie treffen sich übernächste Woche.", "de", "2025-02-25", "übernächste Woche", "2025-03-10", "2025-03-16")]
    [InlineData("Das Abkommen wurde im vorletzten Jahr unterzeichnet.", "de", "2025-02-25", "vorletzten Jahr", "2023-01-01", "2023-12-31")]
    [InlineData("Relations were warmer in the nineties.", "en", "2025-02-25", "the nineties", "1990-01-01", "1999-12-31")]
    [InlineData("The treaty dates from the 18th century.", "en", "2025-02-25", "18th century", "1700-01-01", "1799-12-31")]
    [InlineData("Trade grew over the past two decades.", "en", "2025-02-25", "the past two decades", "2000-01-01", "2019-12-31")]
    [InlineData("Talks are planned for Jan-Feb 2026.", "en", "2025-02-25", "Jan-Feb 2026", "2026-01-01", "2026-02-28")]
    [InlineData("The deadline is 2025-mar-14.", "en", "2025-02-25", "2025-mar-14", "2025-03-14", "2025-03-14")]
    [InlineData("The summit is set for 22/Mar/2025.", "en", "2025-02-25", "22/Mar/2025", "2025-03-22", "2025-03-22")]
    [InlineData("Sanctions were lifted in 2016 November.", "en", "2025-02-25", "2016 November", "2016-11-01", "2016-11-30")]
    [InlineData("Both sides will meet from Sep to Nov.", "en", "2025-02-25", "from Sep to Nov", "2025-09-01", "2025-11-30")]
    [InlineData("Die zweitausender waren anders.", "de", "2025-02-25", "Die zweitausender", "2000-01-01", "2009-12-31")]
    [InlineData("Talks run from Feb 1st to March 2019.", "en", "2018-11-07", "from Feb 1st to March 2019", "2019-02-01", "2019-03-31")]
    [InlineData("The deal holds between now and November 15th.", "en", "2019-04-23", "between now and November 15th", "2019-04-23", "2019-11-15")]
    [InlineData("They are away from 4 to 22 this month.", "en", "2016-11-07", "from 4 to 22 this month", "2016-11-04", "2016-11-22")]
    [InlineData("Ich bin vom 4. bis zum 23. weg.", "de", "2016-11-01", "vom 4. bis zum 23.", "2016-11-04", "2016-11-23")]
    [InlineData("Talks are set for the week of the 18th.", "en", "2018-08-08", "the week of the 18th", "2018-08-13", "2018-08-19")]
    [InlineData("Talks resume the week after next.", "en", "2016-11-07", "the week after next", "2016-11-21", "2016-11-27")]
    [InlineData("Where were you on this past Wednesday?", "en", "2019-01-31", "this past Wednesday", "2019-01-30", "2019-01-30")]
    [InlineData("They met 1 month and 21 days ago.", "en", "2017-11-23", "1 month and 21 days ago", "2017-10-02", "2017-10-02")]
    [InlineData("The treaty was signed in June of nineteen ninety nine.", "en", "2016-11-07", "June of nineteen ninety nine", "1999-06-01", "1999-06-30")]
    [InlineData("They left in nineteen ninety six and came back.", "en", "2016-11-07", "nineteen ninety six", "1996-01-01", "1996-12-31")]
    [InlineData("Sanctions stay for 3 days, from today.", "en", "2018-05-23", "for 3 days, from today", "2018-05-23", "2018-05-25")]
    [InlineData("Ich komme am Donnerstag, den siebten vierten zurück.", "de", "2016-11-07", "Donnerstag, den siebten vierten", "2017-04-07", "2017-04-07")]
    [InlineData("Am Wochenende bin ich nicht hier.", "de", "2016-11-07", "Am Wochenende", "2016-11-12", "2016-11-13")]
    [InlineData("When was the last easter?", "en", "2019-03-12", "last easter", "2018-04-01", "2018-04-01")]
    [InlineData("Growth was weak in 2014-2018.", "en", "2019-03-12", "2014-2018", "2014-01-01", "2018-12-31")]
    [InlineData("A deal is expected within the next 3 years.", "en", "2017-11-08", "within the next 3 years", "2017-11-08", "2020-11-07")]
    [InlineData("Talks resume over the next couple weeks.", "en", "2018-07-31", "next couple weeks", "2018-08-01", "2018-08-14")]
    [InlineData("What will happen in the 5 upcoming years?", "en", "2018-08-30", "5 upcoming years", "2018-08-31", "2023-08-30")]
    [InlineData("The treaty was signed on july 4th of 1995.", "en", "2016-11-07", "july 4th of 1995", "1995-07-04", "1995-07-04")]
    [InlineData("The talks ended on May twenty one.", "en", "2016-11-07", "May twenty one", "2016-05-21", "2016-05-21")]
    [InlineData("The ceasefire should hold within 2 years 3 months and 10 days.", "en", "2025-02-25", "within 2 years 3 months and 10 days", "2025-02-25", "2027-06-03")]
    [InlineData("Prices rose over the last 2 months and 3 weeks.", "en", "2025-02-25", "last 2 months and 3 weeks", "2024-12-04", "2025-02-24")]
    [InlineData("Envoys meet again in the next 2 weeks, 3 days.", "en", "2025-02-25", "next 2 weeks, 3 days", "2025-02-26", "2025-03-14")]
    [InlineData("Talks continue this working week.", "en", "2025-02-26", "this working week", "2025-02-24", "2025-02-28")]
    [InlineData("Die Gespräche gehen nächste Arbeitswoche weiter.", "de", "2025-02-26", "nächste Arbeitswoche", "2025-03-03", "2025-03-07")]
    public void Resolves_common_news_forms(string text, string language, string reference, string surface, string start, string end)
    {
        TimeExpression t = Single(text, language, reference, surface);
        Assert.True(t.Resolved);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), t.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), t.End);
    }

    [Theory]
    [InlineData("Sanctions have been in place since August 2024.", "en", "since August 2024", "2024-08-01", null)]
    [InlineData("The deal must be signed before 2026.", "en", "before 2026", null, "2025-12-31")]
    [InlineData("The deal must be signed on or before March 3, 2026.", "en", "on or before March 3, 2026", null, "2026-03-03")]
    [InlineData("Die Sanktionen gelten seit März 2022.", "de", "seit März 2022", "2022-03-01", null)]
    [InlineData("Das Abkommen gilt bis März 2026.", "de", "bis März 2026", null, "2026-02-28")]
    public void Open_ranges_have_one_end(string text, string language, string surface, string? start, string? end)
    {
        TimeExpression t = Single(text, language, "2025-02-25", surface);
        Assert.Equal(TimeExpressionType.DateRange, t.Type);
        Assert.True(t.Resolved);
        Assert.Equal(start is null, t.OpenStart);
        Assert.Equal(end is null, t.OpenEnd);
        Assert.Equal(start is null ? null : DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), t.Start);
        Assert.Equal(end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), t.End);
    }

    [Fact]
    public void Times_attach_to_dates()
    {
        TimeExpression t = Single("The talks start on Thursday at 10 a.m. local time.", "en", "2025-02-24", "Thursday at 10 a.m. local time");
        Assert.Equal(TimeExpressionType.DateTime, t.Type);
        Assert.Equal(new TimeOnly(10, 0), t.StartTime);
        TimeExpression g = Single("Das Treffen beginnt am Donnerstag um 14 Uhr.", "de", "2025-02-24", "Donnerstag um 14 Uhr");
        Assert.Equal(new TimeOnly(14, 0), g.StartTime);
        Assert.Equal(new DateOnly(2025, 2, 27), g.Start);
    }

    [Theory]
    [InlineData("I'll go back tomorrow morning at 7.", "en", "2016-11-07", "tomorrow morning at 7", "2016-11-08", "07:00:00")]
    [InlineData("They met this morning at 7.", "en", "2016-11-07", "this morning at 7", "2016-11-07", "07:00:00")]
    [InlineData("I'll go back tonight at 7.", "en", "2016-11-07", "tonight at 7", "2016-11-07", "19:00:00")]
    [InlineData("The vote is at 8pm this evening.", "en", "2016-11-07", "8pm this evening", "2016-11-07", "20:00:00")]
    [InlineData("I'll go back on 15 at 8:00:20.", "en", "2016-11-07", "15 at 8:00:20", "2016-11-15", "08:00:20")]
    [InlineData("You can leave office at 6:30PM today.", "en", "2016-11-07", "6:30PM today", "2016-11-07", "18:30:00")]
    [InlineData("Reservier doch was für morgen Abend gegen 8 Uhr.", "de", "2016-11-07", "morgen Abend gegen 8 Uhr", "2016-11-08", "20:00:00")]
    [InlineData("Ich ging heute Morgen um 7 los.", "de", "2016-11-07", "heute Morgen um 7", "2016-11-07", "07:00:00")]
    public void Times_of_day_attach_to_days(string text, string language, string reference, string surface, string day, string time)
    {
        TimeExpression t = Single(text, language, reference, surface);
        Assert.Equal(TimeExpressionType.DateTime, t.Type);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), t.Start);
        Assert.Equal(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), t.StartTime);
    }

    [Fact]
    public void Bare_numbers_before_days_are_not_times()
    {
        IReadOnlyList<TimeExpression> found = Dates("I bought it for $12 December 27. For four Monday meetings.", "en", new DateOnly(2019, 12, 1));
        Assert.DoesNotContain(found, t => t.Type == TimeExpressionType.DateTime);
    }

    [Fact]
    public void Hour_offsets_need_the_reference_time()
    {
        var info = new DocumentInfo { ReferenceDate = new DateOnly(2016, 11, 7), ReferenceTime = new TimeOnly(22, 30), LanguageHint = "en" };
        TimeExpression t = Assert.Single(Pipeline.Extract("I will leave in 3 hours.", info).TimeExpressions);
        Assert.Equal("in 3 hours", t.Text);
        Assert.Equal(new DateOnly(2016, 11, 8), t.Start);
        Assert.Equal(new TimeOnly(1, 30), t.StartTime);
        TimeExpression u = Assert.Single(Dates("I will leave in 3 hours.", "en", new DateOnly(2016, 11, 7)));
        Assert.False(u.Resolved);
        Assert.Null(u.Start);
    }

    [Fact]
    public void The_end_of_a_day_is_its_last_second_but_not_the_idiom()
    {
        TimeExpression t = Single("The offer expires end of tomorrow.", "en", "2025-02-24", "end of tomorrow");
        Assert.Equal(TimeExpressionType.DateTime, t.Type);
        Assert.Equal(new DateOnly(2025, 2, 25), t.Start);
        Assert.Equal(new TimeOnly(23, 59, 59), t.StartTime);
        IReadOnlyList<TimeExpression> idiom = Dates("At the end of the day, the talks failed.", "en", new DateOnly(2025, 2, 24));
        Assert.DoesNotContain(idiom, x => x.Text.Contains("end of", StringComparison.Ordinal));
    }

    [Fact]
    public void Durations_are_durations()
    {
        TimeExpression t = Single("The two-day talks ended.", "en", "2025-02-24", "two-day");
        Assert.Equal(TimeExpressionType.Duration, t.Type);
        Assert.Equal("P2D", t.Timex);
        Assert.False(t.Resolved);
        Assert.Equal("P3D", Single("They talked for three days.", "en", "2025-02-24", "three days").Timex);
    }

    [Fact]
    public void Without_reference_date_expressions_are_found_but_unresolved()
    {
        IReadOnlyList<TimeExpression> found = Dates("They met on Thursday and will meet next month.", "en", null);
        Assert.Equal(2, found.Count);
        Assert.All(found, t => Assert.False(t.Resolved));
        Assert.All(found, t => Assert.Null(t.Start));
    }

    [Theory]
    [InlineData("We may meet again soon, officials said.", "en")]
    [InlineData("May I ask a question?", "en")]
    [InlineData("A second round of talks followed.", "en")]
    [InlineData("So ist das nun einmal.", "de")]
    [InlineData("Do you think so? I do.", "en")]
    [InlineData("The march on the capital drew 2000 people.", "en")]
    [InlineData("The 18th century palace hosted the 27 leaders.", "en")]
    [InlineData("He is in his 70s.", "en")]
    [InlineData("Dome rose 1/4 to 1-1/8 and TWA fell 3/8 to 30-5/8.", "en")]
    [InlineData("The bonds pay a 6 1/4 pct coupon, prices were 5/16 to 7/8 lower.", "en")]
    [InlineData("Holders of the 9-1/8 debentures were paid.", "en")]
    [InlineData("Dealers blamed the fall in share prices on the budget.", "en")]
    [InlineData("Unions want a shorter working week.", "en")]
    [InlineData("Unions won a shortening in the current working week, officials said.", "en")]
    [InlineData("Analysts in London and New York said the central bank cut its rate by the 10\nbasis points expected by the market and by most of the economists who\nwere asked by the news agency about the decision of the central bank.\n", "en")]
    public void Common_words_are_not_dates(string text, string language)
    {
        Assert.Empty(Dates(text, language, new DateOnly(2025, 2, 25)));
    }

    [Theory]
    [InlineData("The company said it held its annual meeting of the shareholders on February\n22 in New York and that the board had approved the dividend, the\nofficials of the company told reporters in a statement on the results.\n", "February\n22", "1987-02-22")]
    [InlineData("The central bank said the rates that it had set were reviewed by the board last\nFriday and that no change had been made to them by the board, the\nofficials of the central bank told reporters in a statement in London.\n", "last\nFriday", "1987-02-20")]
    [InlineData("Shares of the company closed on Friday, up 1/2 at 12-5/8.", "Friday", "1987-02-20")]
    [InlineData("The vote was held on 1/2 and the results came after that.", "1/2", "1987-01-02")]
    public void A_line_break_inside_a_sentence_joins_like_a_space_and_fractions_are_not_days(string text, string surface, string day)
    {
        TimeExpression t = Single(text, "en", "1987-02-24", surface);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), t.Start);
        Assert.Single(Dates(text, "en", new DateOnly(1987, 2, 24)));
    }

    [Theory]
    [InlineData("I'll go back a quarter to seven tomorrow.", "en", "a quarter to seven tomorrow", 6, 45)]
    [InlineData("I'll go back twenty minutes past five tomorrow morning.", "en", "twenty minutes past five tomorrow morning", 5, 20)]
    [InlineData("Ich gehe am 5. Mai 2016 um 20 Minuten nach 8 Abends nach Hause.", "de", "5. Mai 2016 um 20 Minuten nach 8 Abends", 20, 20)]
    public void Clock_readings_attach_to_a_day(string text, string language, string surface, int hour, int minute)
    {
        TimeExpression t = Single(text, language, "2016-11-07", surface);
        Assert.Equal(TimeExpressionType.DateTime, t.Type);
        Assert.Equal(new TimeOnly(hour, minute), t.StartTime);
    }

    [Theory]
    [InlineData("Profits rose by a quarter to 3 billion dlrs.")]
    [InlineData("The rate was cut by half to 3.")]
    public void Fractions_of_amounts_are_not_clock_readings(string text)
    {
        Assert.Empty(Dates(text, "en", new DateOnly(2016, 11, 7)));
    }

    [Fact]
    public void A_blank_line_still_blocks_an_expression()
    {
        IReadOnlyList<TimeExpression> found = Dates("The meeting of the shareholders will be held in February\n\n22 delegates attended the meeting.", "en", new DateOnly(1987, 2, 24));
        Assert.DoesNotContain(found, t => t.Text.Contains("22", StringComparison.Ordinal));
    }

    [Fact]
    public void Seeds_resolve_their_key_expressions()
    {
        Seeds.Seed s0 = Seeds.Get("000");
        IReadOnlyList<TimeExpression> d0 = Pipeline.Extract(s0.Text, Seeds.InfoFor(s0) with { LanguageHint = "en" }).TimeExpressions;
        Assert.Contains(d0, t => t.Text == "later this week" && t.Start <= new DateOnly(2025, 2, 27) && t.End >= new DateOnly(2025, 2, 27));

        Seeds.Seed s4 = Seeds.Get("004");
        IReadOnlyList<TimeExpression> d4 = Pipeline.Extract(s4.Text, Seeds.InfoFor(s4) with { LanguageHint = "de" }).TimeExpressions;
        Assert.Contains(d4, t => t.Text == "Herbst" && t.Timex == "2025-FA" && t.Start == new DateOnly(2025, 9, 1) && t.End == new DateOnly(2025, 11, 30));

        // seed 001 has mojibake between "on" and "Thursday"; the clean sentence must resolve to 2025-02-27
        Seeds.Seed s1 = Seeds.Get("001");
        TimeExpression clean = Single("U.S. and Russian officials are scheduled to meet on Thursday in Turkey.", "en", s1.ReferenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "Thursday");
        Assert.Equal(new DateOnly(2025, 2, 27), clean.Start);
        IReadOnlyList<TimeExpression> d1 = Pipeline.Extract(s1.Text, Seeds.InfoFor(s1) with { LanguageHint = "en" }).TimeExpressions;
        Assert.Contains(d1, t => t.Text == "Thursday" && t.Start == new DateOnly(2025, 2, 27));
    }

    [Fact]
    public void Seeds_have_no_false_mentions_of_trap_words()
    {
        string[] traps = ["may", "May", "second", "a second", "So", "do", "Do", "Mai", "march", "fall"];
        foreach (Seeds.Seed seed in Seeds.All)
        {
            foreach (TimeExpression t in Pipeline.Extract(seed.Text, Seeds.InfoFor(seed)).TimeExpressions)
            {
                output.WriteLine($"{seed.Id}: '{t.Text}' {t.Type} {t.Timex}");
                Assert.DoesNotContain(t.Text, traps);
                Assert.True(t.Span.End <= seed.Text.Length);
            }
        }
    }

    [Fact]
    public void A_day_number_after_a_weekday_needs_no_noun_after_it()
    {
        IReadOnlyList<TimeExpression> found = Dates("On Monday 21 people were injured.", "en", new DateOnly(2025, 2, 25));
        TimeExpression t = Assert.Single(found);
        Assert.Equal("Monday", t.Text);
    }

    [SharedFact]
    public void Conformance_on_the_Recognizers_Text_specs()
    {
        DateConformance.Report en = DateConformance.Run("English");
        DateConformance.Report de = DateConformance.Run("German");
        output.WriteLine(DateConformance.Format(en));
        output.WriteLine(DateConformance.Format(de));
        foreach (string f in en.Failures.Concat(de.Failures))
        {
            output.WriteLine(f);
        }

        // floors at the measured values (docs/dates.md); raise them as the recognizer improves
        Assert.True(en.All.Rate >= EnglishFloor, $"English {en.All.Rate:P1} below {EnglishFloor:P0}");
        Assert.True(de.All.Rate >= GermanFloor, $"German {de.All.Rate:P1} below {GermanFloor:P0}");
    }

    private const double EnglishFloor = 0.904;
    private const double GermanFloor = 0.930;
}
