using System.Buffers;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Normalization;

/// <summary>
/// Cleans text for the later stages while recording every change in an <see cref="OffsetMap"/>:
/// line endings, invisible and control characters, unusual spaces.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>Characters that may need work; text without any of them passes through untouched.</summary>
    private static readonly SearchValues<char> Suspicious = SearchValues.Create(
        "\r\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F" +
        "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F" +
        "\u00A0\u00AD\u1680\u180E\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u202F\u205F\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u3000\uFEFF");

    /// <summary>Normalizes <paramref name="text"/>, adding a diagnostic (in original coordinates) for every change.</summary>
    public static (string Text, OffsetMap Map) Normalize(string text, OffsetMap? inner, List<Diagnostic> diagnostics)
    {
        int first = text.AsSpan().IndexOfAny(Suspicious);
        if (first < 0)
        {
            return (text, inner ?? OffsetMap.Identity(text.Length));
        }

        var builder = new OffsetMapBuilder(text);
        int runStart = -1;
        int runEnd = -1;
        int i = first;
        while (i < text.Length)
        {
            int next = text.AsSpan(i).IndexOfAny(Suspicious);
            if (next < 0)
            {
                break;
            }

            i += next;
            char c = text[i];
            switch (Classify(c))
            {
                case Action.Remove:
                    if (runEnd != i)
                    {
                        Flush(runStart, runEnd, inner, diagnostics);
                        runStart = i;
                    }

                    builder.Delete(i, i + 1);
                    runEnd = i + 1;
                    break;
                case Action.Space:
                    builder.Replace(i, i + 1, " ");
                    break;
                case Action.LineEnd:
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        builder.Delete(i, i + 1);
                    }
                    else
                    {
                        builder.Replace(i, i + 1, "\n");
                    }

                    break;
            }

            i++;
        }

        Flush(runStart, runEnd, inner, diagnostics);
        return builder.Build(inner);
    }

    private static void Flush(int start, int end, OffsetMap? inner, List<Diagnostic> diagnostics)
    {
        if (start < 0)
        {
            return;
        }

        var span = TextSpan.FromBounds(start, end);
        TextSpan original = inner?.ToOriginal(span) ?? span;
        diagnostics.Add(new Diagnostic("normalize.invisible", DiagnosticSeverity.Info, $"Removed {end - start} invisible or control character(s).", original));
    }

    private static Action Classify(char c) => c switch
    {
        '\r' or '\u0085' => Action.LineEnd,
        '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' => Action.Space,
        _ => Action.Remove,
    };

    private enum Action
    {
        Remove,
        Space,
        LineEnd,
    }
}
