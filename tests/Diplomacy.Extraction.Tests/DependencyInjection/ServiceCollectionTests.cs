using Diplomacy.Extraction.DependencyInjection;
using Diplomacy.Extraction.DependencyInjection.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Diplomacy.Extraction.Tests.DependencyInjection;

public sealed class ServiceCollectionTests
{
    private const string Text = "Russian Foreign Minister Sergey Lavrov will meet U.S. Secretary of State Marco Rubio in Riyadh on Tuesday.";

    [Fact]
    public void RegistersOneConfiguredPipeline()
    {
        var services = new ServiceCollection();
        services.AddDiplomacyExtraction(o => o.Extraction = o.Extraction with { MaxDocumentLength = 5_000, CandidateLanguages = ["en", "de"] });
        using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        ExtractionPipeline pipeline = provider.GetRequiredService<ExtractionPipeline>();
        Assert.Same(pipeline, provider.GetRequiredService<ExtractionPipeline>());
        Assert.Equal(5_000, pipeline.Options.MaxDocumentLength);
        Assert.Equal(["en", "de"], pipeline.Options.CandidateLanguages);
        Assert.Null(pipeline.Options.ReferenceClock); // the clock is opt-in
        Assert.Same(pipeline, provider.GetRequiredService<DiplomacyExtractor>().Pipeline);
        Assert.NotEmpty(pipeline.Extract(Text, new DocumentInfo { ReferenceDate = new DateOnly(2025, 2, 17) }).Events);
    }

    [Fact]
    public void InvalidOptionsFailAtStartupValidationWithTheOptionName()
    {
        var services = new ServiceCollection();
        services.AddDiplomacyExtraction(o => o.Extraction = o.Extraction with { MaxDocumentLength = 0 });
        using ServiceProvider provider = services.BuildServiceProvider();

        // What the generic host runs at start (ValidateOnStart) ...
        var startup = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("MaxDocumentLength", startup.Message, StringComparison.Ordinal);

        // ... and without a host, resolving the pipeline fails the same way.
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ExtractionPipeline>());
    }

    [Fact]
    public void BadLanguageCodeIsRejected()
    {
        var services = new ServiceCollection();
        services.AddDiplomacyExtraction(o => o.Extraction = o.Extraction with { CandidateLanguages = ["English"] });
        using ServiceProvider provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("CandidateLanguages", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegisteredTimeProviderBecomesTheReferenceClockOnlyWhenOptedIn()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 2, 17, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddDiplomacyExtraction(o => o.UseTimeProviderAsReferenceClock = true);
        using ServiceProvider provider = services.BuildServiceProvider();

        ExtractionPipeline pipeline = provider.GetRequiredService<ExtractionPipeline>();
        Assert.Same(clock, pipeline.Options.ReferenceClock);
        ExtractionResult result = pipeline.Extract(Text); // no reference date: "Tuesday" resolves against the clock
        Assert.Contains(result.TimeExpressions, t => t.Start == new DateOnly(2025, 2, 18));

        var withoutOptIn = new ServiceCollection();
        withoutOptIn.AddSingleton<TimeProvider>(clock);
        withoutOptIn.AddDiplomacyExtraction();
        using ServiceProvider provider2 = withoutOptIn.BuildServiceProvider();
        Assert.Null(provider2.GetRequiredService<ExtractionPipeline>().Options.ReferenceClock);
    }

    [Fact]
    public void ExtractorLogsDiagnosticsAtMappedLevels()
    {
        var logger = new RecordingLogger();
        var services = new ServiceCollection();
        services.AddSingleton<ILogger<DiplomacyExtractor>>(logger);
        services.AddDiplomacyExtraction(o => o.Extraction = o.Extraction with { MaxDocumentLength = 40 });
        using ServiceProvider provider = services.BuildServiceProvider();

        ExtractionResult result = provider.GetRequiredService<DiplomacyExtractor>().Extract(Text, new DocumentInfo { Id = "doc-7" });

        Assert.Contains(result.Diagnostics, d => d.Code == "input.truncated");
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("doc-7: input.truncated", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("doc-7: language", StringComparison.Ordinal));
    }

    [Fact]
    public void MinimumSeverityFiltersLoggedDiagnostics()
    {
        var logger = new RecordingLogger();
        ExtractionPipeline pipeline = new ExtractionPipelineBuilder().Configure(o => o with { MaxDocumentLength = 40 }).Build();
        pipeline.ExtractAndLog(logger, Text, new DocumentInfo { Id = "x" }, DiagnosticSeverity.Error);
        Assert.DoesNotContain(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Single(logger.Entries); // only the debug summary
    }

    [Fact]
    public void ExtractorWorksWithoutLogging()
    {
        var services = new ServiceCollection();
        services.AddDiplomacyExtraction();
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Equal("en", provider.GetRequiredService<DiplomacyExtractor>().Extract(Text).Language);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private sealed class RecordingLogger : ILogger<DiplomacyExtractor>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
