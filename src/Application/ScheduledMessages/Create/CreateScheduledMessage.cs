using Mediator;
using NodaTime;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Create;

/// <summary>
/// Schedules a message in a chat. <paramref name="At"/> is wall-clock time in the chat's zone:
/// required for a one-time message, the optional start of a recurring one (absent: the pattern's
/// first match after now). In a group (<paramref name="IsPrivateChat"/> false) the author's own
/// open schedules are capped at their share of the chat's.
/// </summary>
public sealed record CreateScheduledMessage(
    long ChatId,
    long? UserId,
    string Content,
    Recurrence Recurrence,
    LocalDateTime? At,
    int Priority = ScheduledMessage.DefaultPriority,
    Duration? DeliveryWindow = null,
    bool IsPrivateChat = true) : ICommand<UseCaseResult<ScheduledMessageDto>>;
