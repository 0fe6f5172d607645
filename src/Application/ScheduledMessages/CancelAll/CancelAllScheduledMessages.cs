using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.CancelAll;

/// <summary>Cancels every message of the chat that may still be sent (pending, retrying or paused); answers how many.</summary>
public sealed record CancelAllScheduledMessages(long ChatId, long? UserId, bool IsPrivateChat) : ICommand<UseCaseResult<int>>, IChangeRequest;
