using Diplomacy.Extraction;
using Diplomacy.Extraction.DependencyInjection;
using Diplomacy.Extraction.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A generic host that registers the pipeline, validates its options at startup and logs each document's diagnostics.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.Services.AddDiplomacyExtraction(options =>
{
    options.Extraction = options.Extraction with { MaxDocumentLength = 200_000, CandidateLanguages = ["en", "de"] };
    options.UseTimeProviderAsReferenceClock = false; // keep runs reproducible: pass reference dates explicitly
});

using IHost host = builder.Build();
await host.StartAsync().ConfigureAwait(false); // runs the options validation (ValidateOnStart)

DiplomacyExtractor extractor = host.Services.GetRequiredService<DiplomacyExtractor>();
ILogger logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DependencyInjection");
string[] documents =
[
    "Chinese President Xi Jinping will visit Moscow next week for talks with Vladimir Putin, the Kremlin said on Monday.",
    "Bundeskanzler Olaf Scholz trifft am Freitag in Paris den französischen Präsidenten Emmanuel Macron.",
];

int i = 0;
foreach (string text in documents)
{
    ExtractionResult result = extractor.Extract(text, new DocumentInfo { Id = $"doc-{++i}", ReferenceDate = new DateOnly(2023, 3, 13) });
    foreach (DiplomaticEvent e in result.Events)
    {
        Log.Event(logger, result.DocumentId, e.Kind, e.Status, e.Participants.Count, e.Location?.City);
    }
}

await host.StopAsync().ConfigureAwait(false);

/// <summary>Source-generated log messages of the sample.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{DocumentId}: {Kind} ({Status}), {ParticipantCount} participants, in {City}")]
    public static partial void Event(ILogger logger, string? documentId, EventKind kind, EventStatus status, int participantCount, string? city);
}
