using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ScheduledMessages.Bench.Micro;

/// <summary>
/// Runs the BenchmarkDotNet micro-benchmarks in this process (no generated project to build, so the
/// repository's warnings-as-errors never meets generated code), short runs, time and allocations.
/// </summary>
public static class MicroBenchmarks
{
    public static void Run()
    {
        Report.Heading("micro: BenchmarkDotNet, command parsing and next occurrence");
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkRunner.Run([typeof(ParserBenchmarks), typeof(RecurrenceBenchmarks)], config);
    }
}
