using Microsoft.Extensions.Logging;
using Npgsql;

namespace ScheduledMessages.Infrastructure.Persistence.Notifications;

/// <summary>
/// Wakes the workers of every instance on one PostgreSQL database when a message is scheduled
/// (ADR 0400): publishes <c>NOTIFY scheduled_messages_due</c> for this process's
/// <see cref="PostgreSqlDispatchSignal"/>, and LISTENs on a dedicated connection, waking the local
/// worker for every other instance's notification. A lost connection is reopened with a growing
/// pause, and the worker is woken once on reconnecting (notifications may have been missed);
/// the worker's poll stays the fallback throughout.
/// </summary>
public sealed partial class PostgreSqlDispatchNotifications
{
    /// <summary>The channel; other tools that insert due rows may <c>NOTIFY</c> it too.</summary>
    public const string Channel = "scheduled_messages_due";

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    private readonly string _connectionString;
    private readonly PostgreSqlDispatchSignal _signal;
    private readonly ILogger<PostgreSqlDispatchNotifications> _logger;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PostgreSqlDispatchNotifications(string connectionString, PostgreSqlDispatchSignal signal, ILogger<PostgreSqlDispatchNotifications> logger)
    {
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "scheduled-messages-notifications" }.ConnectionString;
        _signal = signal;
        _logger = logger;
    }

    /// <summary>Listens and publishes until <paramref name="stoppingToken"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), PublishAsync(stoppingToken));

    /// <summary>Completes once the listener has subscribed for the first time.</summary>
    public Task Listening => _listening.Task;

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != _signal.InstanceId)
                    {
                        _signal.WakeLocal();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (failures > 0)
                {
                    LogReconnected(_logger, failures);

                    // Whatever was scheduled while the connection was down is found by this round.
                    _signal.WakeLocal();
                }

                failures = 0;
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(KeepAlive, stoppingToken))
                    {
                        // Quiet for a while: make sure the connection is still there.
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException or InvalidOperationException)
            {
                failures++;
                var pause = Pause(failures);
                LogListenFailed(_logger, e, failures, pause);
                if (!await DelayAsync(pause, stoppingToken))
                {
                    return;
                }
            }
        }
    }

    private async Task PublishAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitForPublishRequestAsync(stoppingToken);
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(stoppingToken);
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                notify.Parameters.AddWithValue("channel", Channel);
                notify.Parameters.AddWithValue("payload", _signal.InstanceId);
                await notify.ExecuteNonQueryAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException or InvalidOperationException)
            {
                // The other instances still find the message by polling; try again after a pause.
                failures++;
                var pause = Pause(failures);
                LogPublishFailed(_logger, e, failures, pause);
                _signal.RequestPublish();
                if (!await DelayAsync(pause, stoppingToken))
                {
                    return;
                }
            }
        }
    }

    private static TimeSpan Pause(int failures)
    {
        var pause = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(failures, 6) - 1));
        return pause < MaxPause ? pause : MaxPause;
    }

    private static async Task<bool> DelayAsync(TimeSpan pause, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(pause, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for dispatch notifications failed ({Failures} in a row); reconnecting in {Pause}. Polling goes on meanwhile.")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, int failures, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for dispatch notifications again after {Failures} failures")]
    private static partial void LogReconnected(ILogger logger, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing a dispatch notification failed ({Failures} in a row); retrying in {Pause}. Other instances find the message by polling meanwhile.")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int failures, TimeSpan pause);
}
