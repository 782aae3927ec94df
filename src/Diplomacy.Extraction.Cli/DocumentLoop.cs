namespace Diplomacy.Extraction.Cli;

/// <summary>
/// The loop the per-stage commands share: read the inputs, run the pipeline on each readable one, write an error record
/// for each unreadable one, so that every input record produces one output.
/// </summary>
internal static class DocumentLoop
{
    public static int Run(string[]? paths, bool jsonl, DateOnly? fallbackReference, Action<InputDocument, ExtractionResult, JsonOutput> write)
    {
        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
        using var output = new JsonOutput(indented: jsonl ? false : null);
        foreach (InputDocument input in InputReader.Read(paths ?? ["seeds"], jsonl))
        {
            if (input.Text is null)
            {
                output.Write(new ErrorRecord(input.Location, "error", input.Error ?? "unreadable"), CliJsonContext.Default.ErrorRecord);
                continue;
            }

            DocumentInfo info = input.Info.ReferenceDate is null && fallbackReference is not null ? input.Info with { ReferenceDate = fallbackReference } : input.Info;
            write(input, pipeline.Extract(input.Text, info), output);
        }

        return 0;
    }
}
