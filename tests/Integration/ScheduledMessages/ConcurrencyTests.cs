using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Domain.ScheduledMessages;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>
/// Several dispatchers on one database: each occurrence is sent once; leases protect late writers.
/// One contract, run against PostgreSQL (<see cref="PostgreSqlConcurrencyTests"/>) and SQLite
/// (<see cref="SqliteConcurrencyTests"/>, dispatchers in one process, as that store supports).
/// </summary>
public abstract class ConcurrencyTests : IAsyncLifetime
{
    private static readonly Instant T0 = Instant.FromUtc(2030, 1, 7, 10, 0);

    private readonly TestStore _db;

    protected ConcurrencyTests(TestStore db) => _db = db;

    public Task InitializeAsync() => _db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Four_dispatchers_in_parallel_send_each_of_1000_due_messages_exactly_once()
    {
        await ScheduledMessageRows.InsertManyAsync(
            _db,
            Enumerable.Range(1, 1000).Select(n => (1000L + (n % 7), $"message {n}", T0 - Duration.FromSeconds(n), 1 + (n % 5))));
        await using var host = new SchedulerTestHost(_db, T0, o => o.BatchSize = 25);

        // Yield inside each send so that the dispatchers' rounds interleave.
        host.Sender.BeforeAnswer = async () => await Task.Yield();

        async Task<int> RunDispatcher(string worker)
        {
            var sent = 0;
            while (true)
            {
                var report = await host.DispatchAsync(worker);
                sent += report.Delivered;
                if (report.Claimed == 0)
                {
                    return sent;
                }
            }
        }

        var perWorker = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => Task.Run(() => RunDispatcher($"worker-{i}"))));

        Assert.Equal(1000, host.Sender.Sends.Count);
        Assert.Equal(1000, host.Sender.CountsByText.Count);
        Assert.All(host.Sender.CountsByText, pair => Assert.Equal(1, pair.Value));
        Assert.Equal(1000, perWorker.Sum());
        var statuses = await _db.QueryAsync("SELECT status, count(*) AS n, count(locked_by) AS leased FROM scheduled_messages GROUP BY status");
        var row = Assert.Single(statuses);
        Assert.Equal(("sent", 1000L, 0L), ((string)row["status"]!, Convert.ToInt64(row["n"]), Convert.ToInt64(row["leased"])));
    }

    [Fact]
    public async Task A_dispatcher_that_dies_after_claiming_leaves_its_messages_to_another_once_the_lease_expires()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await ScheduledMessageRows.InsertAsync(_db, 77, $"orphan {i}", T0 - Duration.FromMinutes(1)));
        }

        await using var host = new SchedulerTestHost(_db, T0, o => o.LeaseDuration = TimeSpan.FromMinutes(2));

        // The dead dispatcher claims and never completes.
        IReadOnlyList<ScheduledMessage> deadClaim;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            deadClaim = await scope.ServiceProvider.GetRequiredService<IDispatchStore>()
                .ClaimDueAsync("dead", T0, Duration.FromMinutes(2), 10, 10, CancellationToken.None);
        }

        var whileLeased = await host.DispatchAsync("survivor");
        host.Clock.Advance(Duration.FromMinutes(2) + Duration.FromSeconds(1));
        var afterExpiry = await host.DispatchAsync("survivor");

        Assert.Equal(3, deadClaim.Count);
        Assert.Equal(0, whileLeased.Claimed);
        Assert.Equal(T0 + Duration.FromMinutes(2), whileLeased.NextDueTime);
        Assert.Equal(3, afterExpiry.Delivered);
        Assert.Equal(3, host.Sender.Sends.Count);
        foreach (var id in ids)
        {
            var row = await ScheduledMessageRows.ReadAsync(_db, id);
            Assert.Equal("sent", row.Status);
            Assert.Null(row.LockedBy);
        }
    }

    [Fact]
    public async Task The_dead_dispatchers_late_completion_does_not_overwrite_the_row()
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, 78, "daily", T0, """{"recurrence":{"type":"daily","interval":1}}""");
        await using var host = new SchedulerTestHost(_db, T0);

        ScheduledMessage stale;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var claim = await scope.ServiceProvider.GetRequiredService<IDispatchStore>()
                .ClaimDueAsync("dead", T0, Duration.FromMinutes(2), 10, 10, CancellationToken.None);
            stale = Assert.Single(claim);
        }

        // The lease expires; another dispatcher claims the row and is still sending it (in flight).
        host.Clock.AdvanceMinutes(3);
        ScheduledMessage live;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var claim = await scope.ServiceProvider.GetRequiredService<IDispatchStore>()
                .ClaimDueAsync("live", host.Clock.GetCurrentInstant(), Duration.FromMinutes(2), 10, 10, CancellationToken.None);
            live = Assert.Single(claim);
        }

        // The dead one wakes up and tries to record a permanent failure.
        stale.RecordPermanentFailure(T0 + Duration.FromMinutes(4), "http_400", "Bad Request: chat not found");
        bool staleWritten;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            staleWritten = await scope.ServiceProvider.GetRequiredService<IDispatchStore>()
                .SaveClaimedAsync(stale, "dead", CancellationToken.None);
        }

        var afterStale = await ScheduledMessageRows.ReadAsync(_db, id);

        // The live one completes; then the dead one tries again after the lease was cleared.
        live.MarkDelivered(host.Clock.GetCurrentInstant(), DateTimeZone.Utc);
        bool liveWritten;
        bool staleRetried;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IDispatchStore>();
            liveWritten = await store.SaveClaimedAsync(live, "live", CancellationToken.None);
            staleRetried = await store.SaveClaimedAsync(stale, "dead", CancellationToken.None);
        }

        var final = await ScheduledMessageRows.ReadAsync(_db, id);
        Assert.False(staleWritten);
        Assert.Equal(("pending", "live", 0), (afterStale.Status, afterStale.LockedBy, afterStale.Errors.Count));
        Assert.True(liveWritten);
        Assert.False(staleRetried);
        Assert.Equal("pending", final.Status);
        Assert.Null(final.LockedBy);
        Assert.Equal(T0 + Duration.FromDays(1), final.ScheduledTime);
        Assert.Empty(final.Errors);
        Assert.Equal(1, (int?)final.MetadataJson["deliveries"]);
    }

    [Fact]
    public async Task A_message_cancelled_while_being_sent_stays_cancelled()
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, 79, "daily", T0, """{"recurrence":{"type":"daily","interval":1}}""");
        await using var host = new SchedulerTestHost(_db, T0);
        host.Sender.BeforeAnswer = async () =>
        {
            var cancel = await host.SendAsync(new Application.ScheduledMessages.Cancel.CancelScheduledMessage(id, 79, null, IsPrivateChat: true));
            Assert.True(cancel.IsSuccess, cancel.ToString());
        };

        var report = await host.DispatchAsync();

        Assert.Equal(1, report.LostLeases);
        Assert.Equal("cancelled", (await ScheduledMessageRows.ReadAsync(_db, id)).Status);
    }
}
