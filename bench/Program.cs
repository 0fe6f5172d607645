using ScheduledMessages.Bench.Micro;
using ScheduledMessages.Bench.Scenarios;
using ScheduledMessages.Bench.Setup;

// dotnet run -c Release --project bench -- <scenario> [--name value ...]; figures are printed, never asserted.
return await BenchCommandLine.RunAsync(args, Console.Out, Console.Error, RunAsync);

static async Task RunAsync(BenchArguments arguments)
{
    switch (arguments.Scenario)
    {
        case "throughput":
        case "scaleout":
            await ThroughputScenario.RunAsync(arguments, arguments.Scenario);
            break;
        case "latency":
            await LatencyScenario.RunAsync(arguments);
            break;
        case "limits":
            await LimitsScenario.RunAsync(arguments);
            break;
        case "claim":
            await ClaimScenario.RunAsync(arguments);
            break;
        case "micro":
            MicroBenchmarks.Run();
            break;
        default:
            throw new BenchUsageException($"Unknown scenario '{arguments.Scenario}'.");
    }
}
