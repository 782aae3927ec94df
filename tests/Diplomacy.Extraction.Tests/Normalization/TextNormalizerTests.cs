using Diplomacy.Extraction.Normalization;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Tests.Normalization;

public sealed class TextNormalizerTests
{
    private static (NormalizationResult Result, List<Diagnostic> Diagnostics) Run(string text, bool foldQuotes = false)
    {
        var diagnostics = new List<Diagnostic>();
        return (TextNormalizer.Normalize(text, null, diagnostics, foldQuotes), diagnostics);
    }

    [Theory]
    [InlineData("meet on\u28A0 Thursday", "meet on Thursday")] // U+2062 + NBSP, lossy cp1250, read as UTF-8 again
    [InlineData("a recent \u00E2\u02D8statement", "a recent statement")] // U+2062 through cp1250, 0x81 lost
    [InlineData("Russia \u00E2\u0141and", "Russia and")] // U+2063
    [InlineData("the \u00E2\u00A4United States", "the United States")] // U+2064
    [InlineData("Lavrovâ€™s talks", "Lavrov’s talks")]
    [InlineData("NicolÃ¡s", "Nicolás")]
    [InlineData("Iggy Pop (nÃƒÂ© Jim Osterberg)", "Iggy Pop (né Jim Osterberg)")]
    public void Repairs_mojibake(string input, string expected) => Assert.Equal(expected, Run(input).Result.Text);

    [Theory]
    [InlineData("AT&amp;T and &#8217; and &#x2019; x&nbsp;y", "AT&T and ’ and ’ x y")]
    [InlineData("zero\u200Bwidth\u2060joined\uFEFF soft\u00ADhyphen", "zerowidthjoined softhyphen")]
    [InlineData("bidi\u202Aembedded\u202C text", "bidiembedded text")]
    [InlineData("C1 control\u0085 and\u0081 gone", "C1 control… and gone")]
    [InlineData("odd\u2003spaces\u00A0here\u3000too", "odd spaces here too")]
    [InlineData("Cafe\u0301 au lait", "Café au lait")]
    [InlineData("line\r\nbreaks\rmixed", "line\nbreaks\nmixed")]
    public void Cleans_characters(string input, string expected) => Assert.Equal(expected, Run(input).Result.Text);

    [Theory]
    [InlineData("the two nations.Among the subjects", "the two nations. Among the subjects")]
    [InlineData("two powers,diplomats from Russia", "two powers, diplomats from Russia")]
    [InlineData("U.S. officials and U.S.officials", "U.S. officials and U.S.officials")]
    [InlineData("growth of 3.5 percent, or 1,000 units", "growth of 3.5 percent, or 1,000 units")]
    [InlineData("see www.example.com/News.Today and a.m.Friday", "see www.example.com/News.Today and a.m.Friday")]
    [InlineData("  lots   of\n\n\n\nspace  \n", "lots of\n\nspace")]
    [InlineData("para one\n\npara two\nline two", "para one\n\npara two\nline two")]
    public void Folds_whitespace_and_restores_joined_sentences(string input, string expected) => Assert.Equal(expected, Run(input).Result.Text);

    [Fact]
    public void Typographic_quotes_are_kept_by_default_and_folded_on_request()
    {
        const string text = "He said “yes” and it’s „gut“.";
        Assert.Equal(text, Run(text).Result.Text);
        Assert.Equal("He said \"yes\" and it's \"gut\".", Run(text, foldQuotes: true).Result.Text);
    }

    [Fact]
    public void Removes_furniture_repeats_error_pages_disclaimers_and_keeps_the_byline()
    {
        const string text = "404\nOops, sorry! Error: the page you are looking for was not found.\n" +
            "Headline of the story about talks\n\nHeadline of the story about talks\n\n" +
            "The first paragraph of the story says that ministers met in Geneva on Monday.\n" +
            "ADVERTISEMENT\n" +
            "The second paragraph adds more detail about what the delegations discussed.\n" +
            ". . . . $ $ $ - - -\n" +
            "Jane Q. Public\n" +
            "A freelance reporter covering Eastern Europe.\n" +
            "Share this article\nCommentsNo comment\n";
        var (result, diagnostics) = Run(text);
        Assert.Equal(
            "Headline of the story about talks\n\nThe first paragraph of the story says that ministers met in Geneva on Monday.\n" +
            "The second paragraph adds more detail about what the delegations discussed.",
            result.Text);
        Assert.Equal("Jane Q. Public", result.Byline);
        foreach (string code in new[] { "normalize.error-page", "normalize.repeat", "normalize.furniture", "normalize.punctuation-run", "normalize.byline" })
        {
            Assert.Contains(diagnostics, d => d.Code == code);
        }

        foreach (Diagnostic d in diagnostics)
        {
            Assert.NotNull(d.Span);
            Assert.True(d.Span!.Value.End <= text.Length);
        }

        Diagnostic ad = diagnostics.Single(d => d.Message.Contains("ADVERTISEMENT", StringComparison.Ordinal));
        Assert.Equal("ADVERTISEMENT", text.Substring(ad.Span!.Value.Start, ad.Span.Value.Length));
    }

    [Fact]
    public void German_furniture_comes_from_the_german_resource()
    {
        var (result, diagnostics) = Run("Die Gespräche sollen im Herbst in Genf stattfinden, sagte der Minister.\nKommentar hinterlassen\n");
        Assert.Equal("Die Gespräche sollen im Herbst in Genf stattfinden, sagte der Minister.", result.Text);
        Assert.Contains(diagnostics, d => d.Code == "normalize.furniture");
    }

    [Fact]
    public void Clean_text_is_returned_as_is_without_diagnostics()
    {
        const string text = "Lavrov’s talks with the U.S. delegation – held in Geneva – ended on Friday.\n\nA second paragraph.";
        var (result, diagnostics) = Run(text);
        Assert.Same(text, result.Text);
        Assert.Empty(diagnostics);
        Assert.True(result.Map.IsIdentity);
    }

    [Fact]
    public void Repairs_map_back_to_the_mojibake_that_produced_them()
    {
        const string text = "Ecuadorâ€™s decision";
        var (result, _) = Run(text);
        int apostrophe = result.Text.IndexOf('’', StringComparison.Ordinal);
        TextSpan original = result.Map.ToOriginal(new TextSpan(apostrophe, 1));
        Assert.Equal("â€™", text.Substring(original.Start, original.Length));
        TextSpan word = result.Map.ToOriginal(new TextSpan(result.Text.IndexOf("decision", StringComparison.Ordinal), 8));
        Assert.Equal("decision", text.Substring(word.Start, word.Length));
    }
}
