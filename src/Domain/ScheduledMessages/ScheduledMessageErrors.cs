using NodaTime;
using ScheduledMessages.Domain.Common;

namespace ScheduledMessages.Domain.ScheduledMessages;

/// <summary>The rules a scheduled message can refuse, worded for the person in the chat.</summary>
public static class ScheduledMessageErrors
{
    public static readonly DomainError EmptyContent =
        new("content.empty", "The message text is empty.");

    public static readonly DomainError ContentTooLong =
        new("content.too_long", $"The message text is longer than {ScheduledMessage.MaxContentLength} characters.");

    public static readonly DomainError PriorityOutOfRange =
        new("priority.range", $"The priority must be {ScheduledMessage.HighestPriority} (highest) to {ScheduledMessage.LowestPriority} (lowest).");

    public static readonly DomainError DeliveryWindowNotPositive =
        new("delivery_window.not_positive", "The delivery window must be longer than zero.");

    public static readonly DomainError FirstOccurrenceNotInFuture =
        new("scheduled_time.past", "That time is already past; pick a time in the future.");

    public static readonly DomainError MissingChat =
        new("chat.missing", "The chat is missing.");

    public static DomainError NotPending(MessageStatus status) =>
        new("status.not_pending", $"This message is already {status.ToString().ToLowerInvariant()}.");

    public static DomainError NotPaused(MessageStatus status) =>
        new("status.not_paused", $"This message is not paused (it is {status.ToString().ToLowerInvariant()}).");

    public static DomainError CannotChange(MessageStatus status) =>
        new("status.finished", $"This message is already {status.ToString().ToLowerInvariant()}; it can no longer be changed.");

    public static DomainError PassedWhilePaused(Instant time) =>
        new("scheduled_time.passed_while_paused", $"Its time ({time}) passed while it was paused; schedule it again or cancel it.");

    public static readonly DomainError NotExpired =
        new("delivery_window.not_expired", "The message is still within its delivery window.");
}
