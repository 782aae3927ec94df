using Diplomacy.Extraction.Tests.Infrastructure;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Tests.Text;

/// <summary>The hot path allocates nothing: asserted with the runtime's per-thread allocation counter.</summary>
public class AllocationTests
{
    public static TheoryData<string> SeedIds() => Seeds.Ids();

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Tokenizing_and_sentence_splitting_a_seed_allocates_nothing(string id)
    {
        string text = Seeds.Get(id).Text;
        SentenceRules rules = SentenceRules.For(id.StartsWith("004", StringComparison.Ordinal) ? "de" : "en");
        int checksum = Run(text, rules); // warm-up: JIT, static data, frozen sets

        long before = GC.GetAllocatedBytesForCurrentThread();
        int again = Run(text, rules);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(checksum, again);
        Assert.True(checksum > 0);
        Assert.Equal(0, allocated);
    }

    private static int Run(string text, SentenceRules rules)
    {
        int sum = 0;
        foreach (Token t in Tokenizer.Enumerate(text))
        {
            sum += t.Length + (int)t.Kind;
        }

        foreach (TextSpan s in SentenceSplitter.Enumerate(text, rules))
        {
            sum += s.Length;
        }

        return sum;
    }
}
