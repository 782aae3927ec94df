using Diplomacy.Extraction;
using Diplomacy.Extraction.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Diplomacy.Extraction pipeline in an <see cref="IServiceCollection"/>.</summary>
public static class DiplomacyExtractionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ExtractionPipeline"/> as a singleton (it is immutable and thread-safe), its
    /// <see cref="DiplomacyExtractionOptions"/> with validation at startup, the logging <see cref="DiplomacyExtractor"/>, and <see cref="TimeProvider.System"/>
    /// unless a <see cref="TimeProvider"/> is already registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options; optional.</param>
    /// <returns>The options builder, for further configuration (e.g. <c>.BindConfiguration("Extraction")</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static OptionsBuilder<DiplomacyExtractionOptions> AddDiplomacyExtraction(
        this IServiceCollection services,
        Action<DiplomacyExtractionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<DiplomacyExtractionOptions> builder = services.AddOptions<DiplomacyExtractionOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiplomacyExtractionOptions>, DiplomacyExtractionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CreatePipeline);
        services.TryAddSingleton<DiplomacyExtractor>();
        return builder;
    }

    private static ExtractionPipeline CreatePipeline(IServiceProvider provider)
    {
        DiplomacyExtractionOptions options = provider.GetRequiredService<IOptions<DiplomacyExtractionOptions>>().Value;
        ExtractionOptions extraction = options.Extraction;
        if (options.UseTimeProviderAsReferenceClock)
        {
            extraction = extraction with { ReferenceClock = provider.GetRequiredService<TimeProvider>() };
        }

        return new ExtractionPipelineBuilder().WithOptions(extraction).Build();
    }
}
