using Microsoft.Extensions.Options;
using ScheduledMessages.Infrastructure.Persistence;
using ScheduledMessages.Infrastructure.Telegram;

namespace ScheduledMessages.Bot.Worker;

/// <summary>
/// Keeps this instance's row in <c>scheduler_instances</c>: a heartbeat at start (before the
/// dispatch worker starts) and every <c>Scheduler:Heartbeat:Interval</c>, the row deleted on a
/// graceful stop. Each heartbeat counts the instances alive and gives this instance's Telegram
/// limiter its share of the global limit, GlobalLimit / alive, live (ADR 0805). A failed heartbeat
/// keeps the last share and tries again at the next interval.
/// </summary>
public sealed partial class InstanceHeartbeatService(
    IServiceScopeFactory scopes,
    IOptionsMonitor<InstanceHeartbeatOptions> options,
    ILogger<InstanceHeartbeatService> logger,
    TelegramSendLimiter? limiter = null) : BackgroundService
{
    private int _alive;

    /// <summary>This process's row: machine, process and a random part, so a restarted process is a new instance.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<InstanceHeartbeats>().LeaveAsync(InstanceId, cancellationToken);
            LogLeft(logger, InstanceId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The row then expires on its own.
            LogLeaveFailed(logger, e, InstanceId);
        }
    }

    /// <summary>One heartbeat: records it, counts the instances alive and applies the share; null when the database failed.</summary>
    public async Task<int?> BeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            int alive;
            await using (var scope = scopes.CreateAsyncScope())
            {
                alive = await scope.ServiceProvider.GetRequiredService<InstanceHeartbeats>()
                    .BeatAsync(InstanceId, options.CurrentValue.Expiry, cancellationToken);
            }

            var share = limiter?.ShareAmong(alive);
            if (alive != _alive)
            {
                LogAlive(logger, alive, share);
                _alive = alive;
            }

            return alive;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogBeatFailed(logger, e);
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CurrentValue.Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await BeatAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Alive} scheduler instance(s) alive; this one's share of Telegram's global limit: {Share}")]
    private static partial void LogAlive(ILogger logger, int alive, int? share);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat failed; the share of the global limit stays as it was until the next one")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} left the scheduler instances")]
    private static partial void LogLeft(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} could not remove its heartbeat row; it expires on its own")]
    private static partial void LogLeaveFailed(ILogger logger, Exception exception, string instanceId);
}
