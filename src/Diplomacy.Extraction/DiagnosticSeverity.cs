namespace Diplomacy.Extraction;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something the pipeline did to the text (a repair, a removal); nothing is wrong.</summary>
    Info,

    /// <summary>The result may be incomplete (input truncated, language undetermined, a limit reached).</summary>
    Warning,

    /// <summary>A stage failed on this document; its output is missing from the result.</summary>
    Error,
}
