using Ardalis.Specification;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Specifications;

/// <summary>One message by id, only if it belongs to the chat (another chat's id matches nothing).</summary>
public sealed class ScheduledMessageInChatSpec : Specification<ScheduledMessage>
{
    public ScheduledMessageInChatSpec(Guid id, long chatId) =>
        Query.Where(m => m.Id == id && m.ChatId == chatId);
}
