using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Edit;

/// <summary>Replaces the text of a message of the requesting chat that is still to be sent (or paused).</summary>
public sealed record EditScheduledMessage(MessageReference Message, long ChatId, long? UserId, bool IsPrivateChat, string Content)
    : ICommand<UseCaseResult<ScheduledMessageDto>>, IMessageChangeRequest;
