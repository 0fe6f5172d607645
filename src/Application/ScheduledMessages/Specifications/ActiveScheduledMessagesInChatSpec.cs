using Ardalis.Specification;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Specifications;

/// <summary>A chat's messages still waiting to be sent (pending or retrying).</summary>
public sealed class ActiveScheduledMessagesInChatSpec : Specification<ScheduledMessage>
{
    public ActiveScheduledMessagesInChatSpec(long chatId) =>
        Query.Where(m => m.ChatId == chatId && (m.Status == MessageStatus.Pending || m.Status == MessageStatus.Rescheduled));
}
