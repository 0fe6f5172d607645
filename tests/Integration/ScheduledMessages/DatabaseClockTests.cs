using NodaTime;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>
/// The database's clock decides (ADR 0804): "due", lease ends and renewals are the database's time,
/// so dispatchers whose own clocks are minutes apart neither take each other's live leases nor miss
/// due messages. Each host here runs the production dispatch clock with a fake app clock set minutes
/// off the real time (the database's). One contract, run against PostgreSQL
/// (<see cref="PostgreSqlDatabaseClockTests"/>) and SQLite (<see cref="SqliteDatabaseClockTests"/>).
/// </summary>
public abstract class DatabaseClockTests : IAsyncLifetime
{
    private static readonly Duration Skew = Duration.FromMinutes(5);

    private readonly TestStore _db;

    protected DatabaseClockTests(TestStore db) => _db = db;

    public Task InitializeAsync() => _db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Instant RealNow => SystemClock.Instance.GetCurrentInstant();

    [Fact]
    public async Task A_dispatcher_whose_clock_is_5_minutes_behind_sends_what_the_database_says_is_due()
    {
        await ScheduledMessageRows.InsertAsync(_db, 1100, "due by the database", RealNow - Duration.FromSeconds(1));
        await using var behind = new SchedulerTestHost(_db, RealNow - Skew, useDatabaseClock: true);
        var before = RealNow;

        var report = await behind.DispatchAsync();

        Assert.Equal(1, report.Delivered);
        Assert.True(report.Now >= before, $"The round's now {report.Now} is not the database's (at least {before}).");
    }

    [Fact]
    public async Task A_dispatcher_whose_clock_is_5_minutes_ahead_does_not_take_another_dispatchers_live_lease()
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, 1200, "leased by the first", RealNow - Duration.FromSeconds(1));
        await using var onTime = new SchedulerTestHost(_db, RealNow, useDatabaseClock: true);
        await using var ahead = new SchedulerTestHost(_db, RealNow + Skew, useDatabaseClock: true);
        var sending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        onTime.Sender.BeforeAnswer = async () =>
        {
            sending.TrySetResult();
            await finish.Task;
        };

        // The first holds its lease (2 minutes of the database's time) while sending; by the second's
        // own clock that lease ended 3 minutes ago, but the second asks the database.
        var first = onTime.DispatchAsync("on-time");
        await sending.Task;
        var lease = await ScheduledMessageRows.ReadAsync(_db, id);
        var second = await ahead.DispatchAsync("ahead");
        finish.SetResult();
        var firstReport = await first;

        Assert.Equal("on-time", lease.LockedBy);
        Assert.True(lease.LockedUntil < RealNow + Duration.FromMinutes(3), $"The lease ends at {lease.LockedUntil}: not measured on the database's clock.");
        Assert.Equal(0, second.Claimed);
        Assert.Equal(1, firstReport.Delivered);
        Assert.Empty(ahead.Sender.Sends);
    }

    [Fact]
    public async Task Two_dispatchers_whose_clocks_are_5_minutes_apart_drain_2000_messages_with_no_duplicates()
    {
        const int Messages = 2_000;
        var due = RealNow - Duration.FromSeconds(10);
        await ScheduledMessageRows.InsertManyAsync(
            _db,
            Enumerable.Range(0, Messages).Select(n => (1_300_000L + (n % 400), $"message {n}", due + Duration.FromMilliseconds(n), 3)));
        await using var a = new SchedulerTestHost(_db, RealNow, useDatabaseClock: true);
        await using var b = new SchedulerTestHost(_db, RealNow + Skew, useDatabaseClock: true);

        // Each one's first send waits (a bounded while) for the other to be sending too, so both hold
        // live leases at once: the moment a skewed clock would take the other's leases.
        var aSending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bSending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Sender.BeforeAnswer = () => MeetAsync(aSending, bSending);
        b.Sender.BeforeAnswer = () => MeetAsync(bSending, aSending);

        async Task DrainAsync(SchedulerTestHost host, string worker)
        {
            while (await ActiveCountAsync() > 0)
            {
                if ((await host.DispatchAsync(worker)).Claimed == 0)
                {
                    // The rest are the other's, in flight: look again shortly.
                    await Task.Delay(20);
                }
            }
        }

        await Task.WhenAll(Task.Run(() => DrainAsync(a, "a")), Task.Run(() => DrainAsync(b, "b")));

        var all = a.Sender.Sends.Concat(b.Sender.Sends).Select(s => s.Text).ToList();
        Assert.Equal(Messages, all.Count);
        Assert.Equal(Messages, all.Distinct().Count());
        Assert.True(a.Sender.Sends.Count > 0 && b.Sender.Sends.Count > 0, $"One dispatcher did all the work (a {a.Sender.Sends.Count}, b {b.Sender.Sends.Count}).");
        var statuses = await _db.QueryAsync("SELECT status, count(*) AS n FROM scheduled_messages GROUP BY status");
        var row = Assert.Single(statuses);
        Assert.Equal(("sent", (long)Messages), ((string)row["status"]!, Convert.ToInt64(row["n"])));
    }

    private static async Task MeetAsync(TaskCompletionSource mine, TaskCompletionSource theirs)
    {
        if (mine.TrySetResult())
        {
            await Task.WhenAny(theirs.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        }

        await Task.Yield();
    }

    private async Task<long> ActiveCountAsync()
    {
        var rows = await _db.QueryAsync("SELECT count(*) AS n FROM scheduled_messages WHERE status IN ('pending', 'rescheduled')");
        return Convert.ToInt64(rows[0]["n"]);
    }
}
