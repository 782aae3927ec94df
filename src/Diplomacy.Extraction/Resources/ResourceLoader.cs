using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Diplomacy.Extraction.Resources;

/// <summary>Reads the per-language data embedded in the assembly (<c>Resources/&lt;lang&gt;/&lt;name&gt;</c>).</summary>
internal static class ResourceLoader
{
    private static readonly Assembly Assembly = typeof(ResourceLoader).Assembly;

    /// <summary>Languages that have a resource of the given file name.</summary>
    public static IReadOnlyList<string> LanguagesWith(string fileName)
    {
        const string prefix = "Diplomacy.Extraction.Resources.";
        var result = new List<string>();
        foreach (string name in Assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith("." + fileName, StringComparison.Ordinal))
            {
                string middle = name[prefix.Length..^(fileName.Length + 1)];
                if (middle.Length == 2)
                {
                    result.Add(middle);
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>Opens a resource, or returns <see langword="null"/> when the language has none.</summary>
    public static Stream? TryOpen(string language, string fileName) =>
        Assembly.GetManifestResourceStream($"Diplomacy.Extraction.Resources.{language}.{fileName}");

    /// <summary>Opens a language-independent resource at <c>Resources/&lt;fileName&gt;</c>.</summary>
    public static Stream Open(string fileName) =>
        Assembly.GetManifestResourceStream($"Diplomacy.Extraction.Resources.{fileName}")
        ?? throw new InvalidOperationException($"Embedded resource '{fileName}' is missing from the assembly.");

    /// <summary>Reads a JSON resource of a language; <see langword="null"/> when absent. Corrupt data throws.</summary>
    public static T? TryReadJson<T>(string language, string fileName, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        using Stream? stream = TryOpen(language, fileName);
        if (stream is null)
        {
            return null;
        }

        return JsonSerializer.Deserialize(stream, typeInfo)
            ?? throw new InvalidDataException($"Embedded resource '{language}/{fileName}' is empty.");
    }
}
