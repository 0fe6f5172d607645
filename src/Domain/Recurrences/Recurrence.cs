using NodaTime;

namespace ScheduledMessages.Domain.Recurrences;

/// <summary>When a scheduled message repeats. <see cref="OneTime"/> does not.</summary>
public abstract record Recurrence
{
    /// <summary>The pattern's name as stored and as listings filter by it ("daily", "weekly", "monthly", "custom"), or "once".</summary>
    public abstract string Kind { get; }

    public bool IsRecurring => this is not OneTimeRecurrence;

    public static Recurrence OneTime => OneTimeRecurrence.Instance;

    /// <summary>
    /// The next occurrence strictly after <paramref name="after"/>, in phase with
    /// <paramref name="anchor"/> (the occurrence just handled, or the first one). Calendar patterns
    /// keep their wall-clock time in <paramref name="zone"/>; null for a one-time message.
    /// </summary>
    public abstract Instant? NextAfter(Instant anchor, Instant after, DateTimeZone zone);

    /// <summary>
    /// The first occurrence of a schedule created at <paramref name="now"/>: the earliest time the
    /// pattern matches after now, ignoring the interval (which counts from that first occurrence).
    /// </summary>
    public abstract Instant? FirstAfter(Instant now, DateTimeZone zone);

    /// <summary>The pattern in plain words, e.g. "every week on Mon, Wed at 08:00".</summary>
    public abstract string Describe();

    public override string ToString() => Describe();
}
