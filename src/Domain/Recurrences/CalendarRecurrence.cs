using NodaTime;
using ScheduledMessages.Domain.Common;

namespace ScheduledMessages.Domain.Recurrences;

/// <summary>
/// A pattern of calendar dates (days, weeks, months) at a wall-clock time in the schedule's zone.
/// Subclasses enumerate candidate dates in phase with the anchor; this class resolves them.
/// Every settable member checks its value, so <c>with</c> cannot make a pattern invalid either.
/// </summary>
public abstract record CalendarRecurrence : Recurrence
{
    /// <summary>The smallest interval: every day, week or month.</summary>
    public const int MinInterval = 1;

    private readonly int _interval;

    protected CalendarRecurrence(int interval, LocalTime? timeOfDay)
    {
        Interval = interval;
        TimeOfDay = timeOfDay;
    }

    /// <summary>Every how many days, weeks or months; at least 1.</summary>
    public int Interval
    {
        get => _interval;
        init => _interval = value >= MinInterval
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Interval), value, "The interval must be at least 1.");
    }

    /// <summary>The wall-clock time; when absent (rows by other tools) the anchor's local time.</summary>
    public LocalTime? TimeOfDay { get; init; }

    public sealed override Instant? NextAfter(Instant anchor, Instant after, DateTimeZone zone)
    {
        var anchorLocal = anchor.InZone(zone).LocalDateTime;
        var time = TimeOfDay ?? anchorLocal.TimeOfDay;
        var afterDate = after.InZone(zone).Date;

        // Candidate dates ascend, so the first one that resolves after `after` is the answer.
        foreach (var date in CandidateDates(anchorLocal.Date, afterDate))
        {
            var instant = ZoneTime.Resolve(date, time, zone);
            if (instant > after)
            {
                return instant;
            }
        }

        throw new InvalidOperationException($"No occurrence of '{Describe()}' after {after}.");
    }

    public sealed override Instant? FirstAfter(Instant now, DateTimeZone zone) =>
        (this with { Interval = 1 }).NextAfter(now, now, zone);

    /// <summary>
    /// Ascending dates in phase with <paramref name="anchorDate"/>, starting no later than a period
    /// before <paramref name="afterDate"/> (so that a DST shift cannot skip the right one).
    /// </summary>
    protected abstract IEnumerable<LocalDate> CandidateDates(LocalDate anchorDate, LocalDate afterDate);

    protected string AtTime() => TimeOfDay is { } t ? $" at {t:HH:mm}" : string.Empty;

    protected static string Every(int interval, string unit) =>
        interval == 1 ? $"every {unit}" : interval == 2 ? $"every other {unit}" : $"every {interval} {unit}s";

    /// <summary>Whole periods of <paramref name="interval"/> units from anchor to target, one fewer for safety.</summary>
    protected static long PeriodsBefore(long unitsBetween, int interval) =>
        Math.Max(0, (long)Math.Floor((double)unitsBetween / interval) - 1);
}
