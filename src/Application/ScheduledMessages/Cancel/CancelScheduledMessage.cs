using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Cancel;

/// <summary>Cancels a message of the requesting chat; cancelling it twice is fine.</summary>
public sealed record CancelScheduledMessage(MessageReference Message, long ChatId, long? UserId, bool IsPrivateChat)
    : ICommand<UseCaseResult<ScheduledMessageDto>>, IMessageChangeRequest;
