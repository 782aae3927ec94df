using Diplomacy.Extraction;
using Diplomacy.Extraction.Events;

// Build the pipeline once and reuse it for every document (it is immutable and thread-safe).
ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();

const string text = "U.S. and Russian officials are scheduled to meet on Thursday in Istanbul. "
    + "Russian Foreign Minister Sergey Lavrov said arms control will be on the agenda.";
ExtractionResult result = pipeline.Extract(text, new DocumentInfo { Id = "quickstart", ReferenceDate = new DateOnly(2025, 2, 26) });

foreach (DiplomaticEvent e in result.Events)
{
    Console.WriteLine($"event: {e.Kind} {e.Status} [{string.Join(", ", e.Participants.Select(p => p.Name))}] in {e.Location?.City ?? "?"} on {e.Time?.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "?"}");
}

Console.WriteLine($"{result.Events.Count} event(s), language {result.Language}");
