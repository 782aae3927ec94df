using Diplomacy.Extraction.Pipeline;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Limits;

/// <summary>
/// Enforces <see cref="ExtractionOptions.MaxTokensPerSentence"/>: a sentence with more tokens is cut into consecutive
/// pieces of at most that many tokens (each trimmed to its first and last token), with one <c>sentence.too-long</c>
/// warning per cut sentence. The recognizers' per-sentence work is then bounded by the limit, whatever the input.
/// </summary>
internal static class SentenceLimiter
{
    public static void Apply(DocumentContext context)
    {
        int max = context.Options.MaxTokensPerSentence;
        List<TextSpan> sentences = context.Sentences;
        List<Token> tokens = context.Tokens;
        if (tokens.Count <= max)
        {
            return;
        }

        List<TextSpan>? result = null;
        int t = 0;
        for (int s = 0; s < sentences.Count; s++)
        {
            TextSpan sentence = sentences[s];
            while (t < tokens.Count && tokens[t].Start < sentence.Start)
            {
                t++;
            }

            int first = t;
            int count = 0;
            while (t < tokens.Count && tokens[t].Start < sentence.End)
            {
                count += tokens[t].IsBreak ? 0 : 1;
                t++;
            }

            context.Work.Add(t - first);
            if (count <= max)
            {
                result?.Add(sentence);
                continue;
            }

            result ??= sentences.GetRange(0, s);
            int pieces = Cut(tokens, first, t, max, result);
            context.Add(
                "sentence.too-long",
                DiagnosticSeverity.Warning,
                $"A sentence of {count} tokens was cut into {pieces} pieces of at most {max} tokens (MaxTokensPerSentence).",
                context.ToOriginal(sentence));
        }

        if (result is not null)
        {
            sentences.Clear();
            sentences.AddRange(result);
        }
    }

    /// <summary>Adds the pieces of the sentence made of tokens [from, to); returns how many.</summary>
    private static int Cut(List<Token> tokens, int from, int to, int max, List<TextSpan> into)
    {
        int pieces = 0;
        int start = -1, end = 0, inPiece = 0;
        for (int i = from; i < to; i++)
        {
            Token token = tokens[i];
            if (token.IsBreak)
            {
                continue;
            }

            if (start < 0)
            {
                start = token.Start;
            }

            end = token.End;
            if (++inPiece == max)
            {
                into.Add(TextSpan.FromBounds(start, end));
                pieces++;
                start = -1;
                inPiece = 0;
            }
        }

        if (start >= 0)
        {
            into.Add(TextSpan.FromBounds(start, end));
            pieces++;
        }

        return pieces;
    }
}
