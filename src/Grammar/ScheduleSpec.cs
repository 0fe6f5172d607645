using NodaTime;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Grammar;

/// <summary>
/// What a /schedule command asks for, before any check against the clock or the database.
/// <paramref name="At"/> is the wall-clock time in the chat's zone of a one-time message (null for
/// repeating ones, whose times follow from <paramref name="Recurrence"/>).
/// <paramref name="StartDate"/> is the later day a repeating schedule starts on (from=; null when it
/// starts now, which from= today also means). Null <paramref name="Priority"/> means the default.
/// </summary>
public sealed record ScheduleSpec(
    Recurrence Recurrence,
    LocalDateTime? At,
    LocalDate? StartDate,
    string Content,
    int? Priority,
    Duration? DeliveryWindow)
{
    /// <summary>
    /// The wall-clock time from which the schedule's first time is sought: the one-time
    /// <see cref="At"/>, or the start of <see cref="StartDate"/>; null for the pattern's first match
    /// after now.
    /// </summary>
    public LocalDateTime? Start => At ?? StartDate?.AtMidnight();
}
