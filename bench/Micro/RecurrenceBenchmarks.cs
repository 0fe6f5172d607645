using BenchmarkDotNet.Attributes;
using NodaTime;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Bench.Micro;

/// <summary>How long finding a recurrence's next occurrence takes (the worker does it after every send of a recurring message).</summary>
[MemoryDiagnoser]
public class RecurrenceBenchmarks
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly Instant Anchor = Instant.FromUtc(2030, 1, 7, 8, 0);
    private static readonly Instant After = Instant.FromUtc(2030, 3, 30, 12, 0);

    private static readonly Dictionary<string, Recurrence> Patterns = new(StringComparer.Ordinal)
    {
        ["daily"] = new DailyRecurrence(1, new LocalTime(9, 0)),
        ["weekly Mon,Wed,Fri"] = new WeeklyRecurrence(1, [IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Friday], new LocalTime(8, 30)),
        ["monthly last Fri"] = new MonthlyRecurrence(1, MonthDay.Nth(-1, IsoDayOfWeek.Friday), new LocalTime(18, 0)),
        ["every 90 min"] = new IntervalRecurrence(90),
    };

    [ParamsSource(nameof(PatternNames))]
    public string Pattern { get; set; } = "daily";

    public static IEnumerable<string> PatternNames => Patterns.Keys;

    [Benchmark]
    public Instant? NextAfter() => Patterns[Pattern].NextAfter(Anchor, After, Berlin);
}
