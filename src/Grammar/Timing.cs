using NodaTime;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Grammar;

/// <summary>What the when-part of a schedule says: a repeating pattern, or the wall-clock time of a one-time message.</summary>
internal readonly record struct Timing(Recurrence Recurrence, LocalDateTime? At)
{
    public static Timing Once(LocalDateTime at) => new(Recurrence.OneTime, at);

    public static Timing Repeating(Recurrence recurrence) => new(recurrence, null);
}
