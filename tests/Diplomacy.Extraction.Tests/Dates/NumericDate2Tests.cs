using System.Globalization;
using Diplomacy.Extraction.Dates;
using Diplomacy.Extraction.Text;

using static Diplomacy.Extraction.Tests.Dates.DateTestKit;

namespace Diplomacy.Extraction.Tests.Dates;

/// <summary>
/// The second round of numeric and mixed forms (DateExtractor.Numeric2.cs): a month linked to its year, the lead word of a
/// range of years, two full dates joined by a glued hyphen, and the splitter rules that keep numeric dates in one sentence.
/// </summary>
public class NumericDate2Tests
{
    private static string[] Sentences(string text, string language)
    {
        var list = new List<string>();
        foreach (TextSpan s in SentenceSplitter.Enumerate(text, SentenceRules.For(language)))
        {
            list.Add(text.Substring(s.Start, s.Length));
        }

        return [.. list];
    }

    [Theory]
    [InlineData("Easter fell in March in 1986, the company said.", "en", "March in 1986", "1986-03-01", "1986-03-31")]
    [InlineData("They met on 26 june in 2019 in Osaka.", "en", "26 june in 2019", "2019-06-26", "2019-06-26")]
    [InlineData("Sales from april in 2016 to June in 2017 were weak.", "en", "from april in 2016 to June in 2017", "2016-04-01", "2017-06-30")]
    [InlineData("Losses expire in 1999-2000, it said.", "en", "1999-2000", "1999-01-01", "2000-12-31")]
    [InlineData("The range is in 2014 through 2018.", "en", "in 2014 through 2018", "2014-01-01", "2018-12-31")]
    [InlineData("It was federal in 1938 until 1968, when it was rechartered.", "en", "in 1938 until 1968", "1938-01-01", "1968-12-31")]
    [InlineData("The games run Nov 18 2014-Dec 19 2015 in Korea.", "en", "Nov 18 2014-Dec 19 2015", "2014-11-18", "2015-12-19")]
    [InlineData("The accord was signed 16. Nov. 2016 in Paris.", "en", "16. Nov. 2016", "2016-11-16", "2016-11-16")]
    [InlineData("Die Zahlen vom 05. 2016 liegen vor.", "de", "05. 2016", "2016-05-01", "2016-05-31")]
    [InlineData("Die Zahlen 2016 . 05 liegen vor.", "de", "2016 . 05", "2016-05-01", "2016-05-31")]
    public void Mixed_forms_are_dates(string text, string language, string surface, string start, string end)
    {
        TimeExpression t = Assert.Single(TimesOf(text, language, "2025-02-25"), x => x.Text == surface);
        Assert.True(t.Resolved);
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), t.Start);
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), t.End);
    }

    [Theory]
    [InlineData("Show sales in 2007 and 2009.", "2007", "2009")]
    [InlineData("The talks were in 2014. In 2018 they resumed.", "2014", "2018")]
    public void Two_years_without_a_range_word_stay_apart(string text, string first, string second)
    {
        IReadOnlyList<TimeExpression> found = TimesOf(text, "en", "2025-02-25");
        Assert.Contains(found, t => t.Text == first);
        Assert.Contains(found, t => t.Text == second);
        Assert.DoesNotContain(found, t => t.Text.StartsWith("in ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_year_keeps_its_article_only_after_an_open_range_lead()
    {
        Assert.Contains(TimesOf("The treaty was signed in the year 2020.", "en", "2025-02-25"), t => t.Text == "year 2020");
        Assert.Contains(TimesOf("Nothing changed since the year 2011.", "en", "2025-02-25"), t => t.Text == "since the year 2011" && t.Start == new DateOnly(2011, 1, 1));
        Assert.Contains(TimesOf("Talks are not planned before the year 2030.", "en", "2025-02-25"), t => t.Text == "before the year 2030" && t.Start is null && t.End == new DateOnly(2029, 12, 31));
    }

    [Theory]
    [InlineData("The vote was 16. Nov. 2016 was the date.", "en", 1)]
    [InlineData("He scored 12. March was cold.", "en", 2)]
    [InlineData("The score was 12. Nov. results follow.", "en", 1)]
    [InlineData("Er wurde 12. 2016 war ein gutes Jahr.", "de", 2)]
    [InlineData("Sie kam am 05. 2016 zurück.", "de", 1)]
    [InlineData("The index closed at 1987 . 05 points rose.", "en", 1)]
    [InlineData("The index closed at 1987 . 15 points rose.", "en", 2)]
    public void A_period_inside_a_numeric_date_does_not_end_the_sentence(string text, string language, int sentences) =>
        Assert.Equal(sentences, Sentences(text, language).Length);
}
