using System.CommandLine;
using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Cli;

/// <summary>The <c>diplomacy-extract</c> command tree.</summary>
internal static class Commands
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Extracts diplomatic meeting events from news text. Without a subcommand: 'extract' on the given paths (default: seeds).");
        ExtractCommand.AddTo(root);
        root.Subcommands.Add(ExtractCommand.Create());

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
        root.Subcommands.Add(ConsolidateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }

    private static Argument<string[]> PathsArgument() => new("paths")
    {
        Description = "Text files, folders of .txt files, JSONL files (.jsonl, .jsonl.gz) or '-' for standard input.",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => ["seeds"],
    };

    private static int Normalize(string[]? paths, bool json, bool jsonl)
    {
        return DocumentLoop.Run(paths, jsonl, null, (_, result, output) =>
        {
            if (json || jsonl)
            {
                output.Write(new NormalizeOutput(result.DocumentId, result.Text.Normalized, result.Diagnostics.Where(d => d.Code.StartsWith("normalize.", StringComparison.Ordinal)).ToList()), CliJsonContext.Default.NormalizeOutput);
            }
            else
            {
                Console.Out.WriteLine(result.Text.Normalized);
            }
        });
    }

    private static int Tokens(string[]? paths, bool jsonl)
    {
        return DocumentLoop.Run(paths, jsonl, null, (_, result, output) =>
        {
            string text = result.Text.Normalized;
            var list = new List<TokenOutput>();
            foreach (Token token in Tokenizer.Enumerate(text))
            {
                list.Add(new TokenOutput(result.Text.ToOriginal(token.Span), text.Substring(token.Start, token.Length), token.Kind.ToString()));
            }

            output.Write(new TokensOutput(result.DocumentId, list), CliJsonContext.Default.TokensOutput);
        });
    }
}
