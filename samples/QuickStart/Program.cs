using Diplomacy.Extraction;

// Build the pipeline once and reuse it for every document (it is immutable and thread-safe).
ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();

const string text = "U.S. and Russian officials are scheduled to meet on Thursday in Istanbul. "
    + "Russian Foreign Minister Sergey Lavrov said arms control will be on the agenda.";
ExtractionResult result = pipeline.Extract(text, new DocumentInfo { Id = "quickstart", ReferenceDate = new DateOnly(2025, 2, 26) });

Console.WriteLine($"language: {result.Language}");
foreach (Sentence sentence in result.Sentences)
{
    Console.WriteLine($"[{sentence.Span.Start}..{sentence.Span.End}) {sentence.Text}");
}
