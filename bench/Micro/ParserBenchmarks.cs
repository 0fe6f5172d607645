using BenchmarkDotNet.Attributes;
using NodaTime;
using ScheduledMessages.Bot.Commands.Parsing;

namespace ScheduledMessages.Bench.Micro;

/// <summary>How long turning a /schedule command's text into a schedule takes, and what it allocates.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private static readonly ZonedDateTime Now = Instant.FromUtc(2030, 1, 7, 10, 0).InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]);

    [Params(
        "tomorrow 09:00 Take the pills",
        "every monday,wednesday at 8:30 Gym",
        "every month on the last friday at 18:00 priority 1 window 2h Pay rent",
        "in 90m Call back")]
    public string Arguments { get; set; } = string.Empty;

    [Benchmark]
    public bool Parse() => ScheduleParser.Parse(Arguments, Now).IsSuccess;
}
