using Diplomacy.Extraction.Tests.Infrastructure;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Split(string text, string language = "en")
    {
        var list = new List<string>();
        foreach (TextSpan s in SentenceSplitter.Enumerate(text, SentenceRules.For(language)))
        {
            list.Add(text.Substring(s.Start, s.Length));
        }

        return list.ToArray();
    }

    [Theory]
    [InlineData("He met U.S. officials. They talked.", new[] { "He met U.S. officials.", "They talked." })]
    [InlineData("Dr. Smith arrived. He spoke.", new[] { "Dr. Smith arrived.", "He spoke." })]
    [InlineData("between the two nations.Among the subjects", new[] { "between the two nations.", "Among the subjects" })]
    [InlineData("Russian and U.S.officials met.", new[] { "Russian and U.S.officials met." })]
    [InlineData("Donald J. Trump spoke. Then he left.", new[] { "Donald J. Trump spoke.", "Then he left." })]
    [InlineData("Growth was 3.5 percent. Prices rose.", new[] { "Growth was 3.5 percent.", "Prices rose." })]
    [InlineData("He said: \"These issues must be approached.\" He explained it.", new[] { "He said: \"These issues must be approached.\"", "He explained it." })]
    [InlineData("Really?! Yes.", new[] { "Really?!", "Yes." })]
    [InlineData("Wait... and then it ended.", new[] { "Wait... and then it ended." })]
    [InlineData("It meets at 10 a.m. on Monday.", new[] { "It meets at 10 a.m. on Monday." })]
    [InlineData("talks with the U.S. The meeting ended.", new[] { "talks with the U.S.", "The meeting ended." })]
    public void English(string text, string[] expected) => Assert.Equal(expected, Split(text, "en"));

    [Theory]
    [InlineData("Das Treffen ist am 27. Februar geplant. Er kommt.", new[] { "Das Treffen ist am 27. Februar geplant.", "Er kommt." })]
    [InlineData("Es gibt z. B. Sanktionen. Die Gespräche laufen.", new[] { "Es gibt z. B. Sanktionen.", "Die Gespräche laufen." })]
    [InlineData("Laut Dr. Müller ist das gut. Es regnet.", new[] { "Laut Dr. Müller ist das gut.", "Es regnet." })]
    [InlineData("„Es ist besser“, sagte Rjabkow. So könnten die Aspekte geklärt werden.", new[] { "„Es ist besser“, sagte Rjabkow.", "So könnten die Aspekte geklärt werden." })]
    public void German(string text, string[] expected) => Assert.Equal(expected, Split(text, "de"));

    [Fact]
    public void Headings_list_items_and_paragraphs_are_separate_sentences()
    {
        string text = "Hintergrund der Verzögerung\nEin Grund sei der Wunsch beider Seiten.\nKey topics include:\n• Arms control\n• Sanctions\n\nNext paragraph";
        Assert.Equal(
            new[] { "Hintergrund der Verzögerung", "Ein Grund sei der Wunsch beider Seiten.", "Key topics include:", "• Arms control", "• Sanctions", "Next paragraph" },
            Split(text, "de"));
    }

    [Fact]
    public void Hard_wrapped_wire_copy_is_joined_across_lines()
    {
        string text =
            "Showers continued throughout the week in the Bahia cocoa zone,\n" +
            "alleviating the drought since early January and improving prospects\n" +
            "for the coming temporao, although normal humidity levels have not\n" +
            "been restored, Comissaria Smith said in its weekly review.\n" +
            "    The dry period means the temporao will be late this year.\n";
        string[] sentences = Split(text);
        Assert.Equal(2, sentences.Length);
        Assert.StartsWith("Showers continued", sentences[0]);
        Assert.EndsWith("weekly review.", sentences[0]);
    }

    public static TheoryData<string> SeedIds() => Seeds.Ids();

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Seed_sentences_are_ordered_trimmed_and_do_not_cross_paragraphs(string id)
    {
        string text = Seeds.Get(id).Text;
        int last = 0;
        int count = 0;
        foreach (TextSpan s in SentenceSplitter.Enumerate(text, SentenceRules.For(null)))
        {
            count++;
            Assert.True(s.Start >= last);
            Assert.False(char.IsWhiteSpace(text[s.Start]));
            Assert.False(char.IsWhiteSpace(text[s.End - 1]));
            Assert.DoesNotContain("\n", text.Substring(s.Start, s.Length), StringComparison.Ordinal);
            last = s.End;
        }

        Assert.True(count >= 10, $"only {count} sentences");
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Splitting_precomputed_tokens_gives_the_same_sentences_as_lexing_on_the_fly(string id)
    {
        string text = Seeds.Get(id).Text + "\n\nDr. Smith met U.S. officials on Jan. 5. \"It went well,\" he said (twice).\n- item one\n- item two";
        var tokens = new List<Token>();
        foreach (Token t in Tokenizer.Enumerate(text))
        {
            tokens.Add(t);
        }

        foreach (string? language in new[] { "en", "de", null })
        {
            SentenceRules rules = SentenceRules.For(language);
            var expected = new List<TextSpan>();
            foreach (TextSpan s in SentenceSplitter.Enumerate(text, rules))
            {
                expected.Add(s);
            }

            var actual = new List<TextSpan>();
            foreach (TextSpan s in SentenceSplitter.Enumerate(text, tokens.ToArray(), rules))
            {
                actual.Add(s);
            }

            Assert.True(expected.Count >= 10);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Seed_000_keeps_the_lead_sentence_whole()
    {
        string text = Seeds.Get("000").Text;
        string[] sentences = Split(text);
        Assert.Contains("In a significant development in international diplomacy, Russian foreign Minister Sergey Lavrov has announced a new meeting with U.S. officials scheduled for later this week.", sentences);
        Assert.Contains("Among the primary subjects are:", sentences);
    }

    [Fact]
    public void Empty_and_blank_text_have_no_sentences()
    {
        Assert.Empty(Split(""));
        Assert.Empty(Split("  \n\n \t "));
    }
}
