namespace Diplomacy.Extraction.Tests.Infrastructure;

/// <summary>Finds the repository root, its seeds and the optional ../shared data folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Diplomacy.Extraction.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root (Diplomacy.Extraction.sln) not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootLazy.Value;

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The shared data folder (SHARED_DATA_DIR, or ../shared beside the repository), or null when absent.</summary>
    public static string? Shared
    {
        get
        {
            string? env = Environment.GetEnvironmentVariable("SHARED_DATA_DIR");
            if (!string.IsNullOrEmpty(env) && File.Exists(Path.Combine(env, "README.md")))
            {
                return env;
            }

            string candidate = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return File.Exists(Path.Combine(candidate, "README.md")) ? candidate : null;
        }
    }

    public static string SharedSkipReason => "../shared (the project's data folder) is absent; set SHARED_DATA_DIR or place it beside the repository. CI has it.";

    public static IEnumerable<string> SeedFiles() => Directory.EnumerateFiles(Seeds, "*.txt").Order(StringComparer.Ordinal);
}
