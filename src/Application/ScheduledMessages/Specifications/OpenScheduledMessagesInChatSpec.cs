using Ardalis.Specification;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Specifications;

/// <summary>A chat's messages that may still be sent: pending, retrying or paused; only one author's when given.</summary>
public sealed class OpenScheduledMessagesInChatSpec : Specification<ScheduledMessage>
{
    public OpenScheduledMessagesInChatSpec(long chatId) =>
        Query.Where(m => m.ChatId == chatId
            && (m.Status == MessageStatus.Pending || m.Status == MessageStatus.Rescheduled || m.Status == MessageStatus.Paused));

    public OpenScheduledMessagesInChatSpec(long chatId, long createdBy)
        : this(chatId) =>
        Query.Where(m => m.CreatedBy == createdBy);
}
