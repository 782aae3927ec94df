using System.Globalization;
using Diplomacy.Extraction.Dates;

using static Diplomacy.Extraction.Tests.Dates.DateTestKit;

namespace Diplomacy.Extraction.Tests.Dates;

/// <summary>
/// Parts of a named year (thirds), the article outside a part's span and inside a season's, month names alone, a relative
/// word before a month and day, days written as words after a month, and days past the end of a named month.
/// </summary>
public class DatePartsAndMonthsTests
{
    [Theory]
    // a year named by its number is cut in thirds; a relative year in halves
    [InlineData("The company was founded at the end of 2000.", "en", "2020-04-23", "end of 2000", "2000-09-01", "2000-12-31")]
    [InlineData("The company was founded at the beginning of 2000.", "en", "2020-04-23", "beginning of 2000", "2000-01-01", "2000-04-30")]
    [InlineData("The company was founded at the middle of 2000.", "en", "2020-04-23", "middle of 2000", "2000-05-01", "2000-08-31")]
    [InlineData("Der Vertrag lief Ende 1989 aus.", "de", "2020-04-23", "Ende 1989", "1989-09-01", "1989-12-31")]
    [InlineData("The plant opens late next year.", "en", "2025-03-04", "late next year", "2026-07-01", "2026-12-31")]
    // the article stays outside a part's span, inside a season's
    [InlineData("Talks resume at the end of this month.", "en", "2025-03-04", "end of this month", "2025-03-16", "2025-03-31")]
    [InlineData("Prices will stay firm for the rest of the year.", "en", "2025-03-04", "rest of the year", "2025-03-04", "2025-12-31")]
    [InlineData("The plant opens in the spring of 1988, GM said.", "en", "1987-03-04", "the spring of 1988", "1988-03-01", "1988-05-31")]
    // a relative word before a month with a day
    [InlineData("A preliminary duty was set last Oct. 17 on the imports.", "en", "1987-03-04", "last Oct. 17", "1986-10-17", "1986-10-17")]
    [InlineData("The fiscal year ending this Aug 31 was good.", "en", "1987-03-04", "this Aug 31", "1987-08-31", "1987-08-31")]
    [InlineData("The accord expires next March 31.", "en", "1987-04-04", "next March 31", "1988-03-31", "1988-03-31")]
    [InlineData("He left last Sept, officials said.", "en", "1987-03-04", "last Sept", "1986-09-01", "1986-09-30")]
    // a day written as a word after a month, at a clause end or before a year
    [InlineData("The dividend is payable April one to holders of record March nine.", "en", "1987-03-04", "March nine", "1987-03-09", "1987-03-09")]
    [InlineData("The offer runs until September one, 1989, the company said.", "en", "1987-03-04", "until September one, 1989", null, "1989-08-31")]
    [InlineData("Shares were bought between March 12 and April four, it said.", "en", "1987-04-20", "between March 12 and April four", "1987-03-12", "1987-04-04")]
    // two month names joined by a slash: a shipment or crop period
    [InlineData("India bought two cargoes for April/May shipment.", "en", "1987-03-25", "April/May", "1987-04-01", "1987-05-31")]
    [InlineData("Use rose in the Oct/Sept 1987/88 season.", "en", "1987-03-25", "Oct/Sept 1987/88", "1987-10-01", "1988-09-30")]
    [InlineData("Output fell in January/March 1987.", "en", "1987-04-25", "January/March 1987", "1987-01-01", "1987-03-31")]
    // a month or day in a list before one with a year shares it
    [InlineData("The authorities sold 1.0 billion dlrs during September and October 1986.", "en", "1987-03-23", "September", "1986-09-01", "1986-09-30")]
    [InlineData("Output rose in January, February and March 1987.", "en", "1988-03-23", "January", "1987-01-01", "1987-01-31")]
    [InlineData("Talks on March 3 and April 5, 1987 failed.", "en", "1990-03-23", "March 3", "1987-03-03", "1987-03-03")]
    [InlineData("Die Preise stiegen im September und Oktober 2016 deutlich an.", "de", "2017-03-25", "September", "2016-09-01", "2016-09-30")]
    // the lead word of a range read as one atom
    [InlineData("I'll be out between 4-22 January, 1995.", "en", "1994-03-25", "between 4-22 January, 1995", "1995-01-04", "1995-01-22")]
    // a quarter or half without its year: this year's, or last year's in a past sentence or when that one is nearer
    [InlineData("Earnings rose in the first quarter.", "en", "1987-04-20", "the first quarter", "1987-01-01", "1987-03-31")]
    [InlineData("Fourth-quarter earnings rose sharply.", "en", "1987-03-05", "Fourth-quarter", "1986-10-01", "1986-12-31")]
    [InlineData("GM cut 100,000 cars from its second quarter production schedule.", "en", "1987-03-20", "second quarter", "1987-04-01", "1987-06-30")]
    [InlineData("Second-half sales will rise.", "en", "1987-01-20", "Second-half", "1987-07-01", "1987-12-31")]
    // a capitalized month name alone
    [InlineData("I'll be out February", "en", "2016-11-07", "February", "2017-02-01", "2017-02-28")]
    [InlineData("November durable goods orders rose 5.1 pct.", "en", "1987-01-04", "November", "1986-11-01", "1986-11-30")]
    public void Resolves(string text, string language, string reference, string surface, string? start, string? end)
    {
        TimeExpression t = Single(text, language, reference, surface);
        Assert.True(t.Resolved);
        Assert.Equal(start is null ? null : DateOnly.Parse(start, CultureInfo.InvariantCulture), t.Start);
        Assert.Equal(end is null ? null : DateOnly.Parse(end, CultureInfo.InvariantCulture), t.End);
    }

