using Diplomacy.Extraction.Tests.Infrastructure;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Tests.Text;

public class TokenizerTests
{
    private static List<(string Text, TokenKind Kind)> Tokens(string text)
    {
        var list = new List<(string, TokenKind)>();
        foreach (Token t in Tokenizer.Enumerate(text))
        {
            list.Add((text.Substring(t.Start, t.Length), t.Kind));
        }

        return list;
    }

    private static string[] Texts(string text) => Tokens(text).Where(t => t.Kind is not (TokenKind.LineBreak or TokenKind.ParagraphBreak)).Select(t => t.Text).ToArray();

    [Theory]
    [InlineData("U.S. officials", new[] { "U.S.", "officials" })]
    [InlineData("U.S.officials met", new[] { "U.S.", "officials", "met" })]
    [InlineData("U.S.-Russia relations", new[] { "U.S.-Russia", "relations" })]
    [InlineData("Russland-USA-Gespräche beginnen", new[] { "Russland-USA-Gespräche", "beginnen" })]
    [InlineData("two nations.Among them", new[] { "two", "nations", ".", "Among", "them" })]
    [InlineData("Lavrov’s announcement", new[] { "Lavrov", "’s", "announcement" })]
    [InlineData("Lavrov's announcement", new[] { "Lavrov", "'s", "announcement" })]
    [InlineData("don't stop", new[] { "don't", "stop" })]
    [InlineData("nations’ willingness", new[] { "nations", "’", "willingness" })]
    [InlineData("1,000.5 dollars", new[] { "1,000.5", "dollars" })]
    [InlineData("45% support", new[] { "45%", "support" })]
    [InlineData("am 27.02.2025 um 14:30", new[] { "am", "27.02.2025", "um", "14:30" })]
    [InlineData("27/02/2025", new[] { "27/02/2025" })]
    [InlineData("Dr. Smith", new[] { "Dr", ".", "Smith" })]
    [InlineData("z. B. heute", new[] { "z", ".", "B", ".", "heute" })]
    [InlineData("z.B. heute", new[] { "z.B.", "heute" })]
    [InlineData("e.g., this", new[] { "e.g.", ",", "this" })]
    [InlineData("the 1st and 10th, the 1980s", new[] { "the", "1st", "and", "10th", ",", "the", "1980s" })]
    [InlineData("G20 and COVID-19", new[] { "G20", "and", "COVID-19" })]
    [InlineData("a two-day, 3-day visit", new[] { "a", "two-day", ",", "3-day", "visit" })]
    [InlineData("March 3-5", new[] { "March", "3", "-", "5" })]
    [InlineData("Wait... what?!", new[] { "Wait", "...", "what", "?!" })]
    [InlineData("see https://example.com/a?b=1.", new[] { "see", "https://example.com/a?b=1", "." })]
    [InlineData("mail press@mfa.gov.ru today", new[] { "mail", "press@mfa.gov.ru", "today" })]
    [InlineData("北京欢迎你", new[] { "北", "京", "欢", "迎", "你" })]
    [InlineData("$ 5 €", new[] { "$", "5", "€" })]
    [InlineData("„Es ist besser“, sagte", new[] { "„", "Es", "ist", "besser", "“", ",", "sagte" })]
    [InlineData("ground,with", new[] { "ground", ",", "with" })]
    [InlineData("Außenminister Sergej Rjabkow", new[] { "Außenminister", "Sergej", "Rjabkow" })]
    public void Splits_news_text_as_expected(string input, string[] expected) =>
        Assert.Equal(expected, Texts(input));

    [Fact]
    public void Kinds_are_assigned()
    {
        var tokens = Tokens("Lavrov met 3 people, see www.mid.ru or a@b.org $");
        Assert.Equal(TokenKind.Word, tokens[0].Kind);
        Assert.Equal(TokenKind.Number, tokens[2].Kind);
        Assert.Equal(TokenKind.Punctuation, tokens[4].Kind);
        Assert.Equal(TokenKind.Url, tokens.Single(t => t.Text == "www.mid.ru").Kind);
        Assert.Equal(TokenKind.Email, tokens.Single(t => t.Text == "a@b.org").Kind);
        Assert.Equal(TokenKind.Symbol, tokens[^1].Kind);
    }

