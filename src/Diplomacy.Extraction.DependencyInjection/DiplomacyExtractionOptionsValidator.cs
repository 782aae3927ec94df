using Microsoft.Extensions.Options;

namespace Diplomacy.Extraction.DependencyInjection;

/// <summary>
/// Validates <see cref="DiplomacyExtractionOptions"/> with the same rules as <see cref="ExtractionPipelineBuilder.Build"/>,
/// so a bad configuration fails the host at startup with the option's name in the message.
/// </summary>
internal sealed class DiplomacyExtractionOptionsValidator : IValidateOptions<DiplomacyExtractionOptions>
{
    public ValidateOptionsResult Validate(string? name, DiplomacyExtractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Extraction is null)
        {
            return ValidateOptionsResult.Fail("DiplomacyExtractionOptions.Extraction must not be null.");
        }

        if (!Enum.IsDefined(options.MinimumLoggedSeverity))
        {
            return ValidateOptionsResult.Fail($"DiplomacyExtractionOptions.MinimumLoggedSeverity '{options.MinimumLoggedSeverity}' is not a defined severity.");
        }

        try
        {
            // The builder owns the rules; building is cheap because the stages share their loaded data.
            _ = new ExtractionPipelineBuilder().WithOptions(options.Extraction).Build();
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"DiplomacyExtractionOptions.Extraction is invalid: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
