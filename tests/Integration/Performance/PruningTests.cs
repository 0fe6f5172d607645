using NodaTime;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Performance;

/// <summary>
/// Sent and cancelled messages are deleted once they are older than Scheduler:RetentionPeriod, a
/// bounded batch a statement; nothing else is touched. One contract, run against both stores.
/// </summary>
public abstract class PruningTests : IAsyncLifetime
{
    private static readonly Instant Now = Instant.FromUtc(2030, 6, 1, 12, 0);

    private readonly TestStore _db;

    protected PruningTests(TestStore db) => _db = db;

    public Task InitializeAsync() => _db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Only_sent_and_cancelled_messages_finished_before_the_retention_period_are_deleted()
    {
        var old = Now - Duration.FromDays(31);
        var recent = Now - Duration.FromDays(29);
        await InsertAsync("sent", old, old);
        await InsertAsync("cancelled", old, null);
        var recentSent = await InsertAsync("sent", recent, recent);
        var sentLateAfterOldDueTime = await InsertAsync("sent", old, recent);
        var cancelledBeforeItsFutureTime = await InsertAsync("cancelled", Now + Duration.FromDays(3), null);
        var oldFailed = await InsertAsync("failed", old, old);
        var oldPending = await InsertAsync("pending", old, null);
        await using var host = new SchedulerTestHost(_db, Now);

        var result = await host.SendAsync(new PruneFinishedMessages());

        Assert.Equal(2, result.Value);
        var left = await _db.QueryAsync("SELECT id FROM scheduled_messages");
        Assert.Equal(
            new[] { recentSent, sentLateAfterOldDueTime, cancelledBeforeItsFutureTime, oldFailed, oldPending }.Order(),
            left.Select(r => r["id"] is Guid g ? g : Guid.Parse((string)r["id"]!)).Order());
    }

    [Fact]
    public async Task One_round_deletes_at_most_PruneBatchSize_rows_oldest_first()
    {
        var ids = new List<Guid>();
        for (var day = 40; day < 45; day++)
        {
            ids.Add(await InsertAsync("sent", Now - Duration.FromDays(day), Now - Duration.FromDays(day)));
        }

        await using var host = new SchedulerTestHost(_db, Now, o => o.PruneBatchSize = 2);

        var first = await host.SendAsync(new PruneFinishedMessages());
        var afterFirst = (await _db.QueryAsync("SELECT count(*) AS n FROM scheduled_messages"))[0]["n"];
        var second = await host.SendAsync(new PruneFinishedMessages());
        var third = await host.SendAsync(new PruneFinishedMessages());

        Assert.Equal((2, 2, 1), (first.Value, second.Value, third.Value));
        Assert.Equal(3L, Convert.ToInt64(afterFirst, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(await _db.QueryAsync("SELECT id FROM scheduled_messages"));
    }

    [Fact]
    public async Task A_retention_of_zero_keeps_finished_messages_for_ever()
    {
        await InsertAsync("sent", Now - Duration.FromDays(400), Now - Duration.FromDays(400));
        await using var host = new SchedulerTestHost(_db, Now, o => o.RetentionPeriod = TimeSpan.Zero);

        var result = await host.SendAsync(new PruneFinishedMessages());

        Assert.Equal(0, result.Value);
        Assert.Single(await _db.QueryAsync("SELECT id FROM scheduled_messages"));
    }

    private async Task<Guid> InsertAsync(string status, Instant scheduledTime, Instant? lastAttempt)
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, 500, $"{status} at {scheduledTime}", scheduledTime, status: status);
        await _db.ExecuteAsync(
            "UPDATE scheduled_messages SET created_at = $1, last_attempt_time = $2 WHERE id = $3",
            scheduledTime - Duration.FromDays(1),
            lastAttempt,
            id);
        return id;
    }
}
