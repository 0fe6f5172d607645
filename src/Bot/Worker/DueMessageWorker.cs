using Mediator;
using Microsoft.Extensions.Options;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;

namespace ScheduledMessages.Bot.Worker;

/// <summary>
/// Sends due messages: runs the dispatch use case, claims again at once after a full batch,
/// otherwise sleeps until the earlier of the poll interval and the next due time (by the store's
/// clock, ADR 0804), and wakes at
/// once when a message is scheduled. A failing database is retried with a growing pause.
/// </summary>
public sealed partial class DueMessageWorker(
    IServiceScopeFactory scopes,
    IDispatchSignal signal,
    IOptionsMonitor<SchedulerOptions> options,
    ILogger<DueMessageWorker> logger) : BackgroundService
{
    /// <summary>Names this process's leases, so a late write from a dead one is recognised.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        LogStarted(logger, WorkerId);
        while (!stoppingToken.IsCancellationRequested)
        {
            var pollInterval = options.CurrentValue.PollInterval;
            TimeSpan wait;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                var result = await mediator.Send(new DispatchDueMessages(WorkerId), stoppingToken);
                if (!result.IsSuccess)
                {
                    throw new InvalidOperationException($"Dispatch refused: {result.Failure}");
                }

                var report = result.Value;
                failures = 0;
                if (report.BatchWasFull)
                {
                    continue;
                }

                // Measured on the store's clock, as the report gives it: this process's may be off.
                wait = report.WaitBeforeNextRound(pollInterval);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures++;
                wait = Min(pollInterval, TimeSpan.FromSeconds(Math.Pow(2, Math.Min(failures, 6) - 1)));
                LogDispatchFailed(logger, e, failures, wait);
            }

            try
            {
                await signal.WaitAsync(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        LogStopped(logger, WorkerId);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch worker {WorkerId} started")]
    private static partial void LogStarted(ILogger logger, string workerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch worker {WorkerId} stopped")]
    private static partial void LogStopped(ILogger logger, string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching failed ({Failures} in a row); retrying in {Wait}")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, int failures, TimeSpan wait);
}
