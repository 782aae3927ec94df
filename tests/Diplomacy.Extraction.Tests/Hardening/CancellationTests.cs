using Diplomacy.Extraction.Limits;
using Diplomacy.Extraction.Pipeline;
using Diplomacy.Extraction.Tests.Infrastructure;

namespace Diplomacy.Extraction.Tests.Hardening;

/// <summary>Cancellation stops a stage within a bounded amount of further work, counted in work-meter units (never timed).</summary>
public sealed class CancellationTests
{
    /// <summary>A large real-looking document: the seeds, repeated to about 900k characters.</summary>
    private static readonly string Huge = BuildHuge();

    private static string BuildHuge()
    {
        var sb = new System.Text.StringBuilder();
        while (sb.Length < 900_000)
        {
            foreach (Seeds.Seed s in Seeds.All)
            {
                sb.Append(s.Text).Append("\n\n");
            }
        }

        return sb.ToString();
    }

    public static TheoryData<int> StageIndexes() => [0, 1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(StageIndexes))]
    public void A_cancelled_stage_stops_after_a_bounded_amount_of_work(int index)
    {
        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
        IExtractionStage stage = pipeline.Stages[index];

        // The work of the stage when it runs to the end.
        DocumentContext full = Prepare(pipeline, index, CancellationToken.None);
        long before = full.Work.Units;
        stage.Process(full);
        long whole = full.Work.Units - before;

        // The same stage, cancelled as soon as it has done a little work.
        using var cts = new CancellationTokenSource();
        DocumentContext context = Prepare(pipeline, index, cts.Token);
        long start = context.Work.Units;
        long cancelledAt = -1;
        context.Work.OnCheck = units =>
        {
            if (cancelledAt < 0 && units - start >= WorkMeter.CheckInterval)
            {
                cancelledAt = units;
                cts.Cancel();
            }
        };
        Assert.ThrowsAny<OperationCanceledException>(() => stage.Process(context));
        long after = context.Work.Units - cancelledAt;

        // Stopped at the next check: at most one interval plus one step (a normalizer pass: the text; elsewhere a sentence or a paragraph).
        long step = stage.Name is "normalize" or "language" ? Huge.Length : pipeline.Options.MaxTokensPerSentence;
        Assert.True(cancelledAt > 0, $"{stage.Name}: no work was counted");
        Assert.InRange(after, 0, WorkMeter.CheckInterval + step);
        Assert.True(cancelledAt + after - start < whole, $"{stage.Name}: stopped only at the end ({whole} units)");
    }

    /// <summary>A context on which the stages before <paramref name="index"/> have run.</summary>
    private static DocumentContext Prepare(ExtractionPipeline pipeline, int index, CancellationToken token)
    {
        var context = new DocumentContext(Huge, new DocumentInfo { ReferenceDate = new DateOnly(2025, 2, 20) }, pipeline.Options, token);
        for (int i = 0; i < index; i++)
        {
            pipeline.Stages[i].Process(context);
        }

        return context;
    }
}
