using ScheduledMessages.Bench;
using ScheduledMessages.Bench.Setup;

namespace ScheduledMessages.Unit.Bench;

/// <summary>The benchmark's command line, read in process: help, unknown options, the scenario run.</summary>
public sealed class BenchCommandLineTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("throughput", "--help")]
    public async Task Help_prints_the_usage_and_exits_0_without_running_a_scenario(params string[] args)
    {
        var (exit, output, error, ran) = await RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Equal(Usage.Text, output);
        Assert.Empty(error);
        Assert.Null(ran);
    }

    [Fact]
    public void The_usage_lists_every_scenario_and_each_of_its_options()
    {
        Assert.All(Usage.Scenarios, scenario =>
        {
            var section = Usage.Text[Usage.Text.IndexOf("\n  " + scenario.Name + "  ", StringComparison.Ordinal)..];
            Assert.All(scenario.Options, option => Assert.Contains("--" + option.Name, section, StringComparison.Ordinal));
        });
    }

    [Theory]
    [InlineData("Unknown option '--bogus' for throughput.", "throughput", "--bogus", "1")]
    [InlineData("Unknown option '--rows' for latency.", "latency", "--rows", "10")]
    [InlineData("Unknown scenario 'fastest'.", "fastest")]
    [InlineData("Expected '--name value' at 'messages'.", "throughput", "messages", "10")]
    [InlineData("--messages needs a value.", "throughput", "--messages")]
    [InlineData("Name a scenario.")]
    [InlineData("Name a scenario before the options (got '--messages').", "--messages", "10", "throughput")]
    public async Task A_command_line_it_cannot_read_prints_the_problem_and_the_usage_and_exits_non_zero(string problem, params string[] args)
    {
        var (exit, output, error, ran) = await RunAsync(args);

        Assert.Equal(BenchCommandLine.UsageError, exit);
        Assert.Empty(output);
        Assert.StartsWith(problem + Environment.NewLine, error, StringComparison.Ordinal);
        Assert.EndsWith(Usage.Text, error, StringComparison.Ordinal);
        Assert.Null(ran);
    }

    [Fact]
    public async Task A_bad_value_found_while_the_scenario_reads_it_is_a_usage_error_too()
    {
        var (exit, _, error, _) = await RunAsync(["claim", "--rows", "10,many"], arguments => arguments.Ints("rows", []));

        Assert.Equal(BenchCommandLine.UsageError, exit);
        Assert.StartsWith("--rows must be a whole number (got 'many').", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_runs_with_its_options()
    {
        var (exit, _, error, ran) = await RunAsync(["Limits", "--chats", "600", "--BUSY-chats", "0"]);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.NotNull(ran);
        Assert.Equal("limits", ran.Scenario);
        Assert.Equal(600, ran.Number("chats", 1200));
        Assert.Equal(0, ran.Number("busy-chats", 10));
        Assert.Equal(10, ran.Number("per-busy-chat", 10));
    }

    private static async Task<(int Exit, string Output, string Error, BenchArguments? Ran)> RunAsync(string[] args, Action<BenchArguments>? read = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        BenchArguments? ran = null;
        var exit = await BenchCommandLine.RunAsync(args, output, error, arguments =>
        {
            read?.Invoke(arguments);
            ran = arguments;
            return Task.CompletedTask;
        });
        return (exit, output.ToString(), error.ToString(), ran);
    }
}
