using System.Text.RegularExpressions;

namespace ScheduledMessages.Unit;

/// <summary>
/// Every test the README's Guarantees section names exists, so no promise there is left without
/// the test that backs it.
/// </summary>
public sealed partial class ReadmeGuaranteesTests
{
    public static TheoryData<string> NamedTests()
    {
        var readme = RepositoryFiles.ReadAllText("README.md");
        var start = readme.IndexOf("## Guarantees", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var data = new TheoryData<string>();
        foreach (var name in TestName().Matches(readme[start..end]).Select(m => m.Groups[1].Value).Distinct())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_guarantees_name_their_tests() => Assert.True(NamedTests().Count >= 20);

    [Theory]
    [MemberData(nameof(NamedTests))]
    public void Each_test_the_guarantees_name_exists(string name)
    {
        var slash = name.LastIndexOf('/');
        var folder = name[..slash];
        var (type, method) = (name[(slash + 1)..].Split('.')[0], name[(slash + 1)..].Split('.')[1]);
        var root = RepositoryFiles.Root;
        var files = new[] { "Unit", "Integration" }
            .Select(project => Path.Combine(root, "tests", project, folder))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
            .Select(File.ReadAllText);

        Assert.Contains(
            files,
            text => Regex.IsMatch(text, $@"class {Regex.Escape(type)}\b") && Regex.IsMatch(text, $@"\b{Regex.Escape(method)}\("));
    }

    [GeneratedRegex(@"`((?:[A-Za-z]+/)+[A-Za-z0-9_]+\.[A-Za-z0-9_]+)`")]
    private static partial Regex TestName();
}
