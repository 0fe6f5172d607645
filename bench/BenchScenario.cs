namespace ScheduledMessages.Bench;

/// <summary>One scenario of the benchmark and the options it reads.</summary>
public sealed record BenchScenario(string Name, string Summary, IReadOnlyList<BenchOption> Options)
{
    public bool Accepts(string option) => Options.Any(o => string.Equals(o.Name, option, StringComparison.OrdinalIgnoreCase));
}
