namespace ScheduledMessages.Bench;

/// <summary>One <c>--name value</c> option, its default and what it sets.</summary>
public sealed record BenchOption(string Name, string Default, string Meaning);
