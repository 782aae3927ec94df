using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Diplomacy.Extraction.Consolidation;
using Diplomacy.Extraction.Evaluation;
using Diplomacy.Extraction.Events;

namespace Diplomacy.Extraction.Cli;

/// <summary><c>diplomacy-extract eval --gold FILE --texts DIR</c>: scores the events extracted from the texts against a gold file.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Scores extracted events against a gold file (gold/FORMAT.md): detection precision/recall/F1 and accuracy per field.");
        var gold = new Option<string>("--gold") { Description = "The gold JSON file.", Required = true };
        var texts = new Option<string>("--texts") { Description = "Folder with the documents named in the gold file (matched by file name).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var errors = new Option<bool>("--errors") { Description = "List every mistake." };
        command.Options.Add(gold);
        command.Options.Add(texts);
        command.Options.Add(json);
        command.Options.Add(errors);
        command.SetAction(r => Run(r.GetValue(gold)!, r.GetValue(texts)!, r.GetValue(json), r.GetValue(errors)));
        return command;
    }

    private static int Run(string goldPath, string textsDir, bool json, bool listErrors)
    {
        GoldFile? gold;
        try
        {
            gold = JsonSerializer.Deserialize(File.ReadAllText(goldPath), EvaluationJsonContext.Default.GoldFile);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot read gold file '{goldPath}': {ex.Message}");
            return 2;
        }

        if (gold is null)
        {
            Console.Error.WriteLine($"error: gold file '{goldPath}' is empty");
            return 2;
        }

        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
        var scored = new List<(GoldDocument, IReadOnlyList<DiplomaticEvent>)>();
        foreach (GoldDocument doc in gold.Documents)
        {
            string path = Path.Combine(textsDir, Path.GetFileName(doc.Doc));
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"error: document '{doc.Doc}' not found as '{path}'");
                return 2;
            }

            DateOnly? reference = InputReader.ParseDate(doc.ReferenceDate);
            ExtractionResult result = pipeline.Extract(File.ReadAllText(path), new DocumentInfo { Id = Path.GetFileNameWithoutExtension(path), ReferenceDate = reference });
            scored.Add((doc, result.Events));
        }

        EvaluationReport report = GoldScorer.Score(scored);
        var all = new List<DiplomaticEvent>();
        foreach ((GoldDocument _, IReadOnlyList<DiplomaticEvent> events) in scored)
        {
            all.AddRange(events);
        }

        report.Clustering = ClusterScore.Compute(report.ClusterItems, new EventConsolidator().Consolidate(all));
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, EvaluationJsonContext.Default.EvaluationReport));
            return 0;
        }

        var c = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(c, $"documents: {gold.Documents.Count}, gold events: {report.GoldEvents} (+{report.OptionalGoldEvents} optional), predicted: {report.PredictedEvents}"));
        Console.Out.WriteLine(string.Create(c, $"event detection: precision {report.Precision:P1}, recall {report.Recall:P1}, F1 {report.F1:P1} (TP {report.TruePositives}, FP {report.FalsePositives}, FN {report.FalseNegatives})"));
        Console.Out.WriteLine("| field | correct | of | accuracy |");
        Console.Out.WriteLine("|---|---:|---:|---:|");
        foreach ((string name, FieldScore score) in report.Fields)
        {
            Console.Out.WriteLine(string.Create(c, $"| {name} | {score.Correct} | {score.Total} | {score.Accuracy:P1} |"));
        }

        if (report.Clustering is { Items: > 0 } k)
        {
            Console.Out.WriteLine(string.Create(c, $"consolidation: {k.Items} matched events in {k.GoldClusters} gold meetings, {k.PredictedClusters} predicted; pairwise precision {k.PairPrecision:P1}, recall {k.PairRecall:P1}; B-cubed precision {k.BCubedPrecision:P1}, recall {k.BCubedRecall:P1}, F1 {k.BCubedF1:P1}"));
        }

        if (listErrors)
        {
            foreach (string e in report.Errors)
            {
                Console.Out.WriteLine("- " + e);
            }
        }

        return 0;
    }
}
