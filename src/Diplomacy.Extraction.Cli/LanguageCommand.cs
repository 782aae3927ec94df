using System.CommandLine;
using System.Text;
using System.Text.Json.Serialization;
using Diplomacy.Extraction.LanguageDetection;

namespace Diplomacy.Extraction.Cli;

/// <summary>
/// <c>diplomacy-extract language FILE...</c>: the language of each document (with other-language paragraphs);
/// <c>--lines FILE</c>: one text per line in, one JSON object per line out.
/// </summary>
internal static class LanguageCommand
{
    public static Command Create()
    {
        var command = new Command("language", "Detects the language of each document, or with --lines of each line: {\"language\", \"confidence\", \"alternatives\"}.");
        var paths = new Argument<string[]>("paths")
        {
            Description = "Text files, folders, JSONL files or '-' for standard input.",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["seeds"],
        };
        var lines = new Option<bool>("--lines") { Description = "Treat every line of the input as one text; print one JSON object per line." };
        var languages = new Option<string?>("--languages") { Description = "Comma-separated candidate languages (ISO 639-1), e.g. en,de. Default: all." };
        var hint = new Option<string?>("--hint") { Description = "A language hint (ISO 639-1), weighed like document metadata." };
        var jsonl = new Option<bool>("--jsonl") { Description = "Read JSON Lines input (documents mode)." };
        command.Arguments.Add(paths);
        command.Options.Add(lines);
        command.Options.Add(languages);
        command.Options.Add(hint);
        command.Options.Add(jsonl);
        command.SetAction(r => Run(r.GetValue(paths) ?? ["seeds"], r.GetValue(lines), r.GetValue(languages), r.GetValue(hint), r.GetValue(jsonl)));
        return command;
    }

    private static int Run(string[] paths, bool lines, string? languages, string? hint, bool jsonl)
    {
        LanguageDetector detector = LanguageDetector.Default;
        string[] codes = string.IsNullOrWhiteSpace(languages) ? [] : languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string code in codes)
        {
            if (!detector.KnownLanguages.Contains(code))
            {
                Console.Error.WriteLine($"error: unknown language '{code}' in --languages.");
                return 2;
            }
        }

        CandidateSet candidates = detector.CreateCandidates(codes);
        using var output = new JsonOutput(indented: lines ? false : null);
        if (lines)
        {
            foreach (string path in paths)
            {
                using TextReader reader = path == "-" ? Console.In : new StreamReader(path, Encoding.UTF8);
                while (reader.ReadLine() is { } line)
                {
                    LanguageGuess guess = detector.Detect(line, candidates, hint);
                    output.Write(new LanguageLine(guess.Language, Math.Round(guess.Confidence, 4), guess.Alternatives), LanguageJsonContext.Default.LanguageLine);
                }
            }

            return 0;
        }

        foreach (InputDocument input in InputReader.Read(paths, jsonl))
        {
            if (input.Text is null)
            {
                output.Write(new ErrorRecord(input.Location, "error", input.Error ?? "unreadable"), CliJsonContext.Default.ErrorRecord);
                continue;
            }

            DocumentLanguage result = detector.DetectDocument(input.Text, candidates, hint ?? input.Info.LanguageHint);
            var others = new List<LanguageSpan>();
            foreach ((int start, int length, string language, double confidence) in result.Others)
            {
                others.Add(new LanguageSpan(new Text.TextSpan(start, length), language, Math.Round(confidence, 4)));
            }

            output.Write(new LanguageDocument(input.Info.Id, result.Main.Language, Math.Round(result.Main.Confidence, 4), result.Main.Alternatives, others), LanguageJsonContext.Default.LanguageDocument);
        }

        return 0;
    }
}

/// <summary>The output of <c>language --lines</c> for one line.</summary>
internal sealed record LanguageLine(string Language, double Confidence, IReadOnlyList<LanguageScore> Alternatives);

/// <summary>The output of <c>language</c> for one document.</summary>
internal sealed record LanguageDocument(string? Id, string Language, double Confidence, IReadOnlyList<LanguageScore> Alternatives, IReadOnlyList<LanguageSpan> OtherLanguages);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LanguageLine))]
[JsonSerializable(typeof(LanguageDocument))]
internal sealed partial class LanguageJsonContext : JsonSerializerContext;
