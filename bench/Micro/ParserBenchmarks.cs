using BenchmarkDotNet.Attributes;
using NodaTime;
using ScheduledMessages.Grammar;

namespace ScheduledMessages.Bench.Micro;

/// <summary>How long turning a /schedule command's text into a schedule takes, and what it allocates.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private static readonly ZonedDateTime Now = Instant.FromUtc(2030, 1, 7, 10, 0).InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]);

    [Params(
        "tomorrow 09:00 Call mum",
        "weekly mon,wed,fri 08:00 Weekly reminder",
        "every last friday 17:00 !1 window=30m Drinks",
        "in 1h30m Pick up")]
    public string Arguments { get; set; } = string.Empty;

    /// <summary>Every case must parse: a refusal would time the error path instead.</summary>
    [GlobalSetup]
    public void CheckItParses()
    {
        var result = ScheduleParser.Parse(Arguments, Now);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"'{Arguments}' does not parse: {result.Error}");
        }
    }

    [Benchmark]
    public bool Parse() => ScheduleParser.Parse(Arguments, Now).IsSuccess;
}
