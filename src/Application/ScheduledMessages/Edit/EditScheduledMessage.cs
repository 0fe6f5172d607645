using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Edit;

/// <summary>Replaces the text of a message of the requesting chat that is still to be sent (or paused).</summary>
public sealed record EditScheduledMessage(Guid Id, long ChatId, long? UserId, string Content) : ICommand<UseCaseResult<ScheduledMessageDto>>;
