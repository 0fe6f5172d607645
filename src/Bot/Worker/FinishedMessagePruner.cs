using Mediator;
using Microsoft.Extensions.Options;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;

namespace ScheduledMessages.Bot.Worker;

/// <summary>
/// Deletes sent and cancelled messages past <c>Scheduler:RetentionPeriod</c> every
/// <c>Scheduler:PruneInterval</c>, in batches of <c>Scheduler:PruneBatchSize</c> with a short pause
/// between them, so that pruning never holds many row locks or competes with sending for long.
/// </summary>
public sealed partial class FinishedMessagePruner(
    IServiceScopeFactory scopes,
    IOptionsMonitor<SchedulerOptions> options,
    ILogger<FinishedMessagePruner> logger) : BackgroundService
{
    private static readonly TimeSpan PauseBetweenBatches = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await PruneAllAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogPruned(logger, deleted, options.CurrentValue.RetentionPeriod);
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

    private async Task<int> PruneAllAsync(CancellationToken stoppingToken)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PruneFinishedMessages(), stoppingToken);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"Pruning refused: {result.Failure}");
            }

            total += result.Value;
            if (result.Value < options.CurrentValue.PruneBatchSize)
            {
                return total;
            }

            await Task.Delay(PauseBetweenBatches, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Deleted} sent or cancelled messages older than {Retention}")]
    private static partial void LogPruned(ILogger logger, int deleted, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning finished messages failed; trying again at the next interval")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
