using Diplomacy.Extraction.Text;

namespace Diplomacy.Extraction;

/// <summary>
/// Something the pipeline reports about one document: a repair or removal it made, a limit it hit,
/// or a failure of a stage. Content never throws; it produces diagnostics.
/// </summary>
/// <param name="Code">A stable dotted code such as <c>normalize.invisible</c> or <c>input.truncated</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">A human-readable explanation.</param>
/// <param name="Span">The span of the original text concerned, when there is one.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, TextSpan? Span = null);
