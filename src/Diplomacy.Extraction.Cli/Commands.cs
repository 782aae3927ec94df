using System.CommandLine;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Cli;

/// <summary>The <c>diplomacy-extract</c> command tree.</summary>
internal static class Commands
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Extracts diplomatic meeting events from news text. Without a subcommand: 'extract' on the given paths (default: seeds).");
        var (rootPaths, rootJsonl, rootReference) = AddExtractOptions(root);
        root.SetAction(r => Extract(r.GetValue(rootPaths), r.GetValue(rootJsonl), r.GetValue(rootReference)));

        var extract = new Command("extract", "Runs the whole pipeline and prints one JSON object per document.");
        var (paths, jsonl, reference) = AddExtractOptions(extract);
        extract.SetAction(r => Extract(r.GetValue(paths), r.GetValue(jsonl), r.GetValue(reference)));
        root.Subcommands.Add(extract);

        var normalize = new Command("normalize", "Prints the normalized text; with --json also the repairs and removals with their original spans.");
        var normPaths = PathsArgument();
        var normJson = new Option<bool>("--json") { Description = "Print JSON {text, changes} instead of plain text." };
        var normJsonl = new Option<bool>("--jsonl") { Description = "Read one {\"text\": ...} per line; write one {\"text\", \"changes\"} per line." };
        normalize.Arguments.Add(normPaths);
        normalize.Options.Add(normJson);
        normalize.Options.Add(normJsonl);
        normalize.SetAction(r => Normalize(r.GetValue(normPaths), r.GetValue(normJson), r.GetValue(normJsonl)));
        root.Subcommands.Add(normalize);

        var tokens = new Command("tokens", "Prints the tokens of the normalized text as JSON (a debugging aid).");
        var tokPaths = PathsArgument();
        var tokJsonl = new Option<bool>("--jsonl") { Description = "Read JSON Lines input." };
        tokens.Arguments.Add(tokPaths);
        tokens.Options.Add(tokJsonl);
        tokens.SetAction(r => Tokens(r.GetValue(tokPaths), r.GetValue(tokJsonl)));
        root.Subcommands.Add(tokens);
        root.Subcommands.Add(EntitiesCommand.Create());
        root.Subcommands.Add(DatesCommand.Create());
        root.Subcommands.Add(LanguageCommand.Create());

        root.Subcommands.Add(EvalCommand.Create());
        return root;
    }

    private static Argument<string[]> PathsArgument() => new("paths")
    {
        Description = "Text files, folders of .txt files, JSONL files (.jsonl, .jsonl.gz) or '-' for standard input.",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => ["seeds"],
    };

    private static (Argument<string[]> Paths, Option<bool> Jsonl, Option<string?> Reference) AddExtractOptions(Command command)
    {
        var paths = PathsArgument();
        var jsonl = new Option<bool>("--jsonl") { Description = "Read JSON Lines: {\"id\", \"text\", \"date\", \"source\", \"language\"} per line (only text is required)." };
        var reference = new Option<string?>("--reference") { Description = "Reference date (yyyy-MM-dd) for documents that have none." };
        command.Arguments.Add(paths);
        command.Options.Add(jsonl);
        command.Options.Add(reference);
        return (paths, jsonl, reference);
    }

    private static int Extract(string[]? paths, bool jsonl, string? reference)
    {
        DateOnly? fallback = InputReader.ParseDate(reference);
        if (reference is not null && fallback is null)
        {
            Console.Error.WriteLine($"error: --reference '{reference}' is not a date in yyyy-MM-dd form.");
            return 2;
        }

        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
        using var output = new JsonOutput();
        int records = 0, ok = 0, errors = 0;
        foreach (InputDocument input in InputReader.Read(paths ?? ["seeds"], jsonl))
        {
            records++;
            if (input.Text is null)
            {
                errors++;
                output.Write(new ErrorRecord(input.Location, "error", input.Error ?? "unreadable"), CliJsonContext.Default.ErrorRecord);
                continue;
            }

            DocumentInfo info = input.Info.ReferenceDate is null && fallback is not null ? input.Info with { ReferenceDate = fallback } : input.Info;
            ExtractionResult result = pipeline.Extract(input.Text, info);
            output.Write(result, DiplomacyJsonContext.Default.ExtractionResult);
            if (result.HasErrors)
            {
                errors++;
            }
            else
            {
                ok++;
            }
        }

        Console.Error.WriteLine($"records in: {records}, records out: {ok + errors} (ok {ok}, with errors {errors})");
        return 0;
    }

    private static int Normalize(string[]? paths, bool json, bool jsonl)
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

            ExtractionResult result = pipeline.Extract(input.Text, input.Info);
            if (json || jsonl)
            {
                output.Write(new NormalizeOutput(result.DocumentId, result.Text.Normalized, result.Diagnostics.Where(d => d.Code.StartsWith("normalize.", StringComparison.Ordinal)).ToList()), CliJsonContext.Default.NormalizeOutput);
            }
            else
            {
                Console.Out.WriteLine(result.Text.Normalized);
            }
        }

        return 0;
    }

    private static int Tokens(string[]? paths, bool jsonl)
    {
        ExtractionPipeline pipeline = ExtractionPipeline.CreateDefault();
        using var output = new JsonOutput();
        foreach (InputDocument input in InputReader.Read(paths ?? ["seeds"], jsonl))
        {
            if (input.Text is null)
            {
                output.Write(new ErrorRecord(input.Location, "error", input.Error ?? "unreadable"), CliJsonContext.Default.ErrorRecord);
                continue;
            }

            ExtractionResult result = pipeline.Extract(input.Text, input.Info);
            string text = result.Text.Normalized;
            var list = new List<TokenOutput>();
            foreach (Token token in Tokenizer.Enumerate(text))
            {
                list.Add(new TokenOutput(result.Text.ToOriginal(token.Span), text.Substring(token.Start, token.Length), token.Kind.ToString()));
            }

            output.Write(new TokensOutput(result.DocumentId, list), CliJsonContext.Default.TokensOutput);
        }

        return 0;
    }
}
