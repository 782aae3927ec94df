using System.CommandLine;
using System.Text.Json.Serialization;
using Diplomacy.Extraction.Entities;

namespace Diplomacy.Extraction.Cli;

/// <summary><c>entities</c>: prints the entities of each document.</summary>
internal static class EntitiesCommand
{
    public static Command Create()
    {
        var command = new Command("entities", "Prints the entities (states, places, organizations, people, roles) of each document as JSON.");
        var paths = new Argument<string[]>("paths")
        {
            Description = "Text files, folders of .txt files, JSONL files (.jsonl, .jsonl.gz) or '-' for standard input.",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["seeds"],
        };
        var jsonl = new Option<bool>("--jsonl") { Description = "Read one {\"text\", \"language\"} per line; write one {\"entities\": [...]} per line." };
        command.Arguments.Add(paths);
        command.Options.Add(jsonl);
        command.SetAction(r => Run(r.GetValue(paths), r.GetValue(jsonl)));
        return command;
    }

    private static int Run(string[]? paths, bool jsonl)
    {
        return DocumentLoop.Run(paths, jsonl, null, (input, result, output) =>
        {
            var list = new List<EntityOutput>(result.Entities.Count);
            foreach (EntityMention e in result.Entities)
            {
                list.Add(new EntityOutput(new SpanOutput(e.Span.Start, e.Span.Length), e.Text, e.Type.ToString(), e.Code, e.Canonical, e.CountryCode, e.Role, e.GeonamesId));
            }

            output.Write(new EntitiesOutput(jsonl ? null : result.DocumentId ?? input.Location, list), EntitiesJsonContext.Default.EntitiesOutput);
        });
    }
}

/// <summary>A span in the original text.</summary>
internal sealed record SpanOutput(int Start, int Length);

/// <summary>One entity of the <c>entities</c> command.</summary>
internal sealed record EntityOutput(SpanOutput Span, string Text, string Type, string? Code, string? Canonical, string? CountryCode, string? Role, long? GeonamesId);

/// <summary>The entities of one document.</summary>
internal sealed record EntitiesOutput(string? Id, IReadOnlyList<EntityOutput> Entities);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EntitiesOutput))]
internal sealed partial class EntitiesJsonContext : JsonSerializerContext;
