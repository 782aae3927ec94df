namespace Diplomacy.Extraction.DependencyInjection;

/// <summary>
/// The options bound by <see cref="Microsoft.Extensions.DependencyInjection.DiplomacyExtractionServiceCollectionExtensions.AddDiplomacyExtraction"/>.
/// They are validated when the host starts (or when the pipeline is first resolved), not when they are set.
/// </summary>
public sealed class DiplomacyExtractionOptions
{
    /// <summary>
    /// The pipeline options. <see cref="ExtractionOptions"/> is immutable: change it with a <c>with</c> expression,
    /// e.g. <c>o.Extraction = o.Extraction with { MaxDocumentLength = 100_000 }</c>.
    /// Its <see cref="ExtractionOptions.ReferenceClock"/> is replaced by the registered <see cref="TimeProvider"/>
    /// when <see cref="UseTimeProviderAsReferenceClock"/> is set.
    /// </summary>
    public ExtractionOptions Extraction { get; set; } = new();

    /// <summary>
    /// Whether documents without a reference date are resolved against today's date of the <see cref="TimeProvider"/>
    /// registered in the container (<see cref="TimeProvider.System"/> unless you registered another one).
    /// Default <see langword="false"/>: such documents keep their time expressions unresolved, which keeps runs reproducible.
    /// </summary>
    public bool UseTimeProviderAsReferenceClock { get; set; }

    /// <summary>
    /// The least severe diagnostic that <see cref="DiplomacyExtractor"/> logs.
    /// Default <see cref="DiagnosticSeverity.Info"/> (all of them; info diagnostics are logged at debug level).
    /// </summary>
    public DiagnosticSeverity MinimumLoggedSeverity { get; set; } = DiagnosticSeverity.Info;
}
