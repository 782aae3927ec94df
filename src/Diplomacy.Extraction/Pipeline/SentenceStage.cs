using System.Runtime.InteropServices;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Pipeline;

/// <summary>Tokenizes and splits the normalized text into sentences with the language's rules.</summary>
internal sealed class SentenceStage : IExtractionStage
{
    public string Name => "sentences";

    public void Process(DocumentContext context)
    {
        context.Tokens.EnsureCapacity(context.Normalized.Length / 4);
        foreach (Token token in Tokenizer.Enumerate(context.Normalized))
        {
            context.Tokens.Add(token);
            context.Work.Add(1);
        }

        SentenceRules rules = SentenceRules.For(context.Language);
        foreach (TextSpan sentence in SentenceSplitter.Enumerate(context.Normalized, CollectionsMarshal.AsSpan(context.Tokens), rules))
        {
            context.Sentences.Add(sentence);
            context.Work.Add(1);
        }

        Limits.SentenceLimiter.Apply(context);
    }
}
