using Mediator;
using Microsoft.Extensions.Options;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;
using ScheduledMessages.Bot.Telegram;
using ScheduledMessages.Infrastructure.Persistence.Inbox;

namespace ScheduledMessages.Bot.Worker;

/// <summary>
/// Deletes sent and cancelled messages past <c>Scheduler:RetentionPeriod</c>, and done or failed
/// inbox updates past <c>Inbox:RetentionPeriod</c>, every <c>Scheduler:PruneInterval</c>, in
/// batches of <c>Scheduler:PruneBatchSize</c> with a short pause between them, so that pruning
/// never holds many row locks or competes with sending for long.
/// </summary>
public sealed partial class FinishedMessagePruner(
    IServiceScopeFactory scopes,
    IOptionsMonitor<SchedulerOptions> options,
    IOptionsMonitor<InboxOptions> inboxOptions,
    ILogger<FinishedMessagePruner> logger) : BackgroundService
{
    private static readonly TimeSpan PauseBetweenBatches = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await PruneAllAsync(PruneMessagesAsync, stoppingToken);
                if (deleted > 0)
                {
                    LogPruned(logger, deleted, options.CurrentValue.RetentionPeriod);
                }

                var updates = await PruneAllAsync(PruneUpdatesAsync, stoppingToken);
                if (updates > 0)
                {
                    LogPrunedUpdates(logger, updates, inboxOptions.CurrentValue.RetentionPeriod);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Pruning is housekeeping: a failure waits for the next interval.
                LogPruneFailed(logger, e);
            }

            try
            {
                await Task.Delay(options.CurrentValue.PruneInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<int> PruneAllAsync(Func<IServiceProvider, CancellationToken, Task<int>> pruneBatch, CancellationToken stoppingToken)
    {
        var total = 0;
        while (true)
        {
            int deleted;
            await using (var scope = scopes.CreateAsyncScope())
            {
                deleted = await pruneBatch(scope.ServiceProvider, stoppingToken);
            }

            total += deleted;
            if (deleted < options.CurrentValue.PruneBatchSize)
            {
                return total;
            }

            await Task.Delay(PauseBetweenBatches, stoppingToken);
        }
    }

    private static async Task<int> PruneMessagesAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var result = await services.GetRequiredService<IMediator>().Send(new PruneFinishedMessages(), stoppingToken);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"Pruning refused: {result.Failure}");
    }

    private Task<int> PruneUpdatesAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        // Zero keeps them, as for messages.
        var retention = inboxOptions.CurrentValue.RetentionPeriod;
        return retention <= TimeSpan.Zero
            ? Task.FromResult(0)
            : services.GetRequiredService<UpdateInbox>().PruneAsync(retention, options.CurrentValue.PruneBatchSize, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Deleted} sent or cancelled messages older than {Retention}")]
    private static partial void LogPruned(ILogger logger, int deleted, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Deleted} done or failed inbox updates older than {Retention}")]
    private static partial void LogPrunedUpdates(ILogger logger, int deleted, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning finished messages failed; trying again at the next interval")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
