using System.Text.RegularExpressions;

namespace ScheduledMessages.Unit;

/// <summary>
/// The decision records share one shape, their "refines"/"refined by" marks agree with each other,
/// the index lists each as it is, and nothing in the repository points outside it.
/// </summary>
public sealed partial class DecisionRecordTests
{
    private static readonly string Folder = Path.Combine(RepositoryFiles.Root, "docs", "decisions");

    public static TheoryData<string> Records() => [.. Files()];

    private static IEnumerable<string> Files() =>
        Directory.GetFiles(Folder, "*.md").Select(f => Path.GetFileName(f)).Where(f => RecordFile().IsMatch(f)).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Records))]
    public void Each_record_has_the_one_heading_format(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file));

        Assert.Matches(Heading(), lines[0]);
        Assert.Equal(file[..4], Heading().Match(lines[0]).Groups["number"].Value);
        Assert.Equal(string.Empty, lines[1]);
        Assert.Matches(Status(), lines[2]);
        var sections = lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["## Context", "## Decision", "## Consequences"], sections);
    }

    [Fact]
    public void Refines_and_refined_by_name_each_other()
    {
        var marks = Files().ToDictionary(f => f[..4], f => Status().Match(File.ReadAllLines(Path.Combine(Folder, f))[2]));
        Assert.True(marks.Count > 20, $"only {marks.Count} records found");

        foreach (var (number, status) in marks)
        {
            foreach (var older in Numbers(status.Groups["refines"].Value))
            {
                Assert.True(marks.ContainsKey(older), $"{number} refines {older}, which does not exist");
                Assert.Contains(number, Numbers(marks[older].Groups["refinedBy"].Value));
            }

            foreach (var newer in Numbers(status.Groups["refinedBy"].Value))
            {
                Assert.True(marks.ContainsKey(newer), $"{number} is refined by {newer}, which does not exist");
                Assert.Contains(number, Numbers(marks[newer].Groups["refines"].Value));
            }
        }
    }

    [Fact]
    public void The_index_lists_every_record_with_its_title_and_status()
    {
        var index = RepositoryFiles.ReadAllText("docs", "decisions", "README.md");

        foreach (var file in Files())
        {
            var lines = File.ReadAllLines(Path.Combine(Folder, file));
            var title = Heading().Match(lines[0]).Groups["title"].Value;
            Assert.Contains($"| [{file[..4]}]({file}) | {title} | {lines[2]["Status: ".Length..]} |", index, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Nothing_in_the_repository_points_at_the_old_design_documents()
    {
        string[] kinds = ["*.cs", "*.md", "*.sh", "*.csproj", "*.props", "*.json"];
        var offenders = kinds
            .SelectMany(kind => Directory.EnumerateFiles(RepositoryFiles.Root, kind, SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.EndsWith(nameof(DecisionRecordTests) + ".cs", StringComparison.Ordinal))
            .Where(path => OldDocuments().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path))
            .ToList();

        Assert.Empty(offenders);
    }

    private static string[] Numbers(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^\d{4}-[a-z0-9-]+\.md$")]
    private static partial Regex RecordFile();

    [GeneratedRegex(@"^# (?<number>\d{4})\. (?<title>\S.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^Status: accepted \(\d{4}-\d{2}-\d{2}\)(; refined by (?<refinedBy>\d{4}(, \d{4})*))?(; refines (?<refines>\d{4}(, \d{4})*))?$")]
    private static partial Regex Status();

    [GeneratedRegex(@"\b(DESIGN|STYLE)\.md\b")]
    private static partial Regex OldDocuments();
}
