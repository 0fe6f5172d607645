using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Cancel;

/// <summary>Cancels a message of the requesting chat; cancelling it twice is fine.</summary>
public sealed record CancelScheduledMessage(Guid Id, long ChatId, long? UserId) : ICommand<UseCaseResult<ScheduledMessageDto>>;
