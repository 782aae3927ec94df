using System.Globalization;
using Diplomacy.Extraction.Dates;

using static Diplomacy.Extraction.Tests.Dates.DateTestKit;

namespace Diplomacy.Extraction.Tests.Dates;

/// <summary>Numeric and mixed date forms, ranges of years and the resolution fixes of the fourth dates round (DateExtractor.Numeric.cs, DateRanges).</summary>
public class NumericDateTests
{
    [Theory]
    [InlineData("Sales were strong in 70's, analysts said.", "en", "2025-02-25", "70's", "1970-01-01", "1979-12-31")]
    [InlineData("It was a hit in the '60s.", "en", "2025-02-25", "the '60s", "1960-01-01", "1969-12-31")]
    [InlineData("Prices peaked in August 99, analysts said.", "en", "2025-02-25", "August 99", "1999-08-01", "1999-08-31")]
    [InlineData("The plant opened in April of 87.", "en", "2025-02-25", "April of 87", "1987-04-01", "1987-04-30")]
    [InlineData("Das sind die Zahlen vom März 98.", "de", "2025-02-25", "März 98", "1998-03-01", "1998-03-31")]
    [InlineData("The board met 03/14,2024 in Geneva.", "en", "2025-02-25", "03/14,2024", "2024-03-14", "2024-03-14")]
    [InlineData("On 2024 10 16, the conference started.", "en", "2025-02-25", "2024 10 16", "2024-10-16", "2024-10-16")]
    [InlineData("The envoys will return on 4.22.", "en", "2025-02-25", "4.22", "2025-04-22", "2025-04-22")]
    [InlineData("The envoys will return on 4-22.", "en", "2025-02-25", "4-22", "2025-04-22", "2025-04-22")]
    [InlineData("Output fell in the years 1981 through 1985.", "en", "2025-02-25", "1981 through 1985", "1981-01-01", "1985-12-31")]
    [InlineData("The plan covers 2014 to 2018.", "en", "2025-02-25", "2014 to 2018", "2014-01-01", "2018-12-31")]
    [InlineData("The range is between 2014~2018.", "en", "2025-02-25", "between 2014~2018", "2014-01-01", "2018-12-31")]
    [InlineData("China borrowed little from 1949-1976.", "en", "2025-02-25", "from 1949-1976", "1949-01-01", "1976-12-31")]
    [InlineData("GDP will expand five pct this calendar year.", "en", "2025-02-25", "this calendar year", "2025-01-01", "2025-12-31")]
    [InlineData("Der Umsatz stieg im vergangenen Kalenderjahr.", "de", "2025-02-25", "vergangenen Kalenderjahr", "2024-01-01", "2024-12-31")]
    public void Numeric_forms_are_dates(string text, string language, string reference, string surface, string start, string end)
    {
        TimeExpression t = Assert.Single(TimesOf(text, language, reference), x => x.Text == surface);
        Assert.True(t.Resolved);
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), t.Start);
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), t.End);
    }

    [Theory]
    [InlineData("The shipment left 2016-12-16T12:23:59 from the port.", "2016-12-16T12:23:59", "2016-12-16", 12, 23, 59)]
    [InlineData("The log reads wed Oct 26 15:50:06 2016 at the top.", "wed Oct 26 15:50:06 2016", "2016-10-26", 15, 50, 6)]
    [InlineData("They landed 6 jan 2017 - 6:37am.", "6 jan 2017 - 6:37am", "2017-01-06", 6, 37, 0)]
    public void Dates_with_times_take_the_whole_stamp(string text, string surface, string day, int hour, int minute, int second)
    {
        TimeExpression t = Assert.Single(TimesOf(text, "en", "2025-02-25"), x => x.Text == surface);
        Assert.Equal(TimeExpressionType.DateTime, t.Type);
        Assert.Equal(DateOnly.Parse(day, CultureInfo.InvariantCulture), t.Start);
        Assert.Equal(new TimeOnly(hour, minute, second), t.StartTime);
    }

    [Theory]
    [InlineData("The stock closed on 4.22 dlrs, up 1/4.")]
    [InlineData("Earnings rose on 4.22 mln shares.")]
    [InlineData("Prices were: May 85 unch, Aug 98 unch.")]
    [InlineData("Ghana resale June/Aug 60 stg over Sep.")]
    [InlineData("The index rose 1987 to 1,234.")]
    public void Prices_and_amounts_stay_out(string text)
    {
        IReadOnlyList<TimeExpression> found = TimesOf(text, "en", "1987-03-02");
        Assert.DoesNotContain(found, t => t.Text.Contains("4.22", StringComparison.Ordinal) || t.Text.Contains(" 85", StringComparison.Ordinal)
            || t.Text.Contains(" 98", StringComparison.Ordinal) || t.Text.Contains(" 60", StringComparison.Ordinal) || t.Text.Contains(" to ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sales fell in the last 2 quarters.", "last 2 quarters", "2019-01-01", "2019-06-30")]
    [InlineData("Sales will rise in the coming three quarters.", "coming three quarters", "2019-10-01", "2020-06-30")]
    [InlineData("Sales fell in the previous three quarters.", "previous three quarters", "2018-10-01", "2019-06-30")]
    public void Counted_quarters_are_whole_calendar_quarters(string text, string surface, string start, string end)
    {
        TimeExpression t = Assert.Single(TimesOf(text, "en", "2019-07-04"), x => x.Text == surface);
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), t.Start);
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), t.End);
    }

    [Fact]
    public void Earlier_this_month_ends_before_the_reference_day()
    {
        TimeExpression t = Assert.Single(TimesOf("The deal was signed earlier this month.", "en", "2018-05-13"), x => x.Text == "earlier this month");
        Assert.Equal(new DateOnly(2018, 5, 1), t.Start);
        Assert.Equal(new DateOnly(2018, 5, 12), t.End);
    }

    [Fact]
    public void A_month_range_holding_the_reference_month_is_this_years()
    {
        TimeExpression t = Assert.Single(TimesOf("Corn futures will trade high between August and October.", "en", "2018-09-07"), x => x.Text == "between August and October");
        Assert.Equal(new DateOnly(2018, 8, 1), t.Start);
        Assert.Equal(new DateOnly(2018, 10, 31), t.End);
    }

    [Fact]
    public void This_month_keeps_its_year_before_a_later_year()
    {
        TimeExpression t = Assert.Single(TimesOf("I will leave from this May to Oct 2020", "en", "2018-10-24"), x => x.Text == "from this May to Oct 2020");
        Assert.Equal(new DateOnly(2018, 5, 1), t.Start);
        Assert.Equal(new DateOnly(2020, 10, 31), t.End);
    }

    [Theory]
    [InlineData("The books close on Feb 30.", "en", "Feb 30", "XXXX-02-30")]
    [InlineData("The year ended November 31 1986, it said.", "en", "November 31 1986", "1986-11-31")]
    [InlineData("Die Frist endet am 30.2.2019.", "de", "30.2.2019", "2019-02-30")]
    public void A_day_that_does_not_exist_stays_unresolved_with_its_written_value(string text, string language, string surface, string timex)
    {
        TimeExpression t = Assert.Single(TimesOf(text, language, "1987-03-02"), x => x.Text == surface);
        Assert.False(t.Resolved);
        Assert.Null(t.Start);
        Assert.Equal(timex, t.Timex);
    }
}
