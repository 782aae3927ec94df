using System.Text.Json.Serialization;

namespace Diplomacy.Extraction.Evaluation;

/// <summary>A gold annotation file (the format of <c>gold/FORMAT.md</c>).</summary>
internal sealed class GoldFile
{
    public string? Collection { get; set; }

    public List<GoldDocument> Documents { get; set; } = [];
}

internal sealed class GoldDocument
{
    public string Doc { get; set; } = "";

    public string? Language { get; set; }

    public string? ReferenceDate { get; set; }

    public List<GoldEvent> Events { get; set; } = [];
}

internal sealed class GoldEvent
{
    public string? Kind { get; set; }

    public string Status { get; set; } = "";

    public List<string> StatusAlso { get; set; } = [];

    public bool Optional { get; set; }

    public List<string> Participants { get; set; } = [];

    public List<string> People { get; set; } = [];

    public GoldLocation? Location { get; set; }

    public GoldTime? Time { get; set; }

    public List<string> Topics { get; set; } = [];

    public List<string> TopicsAllowed { get; set; } = [];

    public List<string> ExcludedTopics { get; set; } = [];

    public List<string>? AnnouncedBy { get; set; }

    public string? Cluster { get; set; }

    public string? Evidence { get; set; }
}

internal sealed class GoldLocation
{
    public string? City { get; set; }

    public string? Country { get; set; }
}

internal sealed class GoldTime
{
    public string? Text { get; set; }

    public string Contains { get; set; } = "";

    public int MaxDays { get; set; }
}

/// <summary>Source-generated JSON metadata for gold files and evaluation reports.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(GoldFile))]
[JsonSerializable(typeof(EvaluationReport))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
