using System.Reflection;
using System.Text;
using Diplomacy.Extraction.DependencyInjection;
using Diplomacy.Extraction.Tests.Infrastructure;

namespace Diplomacy.Extraction.Tests.PublicApi;

/// <summary>
/// Guards the public API: the sorted list of public signatures of the shipped assemblies must equal
/// <c>PublicApi/PublicApi.approved.txt</c>. On a mismatch the test writes <c>PublicApi.received.txt</c> beside it and
/// fails with a diff. To approve a deliberate change: copy the received file over the approved one
/// (or run the test with <c>DIPLOMACY_APPROVE_API=1</c>, which does the copy), review the diff in git, commit.
/// </summary>
public sealed class PublicApiApprovalTests
{
    private static readonly Assembly[] Shipped = [typeof(ExtractionPipeline).Assembly, typeof(DiplomacyExtractor).Assembly];

    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "Diplomacy.Extraction.Tests", "PublicApi");

    [Fact]
    public void PublicApiMatchesApprovedFile()
    {
        string received = string.Concat(Shipped.Select(PublicApiFormatter.Format));
        string approvedPath = Path.Combine(Folder, "PublicApi.approved.txt");
        string receivedPath = Path.Combine(Folder, "PublicApi.received.txt");
        string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable("DIPLOMACY_APPROVE_API") == "1")
        {
            File.WriteAllText(approvedPath, received, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        Assert.Fail(
            $"The public API changed. If the change is deliberate, copy\n  {receivedPath}\nover\n  {approvedPath}\n"
            + "(or run the tests with DIPLOMACY_APPROVE_API=1) and commit it.\n" + LineDiff(approved, received));
    }

    [Fact]
    public void FormatterListsSignaturesWithNullabilityAndDefaults()
    {
        string api = PublicApiFormatter.Format(typeof(ExtractionPipeline).Assembly);
        Assert.Contains("Diplomacy.Extraction.ExtractionPipeline : public sealed class", api, StringComparison.Ordinal);
        Assert.Contains(
            "Diplomacy.Extraction.ExtractionPipeline :: public Diplomacy.Extraction.ExtractionResult Extract(string text, Diplomacy.Extraction.DocumentInfo? info = default, System.Threading.CancellationToken cancellationToken = default)",
            api,
            StringComparison.Ordinal);
        Assert.Contains("Diplomacy.Extraction.DocumentInfo :: public DateOnly? ReferenceDate { public get; public init; }", api, StringComparison.Ordinal);
        Assert.DoesNotContain("ResourceLoader", api, StringComparison.Ordinal); // internal types stay out
        Assert.DoesNotContain("<Clone>$", api, StringComparison.Ordinal);
    }

    /// <summary>A readable diff of two sorted line lists: lines only in the approved file (-) and only in the received one (+).</summary>
    private static string LineDiff(string approved, string received)
    {
        var before = approved.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var after = received.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (string line in before.Where(l => !after.Contains(l)).Order(StringComparer.Ordinal))
        {
            sb.Append("- ").Append(line).Append('\n');
        }

        foreach (string line in after.Where(l => !before.Contains(l)).Order(StringComparer.Ordinal))
        {
            sb.Append("+ ").Append(line).Append('\n');
        }

        return sb.ToString();
    }
}
