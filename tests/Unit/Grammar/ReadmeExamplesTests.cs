using System.Text.RegularExpressions;
using NodaTime;
using ScheduledMessages.Grammar;

namespace ScheduledMessages.Unit.Grammar;

/// <summary>Every /schedule example in the README parses, so the documented grammar stays true.</summary>
public sealed partial class ReadmeExamplesTests
{
    private static readonly ZonedDateTime Now = new LocalDateTime(2026, 3, 10, 14, 30).InUtc();

    public static TheoryData<string> Examples()
    {
        var readme = File.ReadAllText(FindReadme());
        var start = readme.IndexOf("### `/schedule` grammar", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start, StringComparison.Ordinal);
        var section = readme[start..end];
        var data = new TheoryData<string>();
        foreach (var row in section.Split('\n').Where(l => l.StartsWith('|') && !l.StartsWith("|---", StringComparison.Ordinal) && !l.StartsWith("| when", StringComparison.Ordinal)))
        {
            var examples = row.Split('|', StringSplitOptions.RemoveEmptyEntries)[1];
            foreach (Match example in Backticked().Matches(examples))
            {
                data.Add(example.Groups[1].Value);
            }
        }

        foreach (Match command in ScheduleCommandExample().Matches(section))
        {
            data.Add(command.Groups[1].Value);
        }

        return data;
    }

    [Fact]
    public void The_readme_has_examples_for_every_kind_of_schedule() => Assert.True(Examples().Count >= 30);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_readme_example_parses(string example)
    {
        var result = ScheduleParser.Parse(example, Now);

        Assert.True(result.IsSuccess, $"'{example}': {result.Error?.Message}");
        Assert.False(string.IsNullOrWhiteSpace(result.Value.Content));
    }

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "ScheduledMessages.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md next to ScheduledMessages.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex("`/schedule ([^`]+)`")]
    private static partial Regex ScheduleCommandExample();
}
