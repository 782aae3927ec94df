using System.Globalization;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Dates;

/// <summary>A recognized time expression with its span in the text it was found in (normalized coordinates).</summary>
internal readonly record struct RecognizedTime(TextSpan Span, TimeExpression Expression);

/// <summary>
/// The parser side: runs the <see cref="DateExtractor"/> sentence by sentence and resolves what it finds against the
/// reference date, with the direction taken from tense and cue words of the sentence.
/// </summary>
internal static class DateRecognizer
{
    /// <summary>Recognizes the time expressions of a tokenized text.</summary>
    public static void Recognize(string text, List<Token> tokens, IReadOnlyList<TextSpan> sentences, string? language, DateOnly? reference, List<RecognizedTime> output) =>
        Recognize(text, tokens, sentences, language, reference, null, output);

    /// <summary>Recognizes the time expressions of a tokenized text; <paramref name="referenceTime"/> resolves "in 5 minutes"; <paramref name="work"/> counts work and honours cancellation.</summary>
    public static void Recognize(string text, List<Token> tokens, IReadOnlyList<TextSpan> sentences, string? language, DateOnly? reference, TimeOnly? referenceTime, List<RecognizedTime> output, Limits.WorkMeter? work = null)
    {
        DateLexicon lexicon = DateLexicon.For(language);
        tokens = WithoutLineBreaks(tokens);
        var extractor = new DateExtractor(lexicon, text, tokens);
        var found = new List<DateCandidate>();
        int tok = 0;
        int s = 0;
        while (tok < tokens.Count)
        {
            // the token range of the next sentence (or of the rest when sentences are missing)
            int sentenceEnd = s < sentences.Count ? sentences[s].End : int.MaxValue;
            int lo = tok;
            while (tok < tokens.Count && tokens[tok].Start < sentenceEnd)
            {
                tok++;
            }

            s++;
            if (tok == lo)
            {
                if (s > sentences.Count)
                {
                    tok++;
                }

                continue;
            }

            work?.Add(tok - lo);
            found.Clear();
            extractor.Extract(lo, tok, found);
            foreach (DateCandidate c in found)
            {
                int direction = extractor.Direction(lo, tok, c.First, c.End);
                output.Add(Build(text, tokens, c, reference, referenceTime, direction));
            }
        }
    }

    /// <summary>The tokens of the last document on this thread with single line breaks left out (reused).</summary>
    [ThreadStatic]
    private static List<Token>? t_joined;

