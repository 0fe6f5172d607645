using ScheduledMessages.Bot.Hosting;

namespace ScheduledMessages.Unit.Bot;

/// <summary><c>dotnet run --project src/Bot -- --help</c>: a newcomer's first look, printed without starting anything.</summary>
public sealed class BotUsageTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("--HELP")]
    public void A_help_word_anywhere_prints_the_usage(string word)
    {
        var output = new StringWriter();

        var answered = BotUsage.TryWrite(["--Scheduler:PollInterval=00:00:10", word], output);

        Assert.True(answered);
        Assert.Equal(BotUsage.Text + Environment.NewLine, output.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("--Telegram:BotToken=123:abc")]
    [InlineData("--urls http://127.0.0.1:0")]
    [InlineData("--help-me=1")]
    public void Configuration_arguments_start_the_bot(string commandLine)
    {
        var output = new StringWriter();

        Assert.False(BotUsage.TryWrite(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), output));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void The_usage_says_what_happens_with_no_configuration_and_where_the_docs_are()
    {
        Assert.Contains("local console chat", BotUsage.Text, StringComparison.Ordinal);
        Assert.Contains("embedded SQLite", BotUsage.Text, StringComparison.Ordinal);
        Assert.Contains("README.md", BotUsage.Text, StringComparison.Ordinal);
        Assert.Contains("docs/architecture.md", BotUsage.Text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root, "docs", "architecture.md")));
    }

    [Fact]
    public void Every_setting_the_usage_names_is_in_the_usage_text_and_in_the_readme_configuration_table()
    {
        var readme = RepositoryFiles.ReadAllText("README.md");
        var table = readme[readme.IndexOf("## Configuration", StringComparison.Ordinal)..readme.IndexOf("## Commands", StringComparison.Ordinal)];

        Assert.All(BotUsage.MainKeys, key =>
        {
            Assert.Contains(key, BotUsage.Text, StringComparison.Ordinal);
            Assert.Contains("| `" + key + "`", table, StringComparison.Ordinal);
        });
    }
}
