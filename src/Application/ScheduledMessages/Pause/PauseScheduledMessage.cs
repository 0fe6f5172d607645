using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Pause;

/// <summary>Holds a message of the requesting chat: it is not sent until resumed. Pausing twice is fine.</summary>
public sealed record PauseScheduledMessage(Guid Id, long ChatId, long? UserId) : ICommand<UseCaseResult<ScheduledMessageDto>>;
