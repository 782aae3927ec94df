using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction.Cli;

/// <summary>A document that could not be read or processed.</summary>
internal sealed record ErrorRecord(string Location, string Status, string Error);

/// <summary>The output of <c>normalize --json</c>.</summary>
internal sealed record NormalizeOutput(string? Id, string Text, IReadOnlyList<Diagnostic> Changes);

/// <summary>The output of <c>tokens</c>.</summary>
internal sealed record TokenOutput(TextSpan Span, string Text, string Kind);

/// <summary>The output of <c>tokens</c> for one document.</summary>
internal sealed record TokensOutput(string? Id, IReadOnlyList<TokenOutput> Tokens);
