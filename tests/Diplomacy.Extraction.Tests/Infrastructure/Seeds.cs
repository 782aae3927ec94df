using System.Text.Json;

namespace Diplomacy.Extraction.Tests.Infrastructure;

/// <summary>The seed articles with their reference dates (from seeds/seeds.meta.json).</summary>
internal static class Seeds
{
    public sealed record Seed(string Id, string Path, string Text, DateOnly ReferenceDate)
    {
        public override string ToString() => Id;
    }

    private static readonly Lazy<IReadOnlyList<Seed>> AllLazy = new(() =>
    {
        using JsonDocument meta = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(RepoPaths.Seeds, "seeds.meta.json")));
        var list = new List<Seed>();
        foreach (JsonElement d in meta.RootElement.GetProperty("documents").EnumerateArray())
        {
            string file = d.GetProperty("file").GetString()!;
            string path = System.IO.Path.Combine(RepoPaths.Seeds, file);
            list.Add(new Seed(d.GetProperty("id").GetString()!, path, File.ReadAllText(path), DateOnly.Parse(d.GetProperty("referenceDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        }

        return list;
    });

    public static IReadOnlyList<Seed> All => AllLazy.Value;

    public static Seed Get(string prefix) => All.Single(s => s.Id.StartsWith(prefix, StringComparison.Ordinal));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (Seed s in All)
        {
            data.Add(s.Id);
        }

        return data;
    }

    public static DocumentInfo InfoFor(Seed seed) => new() { Id = seed.Id, ReferenceDate = seed.ReferenceDate };
}
