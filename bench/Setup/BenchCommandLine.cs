namespace ScheduledMessages.Bench.Setup;

/// <summary>
/// Reads the command line and runs the scenario it names: <c>help</c>, <c>--help</c> or <c>-h</c> print
/// the usage (exit 0); a command line the benchmark cannot read prints what is wrong and the usage
/// on standard error (exit 2).
/// </summary>
public static class BenchCommandLine
{
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<BenchArguments, Task> run)
    {
        try
        {
            var arguments = BenchArguments.Parse(args);
            if (arguments.IsHelp)
            {
                await output.WriteAsync(Usage.Text);
                return 0;
            }

            await run(arguments);
            return 0;
        }
        catch (BenchUsageException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync();
            await error.WriteAsync(Usage.Text);
            return UsageError;
        }
    }
}