    /// <summary>
    /// The tokens with every single line break left out, so that a line break inside a sentence joins words like a space
    /// ("February\n22", "the 10\nbasis point"); a paragraph break (a blank line) stays and still blocks an expression.
    /// Sentences are character ranges, so they still apply. Returns <paramref name="tokens"/> itself when it has none.
    /// </summary>
    private static List<Token> WithoutLineBreaks(List<Token> tokens)
    {
        int first = -1;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.LineBreak)
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return tokens;
        }

        List<Token> joined = t_joined ??= [];
        joined.Clear();
        ReadOnlySpan<Token> all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        joined.AddRange(all[..first]);
        for (int i = first + 1; i < all.Length; i++)
        {
            if (all[i].Kind != TokenKind.LineBreak)
            {
                joined.Add(all[i]);
            }
        }

        return joined;
    }

    private static RecognizedTime Build(string text, List<Token> tokens, DateCandidate c, DateOnly? reference, TimeOnly? referenceTime, int direction)
    {
        int start = tokens[c.First].Start;
        int end = tokens[c.End - 1].End;
        var span = new TextSpan(start, end - start);
        string surface = text.Substring(start, end - start);
        TimeOnly? time = c.Type is TimeExpressionType.DateTime or TimeExpressionType.Time ? new TimeOnly(c.TimeSeconds / 3600, c.TimeSeconds / 60 % 60, c.TimeSeconds % 60) : null;

        if (c.Type == TimeExpressionType.Duration)
        {
            string unit = c.DurationUnit switch
            {
                DateUnit.Hour => "H",
                DateUnit.Minute => "M",
                DateUnit.Day => "D",
                DateUnit.BusinessDay => "BD",
                DateUnit.Week or DateUnit.WorkWeek => "W",
                DateUnit.Fortnight => "W",
                DateUnit.Month => "M",
                DateUnit.Weekend => "W",
                DateUnit.Quarter => "Q",
                DateUnit.Half => "H",
                _ => "Y",
            };
            int n = c.DurationUnit == DateUnit.Fortnight ? 2 * c.DurationCount : c.DurationCount;
            return new RecognizedTime(span, new TimeExpression
            {
                Span = span,
                Text = surface,
                Type = TimeExpressionType.Duration,
                Timex = (c.DurationUnit is DateUnit.Hour or DateUnit.Minute ? "PT" : "P") + n.ToString(CultureInfo.InvariantCulture) + unit,
                Resolved = false,
            });
        }

        if (c.Type == TimeExpressionType.Time)
        {
            return new RecognizedTime(span, new TimeExpression
            {
                Span = span,
                Text = surface,
                Type = TimeExpressionType.Time,
                Timex = "T" + TimeTimex(time!.Value),
                StartTime = time,
                Granularity = TimeGranularity.Time,
                Resolved = false,
            });
        }

        if (c.A.Kind == SpecKind.TimeOffset && c.Type == TimeExpressionType.DateTime)
        {
            return new RecognizedTime(span, TimeOffset(span, surface, c.A, reference, referenceTime));
        }

        DateSpec a = c.A;
        DateSpec b = c.B;
        bool range = c.IsRange;
        if (!range && a.Kind == SpecKind.Day && a.N > 0)
        {
            // 3-5 March
            b = a;
            b.Day = a.N;
            a.N = 0;
            b.N = 0;
            range = true;
        }
        else if (!range && a.Kind == SpecKind.Year && a.N > 0)
        {
            // 2014-2018
            b = a;
            b.Year = a.N;
            a.N = 0;
            b.N = 0;
            range = true;
        }

        TimeExpressionType type = range ? TimeExpressionType.DateRange : c.Type;
        if (reference is not { } refDate)
        {
            return new RecognizedTime(span, new TimeExpression { Span = span, Text = surface, Type = type, StartTime = time, Resolved = false });
        }

        if (range)
        {
            DateRanges.PinToReferenceYear(ref a, ref b, refDate);
        }

        ResolvedInterval? ra = a.Resolve(refDate, direction);
        if (c.AnchorOffset != 0 && ra is { } anchor)
        {
            DateOnly day = c.DurationUnit switch
            {
                DateUnit.Day => anchor.Start.AddDays(c.AnchorOffset),
                DateUnit.BusinessDay => DateSpec.AddBusinessDays(anchor.Start, c.AnchorOffset),
                DateUnit.Month => anchor.Start.AddMonths(c.AnchorOffset),
                DateUnit.Quarter => anchor.Start.AddMonths(3 * c.AnchorOffset),
                DateUnit.Year => anchor.Start.AddYears(c.AnchorOffset),
                DateUnit.Fortnight => anchor.Start.AddDays(14 * c.AnchorOffset),
                _ => anchor.Start.AddDays(7 * c.AnchorOffset),
            };
            ra = c.SpanFromAnchor
                ? ResolvedInterval.Between(anchor, ResolvedInterval.ForDay(day.AddDays(c.AnchorOffset > 0 ? -1 : 1)))
                : ResolvedInterval.ForDay(day);
        }

        if (c.Open != 0 && ra is { } bound)
        {
            return new RecognizedTime(span, OpenRange(span, surface, a, bound, c.Open));
        }

        ResolvedInterval? result = ra;
        if (range && ra is { } first)
        {
            // the end is resolved next to the start (from March 30 to April 2; from Monday to Wednesday)
            ResolvedInterval? rb = b.IsAnchoredToReference
                ? b.Resolve(refDate, direction)
                : b.Resolve(first.Start, b.Kind == SpecKind.Weekday ? 1 : direction == 0 ? 1 : direction);
            if (b.Year == 0 && b.Kind is SpecKind.Day or SpecKind.Month && !b.IsAnchoredToReference)
            {
                rb = b.Resolve(first.Start, 1);
            }

            result = rb is { } second && second.End >= first.Start ? ResolvedInterval.Between(first, second) : null;
        }

        if (result is not { } r)
        {
            return new RecognizedTime(span, new TimeExpression { Span = span, Text = surface, Type = type, Timex = DateRanges.InvalidDayTimex(range, c.AnchorOffset, a, time, refDate, direction), StartTime = time, Resolved = false });
        }

        string timex = r.Timex;
        if (time is { } t && type == TimeExpressionType.DateTime)
        {
            timex += "T" + TimeTimex(t);
        }

        return new RecognizedTime(span, new TimeExpression
        {
            Span = span,
            Text = surface,
            Type = type,
            Timex = timex,
            Start = r.Start,
            End = r.End,
            StartTime = time,
            Granularity = type == TimeExpressionType.DateTime ? TimeGranularity.Time : r.Granularity,
            Resolved = true,
        });
    }

    /// <summary>"in 5 minutes", "3 hours ago": a point in time from the reference date and time (unresolved without the time).</summary>
    private static TimeExpression TimeOffset(TextSpan span, string surface, in DateSpec a, DateOnly? reference, TimeOnly? referenceTime)
    {
        if (reference is not { } day || referenceTime is not { } time)
        {
            return new TimeExpression { Span = span, Text = surface, Type = TimeExpressionType.DateTime, Resolved = false };
        }

        DateTime at = day.ToDateTime(time).AddMinutes(a.Unit == DateUnit.Hour ? 60.0 * a.N : a.N);
        var d = DateOnly.FromDateTime(at);
        var t = TimeOnly.FromDateTime(at);
        return new TimeExpression
        {
            Span = span,
            Text = surface,
            Type = TimeExpressionType.DateTime,
            Timex = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + TimeTimex(t),
            Start = d,
            End = d,
            StartTime = t,
            Granularity = TimeGranularity.Time,
            Resolved = true,
        };
    }

    private static string TimeTimex(TimeOnly t) => t.ToString(t.Second != 0 ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// An open range around a resolved bound: before = up to the day before it starts (for "before the end of X", up to its
    /// end); after = from the day after it ends (a single day itself, or the start of "the beginning of X"); since = from its start.
    /// </summary>
    private static TimeExpression OpenRange(TextSpan span, string surface, in DateSpec a, ResolvedInterval bound, int open)
    {
        DateOnly? start = null;
        DateOnly? end = null;
        if (open == DateSpec.OpenBefore)
        {
            end = a.Part == DateSpec.PartLate ? bound.End : bound.Start.AddDays(-1);
        }
        else if (open == DateSpec.OpenUntil)
        {
            end = bound.End;
        }
        else if (open == DateSpec.OpenAfter)
        {
            start = bound.Start == bound.End || a.Part == DateSpec.PartEarly ? bound.Start : bound.End.AddDays(1);
        }
        else
        {
            start = bound.Start;
        }

        return new TimeExpression
        {
            Span = span,
            Text = surface,
            Type = TimeExpressionType.DateRange,
            Timex = bound.Timex,
            Start = start,
            End = end,
            OpenStart = start is null,
            OpenEnd = end is null,
            Granularity = bound.Granularity,
            Resolved = true,
        };
    }
}
