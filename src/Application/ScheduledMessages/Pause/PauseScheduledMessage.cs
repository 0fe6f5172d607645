using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Pause;

/// <summary>Holds a message of the requesting chat: it is not sent until resumed. Pausing twice is fine.</summary>
public sealed record PauseScheduledMessage(MessageReference Message, long ChatId, long? UserId, bool IsPrivateChat)
    : ICommand<UseCaseResult<ScheduledMessageDto>>, IMessageChangeRequest;