    [Theory]
    // a verb of saying sets the direction only right before the date; a trailing attribution does not
    [InlineData("The guideline will go into effect on April 6, the bank said.", "2025-03-02", "April 6", "2025-04-06")]
    [InlineData("The subscription period runs from March 26 to April eight, it added.", "2025-03-05", "from March 26 to April eight", "2025-03-26")]
    [InlineData("The company said the offer runs until May 31.", "2025-03-05", "until May 31", null)]
    [InlineData("Officials said on Thursday that the talks had stalled.", "2025-03-05", "Thursday", "2025-02-27")]
    [InlineData("On February 20, Brazil said it would suspend payments.", "2025-03-05", "February 20", "2025-02-20")]
    public void Verbs_of_saying_set_the_direction_only_next_to_the_date(string text, string reference, string surface, string? start)
    {
        TimeExpression t = Single(text, "en", reference, surface);
        Assert.True(t.Resolved);
        if (start is null)
        {
            Assert.Equal(new DateOnly(2025, 5, 30), t.End);
        }
        else
        {
            Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), t.Start);
        }
    }

    [Theory]
    [InlineData("August Busch said sales rose.", "en")]
    [InlineData("March was a good month for exports.", "en")]
    [InlineData("April Ryan asked the question.", "en")]
    [InlineData("JUNE sales are not final.", "en")]
    public void Month_names_that_are_words_or_names_need_a_lead(string text, string language)
    {
        Assert.Empty(TimesOf(text, language, "2025-02-25"));
    }

    [Fact]
    public void Half_of_a_month_is_no_half_year()
    {
        Assert.DoesNotContain(TimesOf("Egypt bought wheat for first-half August shipment.", "en", "1987-06-29"), t => t.Text == "first-half");
    }

    [Fact]
    public void A_small_number_word_after_a_month_is_a_day_only_at_a_clause_end()
    {
        TimeExpression t = Single("In March two companies merged.", "en", "2025-02-25", "March");
        Assert.Equal(TimeGranularity.Month, t.Granularity);
    }

    [Fact]
    public void A_day_past_the_end_of_a_named_month_keeps_its_written_value()
    {
        TimeExpression t = Single("I went back 31st of this month", "en", "2016-11-07", "31st of this month");
        Assert.False(t.Resolved);
        Assert.Equal("2016-11-31", t.Timex);
        Assert.Null(t.Start);
    }
}