    [Fact]
    public void Line_and_paragraph_breaks_are_tokens()
    {
        var tokens = Tokens("one\ntwo\r\n\r\nthree \n  \n four");
        Assert.Equal(
            new[] { TokenKind.Word, TokenKind.LineBreak, TokenKind.Word, TokenKind.ParagraphBreak, TokenKind.Word, TokenKind.ParagraphBreak, TokenKind.Word },
            tokens.Select(t => t.Kind).ToArray());
    }

    [Fact]
    public void Flags_describe_shape()
    {
        string text = "NATO U.S. Lavrov G20 two-day";
        var tokens = new List<Token>();
        foreach (Token t in Tokenizer.Enumerate(text))
        {
            tokens.Add(t);
        }

        Assert.True(tokens[0].Has(TokenFlags.AllUpper));
        Assert.True(tokens[1].Has(TokenFlags.Initialism));
        Assert.True(tokens[2].Has(TokenFlags.Capitalized));
        Assert.False(tokens[2].Has(TokenFlags.AllUpper));
        Assert.True(tokens[3].Has(TokenFlags.Alphanumeric));
        Assert.True(tokens[4].Has(TokenFlags.Hyphenated));
        Assert.False(tokens[1].Has(TokenFlags.Glued));
    }

    [Fact]
    public void Glued_marks_tokens_without_space_before()
    {
        string text = "nations.Among";
        var tokens = new List<Token>();
        foreach (Token t in Tokenizer.Enumerate(text))
        {
            tokens.Add(t);
        }

        Assert.False(tokens[0].Has(TokenFlags.Glued));
        Assert.True(tokens[1].Has(TokenFlags.Glued));
        Assert.True(tokens[2].Has(TokenFlags.Glued));
    }

    [Fact]
    public void Surrogates_and_lone_surrogates_do_not_break_scanning()
    {
        string text = "a \uD83D\uDE00 b \uD800 c \uDC00 d 𠀀";
        var texts = Texts(text);
        Assert.Equal(new[] { "a", "\uD83D\uDE00", "b", "\uD800", "c", "\uDC00", "d", "𠀀" }, texts);
    }

    [Fact]
    public void Very_long_runs_are_cut_into_bounded_tokens()
    {
        string text = new string('a', 10_000);
        foreach (Token t in Tokenizer.Enumerate(text))
        {
            Assert.True(t.Length <= 4096);
        }

        Assert.Equal(3, Tokenizer.Count(text));
    }

    public static TheoryData<string> SeedIds() => Seeds.Ids();

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Tokens_of_every_seed_are_ordered_non_overlapping_and_cover_all_non_space(string id)
    {
        string text = Seeds.Get(id).Text;
        AssertCoverage(text);
    }

    [Fact]
    public void Coverage_holds_for_random_unicode()
    {
        var random = new Random(12345);
        for (int round = 0; round < 300; round++)
        {
            var chars = new char[random.Next(0, 200)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(6) switch
                {
                    0 => ' ',
                    1 => "\n\r.,-'’@/:%"[random.Next(11)],
                    2 => (char)random.Next(0xD800, 0xE000),
                    _ => (char)random.Next(0, 0x3000),
                };
            }

            AssertCoverage(new string(chars));
        }
    }

    internal static void AssertCoverage(string text)
    {
        int position = 0;
        foreach (Token t in Tokenizer.Enumerate(text))
        {
            Assert.True(t.Length > 0, "empty token");
            Assert.True(t.Start >= position, $"token at {t.Start} overlaps previous ending at {position}");
            for (int i = position; i < t.Start; i++)
            {
                Assert.True(char.IsWhiteSpace(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.Format, $"character U+{(int)text[i]:X4} at {i} is in no token");
            }

            position = t.End;
            Assert.True(position <= text.Length);
        }

        for (int i = position; i < text.Length; i++)
        {
            Assert.True(char.IsWhiteSpace(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.Format, $"trailing character U+{(int)text[i]:X4} at {i} is in no token");
        }
    }
}
