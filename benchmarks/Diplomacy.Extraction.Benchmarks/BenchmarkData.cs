using System.Text;
using System.Text.Json;

namespace Diplomacy.Extraction.Benchmarks;

/// <summary>Benchmark inputs: the seeds (always) and the shared news dumps (when ../shared is present).</summary>
internal static class BenchmarkData
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Diplomacy.Extraction.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }

    public static string? SharedDir
    {
        get
        {
            string? env = Environment.GetEnvironmentVariable("SHARED_DATA_DIR");
            if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
            {
                return env;
            }

            string candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>All seed articles joined by blank lines.</summary>
    public static string Seeds()
    {
        var sb = new StringBuilder();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepoRoot, "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            sb.Append(File.ReadAllText(file)).Append("\n\n");
        }

        return sb.ToString();
    }

    /// <summary>The texts of a news dump in ../shared/corpora/news (at most <paramref name="maxDocs"/>), or the seeds when absent.</summary>
    public static string[] NewsTexts(string file, int maxDocs)
    {
        string? shared = SharedDir;
        string path = shared is null ? "" : Path.Combine(shared, "corpora", "news", file);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"// {file} not found under ../shared; using the seeds instead");
            return Directory.EnumerateFiles(Path.Combine(RepoRoot, "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        }

        var texts = new List<string>();
        foreach (string line in File.ReadLines(path))
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            texts.Add(doc.RootElement.GetProperty("text").GetString() ?? "");
            if (texts.Count >= maxDocs)
            {
                break;
            }
        }

        return texts.ToArray();
    }

    public static long TotalChars(string[] texts)
    {
        long total = 0;
        foreach (string t in texts)
        {
            total += t.Length;
        }

        return total;
    }
}
