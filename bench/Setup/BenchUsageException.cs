namespace ScheduledMessages.Bench.Setup;

/// <summary>The command line asks for something the benchmark does not offer; the message says what.</summary>
public sealed class BenchUsageException(string message) : Exception(message);
