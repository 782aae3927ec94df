using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Tests.Text;

public sealed class WordShapeFilterTests
{
    private static readonly string[] Words = ["talks", "summit", "meeting", "met", "a", "über"];

    [Fact]
    public void Every_added_word_passes()
    {
        var exact = new WordShapeFilter(Words, bitsLog2: 14, ignoreAsciiCase: false);
        var folded = new WordShapeFilter(Words, bitsLog2: 14, ignoreAsciiCase: true);
        foreach (string w in Words)
        {
            Assert.True(exact.MayContain(w), w);
            Assert.True(folded.MayContain(w), w);
        }
    }

    [Fact]
    public void Ignoring_ascii_case_lets_other_casings_through_and_never_judges_non_ascii()
    {
        var folded = new WordShapeFilter(Words, bitsLog2: 14, ignoreAsciiCase: true);
        Assert.True(folded.MayContain("TALKS"));
        Assert.True(folded.MayContain("Summit"));
        Assert.False(folded.CanJudge("Über"));
        Assert.True(folded.MayContain("Über"));
        Assert.True(new WordShapeFilter(Words, bitsLog2: 14, ignoreAsciiCase: false).CanJudge("Über"));
    }

    [Fact]
    public void Most_other_words_are_rejected()
    {
        var filter = new WordShapeFilter(Words, bitsLog2: 14, ignoreAsciiCase: false);
        int rejected = 0;
        for (int i = 0; i < 1000; i++)
        {
            rejected += filter.MayContain($"word{i}x") ? 0 : 1;
        }

        // six words set at most six of 16,384 bits: a working hash rejects nearly every other word
        Assert.True(rejected >= 990, $"rejected {rejected} of 1000");
    }
}
