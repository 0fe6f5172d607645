using NodaTime;

namespace ScheduledMessages.Domain.Recurrences;

/// <summary>Every N minutes of elapsed time ("custom" on the wire); DST does not affect it.</summary>
public sealed record IntervalRecurrence : Recurrence
{
    /// <summary>The shortest interval, in minutes.</summary>
    public const int MinMinutes = 1;

    public IntervalRecurrence(int minutes)
    {
        if (minutes < MinMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "The interval is at least one minute.");
        }

        Minutes = minutes;
    }

    public int Minutes { get; }

    public Duration Period => Duration.FromMinutes(Minutes);

    public override string Kind => "custom";

    public override Instant? NextAfter(Instant anchor, Instant after, DateTimeZone zone)
    {
        if (after < anchor)
        {
            return anchor;
        }

        var periods = ((after - anchor).BclCompatibleTicks / Period.BclCompatibleTicks) + 1;
        return anchor + (Period * periods);
    }

    public override Instant? FirstAfter(Instant now, DateTimeZone zone) => now + Period;

    public override string Describe() => Minutes switch
    {
        1 => "every minute",
        60 => "every hour",
        // 1440 minutes is elapsed time, not "every day" (which would read as a daily wall-clock pattern).
        _ when Minutes % 1440 == 0 && Minutes > 1440 => $"every {Minutes / 1440} days",
        _ when Minutes % 60 == 0 => $"every {Minutes / 60} hours",
        _ => $"every {Minutes} minutes",
    };
}
