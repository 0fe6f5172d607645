using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Dispatch;

/// <summary>
/// Housekeeping the worker runs: deletes one batch (<see cref="SchedulerOptions.PruneBatchSize"/>)
/// of sent and cancelled messages older than <see cref="SchedulerOptions.RetentionPeriod"/>;
/// answers how many were deleted (a full batch means there may be more).
/// </summary>
public sealed record PruneFinishedMessages : ICommand<UseCaseResult<int>>;
