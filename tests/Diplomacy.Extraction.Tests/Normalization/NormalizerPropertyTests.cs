using System.Text;
using Diplomacy.Extraction.Normalization;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Tests.Normalization;

/// <summary>Seeded random texts with injected mojibake and junk: offsets stay inside the original and normalization is idempotent.</summary>
public sealed class NormalizerPropertyTests
{
    private static readonly string[] Words = ["Lavrov", "met", "the", "U.S.", "delegation", "in", "Geneva", "on", "Friday", "talks", "3.5", "Gespräche", "Außenminister", "über", "café", "“quoted”", "it’s", "–", "Russia,", "nations.", "Among"];

    private static readonly Encoding Cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static string RandomText(Random random, out List<(string Junk, string Clean)> injected)
    {
        injected = [];
        var sb = new StringBuilder();
        int n = random.Next(5, 60);
        for (int i = 0; i < n; i++)
        {
            int kind = random.Next(20);
            string word = Words[random.Next(Words.Length)];
            switch (kind)
            {
                case 0:
                    // UTF-8 read as Windows-1252
                    string broken = Cp1252.GetString(Encoding.UTF8.GetBytes(word));
                    injected.Add((broken, word));
                    sb.Append(broken);
                    break;
                case 1:
                    sb.Append("\u00E2\u02D8"); // lossy U+2062 through cp1250
                    sb.Append(word);
                    break;
                case 2:
                    sb.Append(word).Append("\u200B\u00AD\uFEFF");
                    break;
                case 3:
                    sb.Append("&amp;").Append(word);
                    break;
                case 4:
                    sb.Append("\n\n\n  ");
                    break;
                case 5:
                    sb.Append("\u00A0\u0085");
                    break;
                default:
                    sb.Append(word);
                    break;
            }

            sb.Append(random.Next(8) == 0 ? "\n" : " ");
        }

        return sb.ToString();
    }

    [Fact]
    public void Mapped_spans_lie_inside_the_original_and_cover_what_produced_them()
    {
        var random = new Random(20240611);
        for (int iteration = 0; iteration < 500; iteration++)
        {
            string text = RandomText(random, out _);
            var diagnostics = new List<Diagnostic>();
            NormalizationResult result = TextNormalizer.Normalize(text, null, diagnostics);
            Assert.Equal(text.Length, result.Map.OriginalLength);
            Assert.Equal(result.Text.Length, result.Map.NormalizedLength);
            int previousStart = 0;
            for (int i = 0; i < result.Text.Length; i++)
            {
                TextSpan span = result.Map.ToOriginal(new TextSpan(i, 1));
                Assert.InRange(span.Start, 0, text.Length);
                Assert.InRange(span.End, span.Start, text.Length);
                Assert.True(span.Start >= previousStart, "mapping is monotonic");
                previousStart = span.Start;
                char c = result.Text[i];
                if (char.IsAsciiLetterOrDigit(c) && span.Length == 1)
                {
                    Assert.Equal(c, text[span.Start]); // an unchanged character maps onto itself
                }
                else if (char.IsAsciiLetterOrDigit(c))
                {
                    Assert.True(span.Length > 1 || text.AsSpan(span.Start, span.Length).Contains(c), $"'{c}' at {i} maps to '{text.Substring(span.Start, span.Length)}'");
                }
            }

            foreach (Diagnostic d in diagnostics)
            {
                Assert.NotNull(d.Span);
                Assert.InRange(d.Span!.Value.End, 0, text.Length);
            }
        }
    }

    [Fact]
    public void Injected_mojibake_is_repaired_and_junk_removed()
    {
        var random = new Random(7);
        for (int iteration = 0; iteration < 300; iteration++)
        {
            string text = RandomText(random, out List<(string Junk, string Clean)> injected);
            string normalized = TextNormalizer.Normalize(text, null, []).Text;

            // Documented limit (as in ftfy): lone two-character mojibake (cafÃ©) in text that also holds correctly
            // decoded non-ASCII characters is left alone unless some three-byte mojibake proves the text is broken.
            bool strong = injected.Exists(j => Encoding.UTF8.GetByteCount(j.Clean) - j.Clean.Length >= 2 && j.Clean.Any(c => c > 0x7FF));
            string rest = text;
            foreach ((string junk, _) in injected)
            {
                rest = rest.Replace(junk, "", StringComparison.Ordinal);
            }

            bool otherNonAscii = rest.Any(c => c > 0x7F && c != '\u00A0' && c != '\u0085' && c != '\u00E2' && c != '\u02D8');
            foreach ((string junk, string clean) in injected)
            {
                if (!strong && otherNonAscii)
                {
                    break;
                }

                if (junk != clean)
                {
                    string expected = clean.Replace("“", "").Replace("”", "");
                    Assert.True(normalized.Contains(expected, StringComparison.Ordinal), $"'{junk}' not repaired to '{expected}' in: {normalized}");
                }
            }

            Assert.DoesNotContain('\u200B', normalized);
            Assert.DoesNotContain('\u00A0', normalized);
            Assert.DoesNotContain("\u00E2\u02D8", normalized, StringComparison.Ordinal);
            Assert.DoesNotContain("\n\n\n", normalized, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Normalization_is_idempotent()
    {
        var random = new Random(99);
        for (int iteration = 0; iteration < 500; iteration++)
        {
            string text = RandomText(random, out _);
            string once = TextNormalizer.Normalize(text, null, []).Text;
            var diagnostics = new List<Diagnostic>();
            string twice = TextNormalizer.Normalize(once, null, diagnostics).Text;
            Assert.Equal(once, twice);
        }
    }
}
