using NodaTime;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Grammar;

/// <summary>
/// What a /schedule command asks for, before any check against the clock or the database.
/// <paramref name="At"/> is the wall-clock time in the chat's zone of a one-time message (null for
/// repeating ones, whose first time follows from <paramref name="Recurrence"/>); null
/// <paramref name="Priority"/> means the default.
/// </summary>
public sealed record ScheduleSpec(
    Recurrence Recurrence,
    LocalDateTime? At,
    string Content,
    int? Priority,
    Duration? DeliveryWindow);
