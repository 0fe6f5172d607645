using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Dispatch;

/// <summary>
/// What the worker runs each round: claim a batch of due messages for <paramref name="WorkerId"/>,
/// send each, record how it went. Cancelling stops sending and releases the unsent rest.
/// </summary>
public sealed record DispatchDueMessages(string WorkerId) : ICommand<UseCaseResult<DispatchReport>>;
