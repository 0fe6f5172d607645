using NodaTime;

namespace ScheduledMessages.Domain.Recurrences;

/// <summary>A message sent once, at its scheduled time.</summary>
public sealed record OneTimeRecurrence : Recurrence
{
    public static readonly OneTimeRecurrence Instance = new();

    private OneTimeRecurrence()
    {
    }

    public override string Kind => "once";

    public override Instant? NextAfter(Instant anchor, Instant after, DateTimeZone zone) => null;

    public override Instant? FirstAfter(Instant now, DateTimeZone zone) => null;

    public override string Describe() => "once";
}
