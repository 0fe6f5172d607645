using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.ScheduledMessages.Create;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Infrastructure.Persistence.Notifications;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Performance;

/// <summary>
/// On PostgreSQL a message scheduled by one instance wakes the workers of the others at once
/// (LISTEN/NOTIFY), and a listener whose connection is lost reconnects and keeps doing so.
/// Each host here is a separate container, as separate processes would be.
/// </summary>
public sealed class DispatchNotificationTests : IClassFixture<PostgresFixture>
{
    private static readonly Instant Now = Instant.FromUtc(2030, 1, 7, 10, 0);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly PostgresFixture _db;

    public DispatchNotificationTests(PostgresFixture db) => _db = db;

    [Fact]
    public async Task Scheduling_on_one_instance_wakes_the_worker_of_another()
    {
        await using var listening = new SchedulerTestHost(_db, Now);
        await using var scheduling = new SchedulerTestHost(_db, Now);
        using var stop = new CancellationTokenSource();
        var listener = listening.Services.GetRequiredService<PostgreSqlDispatchNotifications>();
        var publisher = scheduling.Services.GetRequiredService<PostgreSqlDispatchNotifications>();
        var runs = Task.WhenAll(listener.RunAsync(stop.Token), publisher.RunAsync(stop.Token));
        await listener.Listening.WaitAsync(Patience);
        var signal = listening.Services.GetRequiredService<IDispatchSignal>();
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        var scheduled = await scheduling.SendAsync(new CreateScheduledMessage(77, null, "hello", Recurrence.OneTime, new LocalDateTime(2030, 1, 7, 11, 0)));

        Assert.True(scheduled.IsSuccess, scheduled.ToString());
        Assert.True(await signal.WaitAsync(Patience, CancellationToken.None));
        await stop.CancelAsync();
        await runs;
    }

    [Fact]
    public async Task An_instance_is_not_woken_twice_by_its_own_notification()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        using var stop = new CancellationTokenSource();
        var notifications = host.Services.GetRequiredService<PostgreSqlDispatchNotifications>();
        var run = notifications.RunAsync(stop.Token);
        await notifications.Listening.WaitAsync(Patience);
        var signal = host.Services.GetRequiredService<IDispatchSignal>();

        signal.Notify();
        Assert.True(await signal.WaitAsync(Patience, CancellationToken.None));

        // Its NOTIFY goes out and comes back to its own listener (a loopback round trip of a few
        // milliseconds), which leaves the worker asleep.
        Assert.False(await signal.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None));

        // Another instance's notification does wake it.
        await using (var connection = new NpgsqlConnection(_db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var notify = new NpgsqlCommand($"NOTIFY {PostgreSqlDispatchNotifications.Channel}, 'someone-else'", connection);
            await notify.ExecuteNonQueryAsync();
        }

        Assert.True(await signal.WaitAsync(Patience, CancellationToken.None));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task A_listener_whose_connection_is_killed_reconnects_wakes_its_worker_and_hears_later_notifications()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        using var stop = new CancellationTokenSource();
        var notifications = host.Services.GetRequiredService<PostgreSqlDispatchNotifications>();
        var run = notifications.RunAsync(stop.Token);
        await notifications.Listening.WaitAsync(Patience);
        var signal = host.Services.GetRequiredService<IDispatchSignal>();

        await using (var connection = new NpgsqlConnection(_db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'scheduled-messages-notifications'",
                connection);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }

        // Notifications sent while it was away are lost: reconnecting wakes the worker to look.
        Assert.True(await signal.WaitAsync(Patience, CancellationToken.None));
        await WaitForListenerAsync();
        await using (var connection = new NpgsqlConnection(_db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var notify = new NpgsqlCommand($"NOTIFY {PostgreSqlDispatchNotifications.Channel}, 'someone-else'", connection);
            await notify.ExecuteNonQueryAsync();
        }

        Assert.True(await signal.WaitAsync(Patience, CancellationToken.None));
        await stop.CancelAsync();
        await run;
    }

    private async Task WaitForListenerAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        await using var connection = new NpgsqlConnection(_db.ConnectionString);
        await connection.OpenAsync();
        while (true)
        {
            await using var listeners = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'scheduled-messages-notifications' AND query LIKE 'LISTEN%'",
                connection);
            if ((long)(await listeners.ExecuteScalarAsync())! >= 1)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The listener did not reconnect.");
            await Task.Delay(50);
        }
    }
}
