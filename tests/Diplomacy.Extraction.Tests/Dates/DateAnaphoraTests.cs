using System.Globalization;
using Diplomacy.Extraction.Dates;

using static Diplomacy.Extraction.Tests.Dates.DateTestKit;

namespace Diplomacy.Extraction.Tests.Dates;

/// <summary>Period words with a determiner, months with a relative year, "to date", relative day words (DateExtractor.Anaphora).</summary>
public class DateAnaphoraTests
{
    [Theory]
    [InlineData("Exports rose sharply in December last year.", "en", "2025-03-04", "December last year", "2024-12-01", "2024-12-31")]
    [InlineData("The plant opens in June of next year.", "en", "2025-03-04", "June of next year", "2026-06-01", "2026-06-30")]
    [InlineData("Prices fell in Feb. this year, the agency said.", "en", "2025-03-04", "Feb. this year", "2025-02-01", "2025-02-28")]
    [InlineData("Die Exporte stiegen im Dezember letzten Jahres.", "de", "2025-03-04", "Dezember letzten Jahres", "2024-12-01", "2024-12-31")]
    [InlineData("Sales are up 12 pct year to date.", "en", "2025-03-04", "year to date", "2025-01-01", "2025-03-03")]
    [InlineData("Year-to-date sales rose 4 pct.", "en", "2025-03-04", "Year-to-date", "2025-01-01", "2025-03-03")]
    [InlineData("The ministers will meet again during the week.", "en", "2025-03-04", "the week", "2025-03-03", "2025-03-09")]
    [InlineData("Inflation should ease over the year.", "en", "2025-03-04", "the year", "2025-01-01", "2025-12-31")]
    [InlineData("Talks could resume at the weekend.", "en", "2025-03-04", "the weekend", "2025-03-08", "2025-03-09")]
    [InlineData("Both sides raised their bids over the weekend.", "en", "2025-03-04", "the weekend", "2025-03-01", "2025-03-02")]
    [InlineData("I'll be out on weekend", "en", "2025-03-04", "weekend", "2025-03-08", "2025-03-09")]
    [InlineData("What does my week look like?", "en", "2025-03-04", "my week", "2025-03-03", "2025-03-09")]
    [InlineData("I'll be out rest of my week", "en", "2025-03-04", "rest of my week", "2025-03-04", "2025-03-09")]
    [InlineData("I'll go back tmrw", "en", "2025-03-04", "tmrw", "2025-03-05", "2025-03-05")]
    [InlineData("I'll go back the next day.", "en", "2025-03-04", "the next day", "2025-03-05", "2025-03-05")]
    [InlineData("Ostern ist dieses Jahr früh", "de", "2025-03-04", "dieses Jahr früh", "2025-01-01", "2025-06-30")]
    [InlineData("in den letzten paar Tagen", "de", "2025-03-04", "letzten paar Tagen", "2025-03-01", "2025-03-03")]
    public void Resolves_the_form(string text, string language, string reference, string surface, string start, string end)
    {
        TimeExpression t = Assert.Single(TimesOf(text, language, reference), x => x.Text == surface);
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), t.Start);
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), t.End);
    }

    [Fact]
    public void The_end_of_the_day_is_a_datetime()
    {
        TimeExpression t = Assert.Single(TimesOf("They exchange messages at the eod.", "en", "2025-03-04"));
        Assert.Equal("the eod", t.Text);
        Assert.Equal(TimeExpressionType.DateTime, t.Type);
        Assert.Equal(new TimeOnly(23, 59, 59), t.StartTime);
    }

    [Theory]
    [InlineData("Net income fell 47 pct in the year.")]
    [InlineData("It earned 54 cts in the quarter and 906 mln dlrs in the year.")]
    [InlineData("Reserves fell by 8.91 billion francs during the month.")]
    [InlineData("The company has made good moves over the years.")]
    [InlineData("Arrivals for the week ended February 22 were 155,221 bags.")]
    [InlineData("The company will pay a higher dividend for the year.")]
    [InlineData("They repurchased the shares the next day.")]
    [InlineData("It was the last day of trading in the contract.")]
    public void Reported_periods_and_narrative_days_are_no_reference_dates(string text)
    {
        IReadOnlyList<TimeExpression> found = TimesOf(text, "en", "2025-03-04");
        Assert.DoesNotContain(found, t => t.Text.StartsWith("the year", StringComparison.OrdinalIgnoreCase)
            || t.Text.StartsWith("the month", StringComparison.OrdinalIgnoreCase) || t.Text.StartsWith("the week", StringComparison.OrdinalIgnoreCase)
            || t.Text.Contains("day", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_lower_case_may_before_next_year_is_the_verb()
    {
        IReadOnlyList<TimeExpression> found = TimesOf("Prices may next year rise again.", "en", "2025-03-04");
        Assert.DoesNotContain(found, t => t.Text.StartsWith("may", StringComparison.OrdinalIgnoreCase));
    }
}
