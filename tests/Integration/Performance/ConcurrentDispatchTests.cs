using NodaTime;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Performance;

/// <summary>
/// A claimed batch is sent by several lanes at once (issue 7) without giving up the worker's
/// rules: each chat's messages in order, at most SendConcurrency sends in flight, every outcome
/// written under its own row's lease, leases renewed while a slow batch runs. One contract, run
/// against PostgreSQL and SQLite.
/// </summary>
public abstract class ConcurrentDispatchTests : IAsyncLifetime
{
    private static readonly Instant T0 = Instant.FromUtc(2030, 1, 7, 10, 0);

    private readonly TestStore _db;

    protected ConcurrentDispatchTests(TestStore db) => _db = db;

    public Task InitializeAsync() => _db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Messages_of_one_chat_are_sent_in_claim_order_while_chats_are_sent_side_by_side()
    {
        // Six chats, five messages each, due one second apart and interleaved across the chats.
        var rows = new List<(long ChatId, string Content, Instant ScheduledTime, int Priority)>();
        for (var n = 0; n < 30; n++)
        {
            rows.Add((100 + (n % 6), $"chat {100 + (n % 6)} #{n / 6}", T0 - Duration.FromSeconds(60 - n), 3));
        }

        await ScheduledMessageRows.InsertManyAsync(_db, rows);
        await using var host = new SchedulerTestHost(_db, T0, o => o.SendConcurrency = 4);
        var random = new Random(7);
        host.Sender.BeforeAnswer = () => Task.Delay(random.Next(0, 15));

        // A round takes at most MaxPerChatPerRound (3) of each chat: two rounds, 18 then 12.
        var first = await host.DispatchAsync();
        var second = await host.DispatchAsync();

        Assert.Equal((18, 12), (first.Delivered, second.Delivered));
        foreach (var chat in Enumerable.Range(100, 6))
        {
            Assert.Equal(
                [.. Enumerable.Range(0, 5).Select(i => $"chat {chat} #{i}")],
                host.Sender.Sends.Where(s => s.ChatId == chat).Select(s => s.Text).ToList());
        }
    }

    [Fact]
    public async Task At_most_SendConcurrency_sends_are_in_flight_and_that_many_are_reached()
    {
        await ScheduledMessageRows.InsertManyAsync(_db, Enumerable.Range(0, 12).Select(n => (200L + n, $"m{n}", T0 - Duration.FromSeconds(n), 3)));
        await using var host = new SchedulerTestHost(_db, T0, o => o.SendConcurrency = 3);
        var inFlight = 0;
        var most = 0;
        var threeAtOnce = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Sender.BeforeAnswer = async () =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            if (now == 3)
            {
                threeAtOnce.TrySetResult();
            }

            // The first sends wait for each other: only concurrent lanes can get past this.
            await threeAtOnce.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Interlocked.Decrement(ref inFlight);
        };

        var report = await host.DispatchAsync();

        Assert.Equal(12, report.Delivered);
        Assert.Equal(3, most);
    }

    [Fact]
    public async Task A_row_whose_lease_was_taken_meanwhile_is_left_alone_and_the_rest_of_the_batch_is_written()
    {
        var taken = await ScheduledMessageRows.InsertAsync(_db, 300, "taken", T0 - Duration.FromMinutes(2));
        var kept = new[]
        {
            await ScheduledMessageRows.InsertAsync(_db, 301, "kept 1", T0 - Duration.FromMinutes(1)),
            await ScheduledMessageRows.InsertAsync(_db, 302, "kept 2", T0),
        };
        await using var host = new SchedulerTestHost(_db, T0);
        // Another instance takes one row over while the batch is being sent. Every send waits for
        // the takeover to be committed: lanes run in parallel, and a lane that went on before it
        // could write its outcome first.
        var steal = new Lazy<Task>(() => _db.ExecuteAsync("UPDATE scheduled_messages SET locked_by = 'other' WHERE id = $1", taken));
        host.Sender.BeforeAnswer = () => steal.Value;

        var report = await host.DispatchAsync();

        Assert.Equal((3, 1), (report.Delivered, report.LostLeases));
        var row = await ScheduledMessageRows.ReadAsync(_db, taken);
        Assert.Equal(("pending", "other"), (row.Status, row.LockedBy));
        foreach (var id in kept)
        {
            var done = await ScheduledMessageRows.ReadAsync(_db, id);
            Assert.Equal(("sent", (string?)null), (done.Status, done.LockedBy));
        }
    }

    [Fact]
    public async Task A_batch_that_outlives_its_lease_renews_it_so_no_other_instance_takes_the_rest()
    {
        await ScheduledMessageRows.InsertAsync(_db, 400, "slow", T0 - Duration.FromSeconds(2));
        var waiting = await ScheduledMessageRows.InsertAsync(_db, 400, "after the slow one", T0 - Duration.FromSeconds(1));
        await using var host = new SchedulerTestHost(_db, T0, o =>
        {
            o.LeaseDuration = TimeSpan.FromMilliseconds(600);
            o.LaneTimeBudget = TimeSpan.FromMinutes(5);
        });
        var releaseSlowSend = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Sender.BeforeAnswer = async () =>
        {
            if (host.Sender.Sends.Count == 1)
            {
                await releaseSlowSend.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }
        };

        var dispatch = host.DispatchAsync("slow-worker");

        // Time passes beyond the first lease; the worker renews the unfinished rows' leases.
        host.Clock.Advance(Duration.FromMinutes(10));
        await WaitUntilAsync(async () => (await ScheduledMessageRows.ReadAsync(_db, waiting)).LockedUntil > T0 + Duration.FromMinutes(10));
        var rival = await host.DispatchAsync("rival");
        releaseSlowSend.SetResult();
        var report = await dispatch;

        Assert.Equal(0, rival.Claimed);
        Assert.Equal((2, 0), (report.Delivered, report.LostLeases));
        Assert.Equal(["slow", "after the slow one"], host.Sender.Sends.Select(s => s.Text));
    }

    [Fact]
    public async Task A_chat_with_many_messages_due_gives_the_rest_back_after_its_time_budget_so_other_chats_are_not_held_up()
    {
        var rows = new List<(long ChatId, string Content, Instant ScheduledTime, int Priority)>();
        for (var n = 0; n < 10; n++)
        {
            rows.Add((500, $"busy #{n}", T0 - Duration.FromSeconds(100 - n), 3));
        }

        for (var chat = 501; chat <= 520; chat++)
        {
            rows.Add((chat, $"quiet {chat}", T0 - Duration.FromSeconds(50), 3));
        }

        await ScheduledMessageRows.InsertManyAsync(_db, rows);
        await using var host = new SchedulerTestHost(_db, T0, o =>
        {
            o.LaneTimeBudget = TimeSpan.FromSeconds(1);
            o.MaxPerChatPerRound = 10;
        });

        // As Telegram's one message a second per chat would: the busy chat's sends are slow. Ten of
        // them take at least 2 s, well past the budget, so some are given back however fast the machine is.
        host.Sender.BeforeAnswer = () => Task.Delay(TimeSpan.FromMilliseconds(200));
        var first = await host.DispatchAsync();

        Assert.Equal(30, first.Claimed);
        Assert.True(first.Released is > 0 and < 10, $"released {first.Released}");
        Assert.Equal(30 - first.Released, first.Delivered);
        Assert.Equal(20, host.Sender.Sends.Count(s => s.ChatId != 500));

        // The rest come back first in line, still in order, with no lease left on them.
        while (host.Sender.Sends.Count(s => s.ChatId == 500) < 10)
        {
            Assert.True((await host.DispatchAsync()).Delivered > 0);
        }

        Assert.Equal(
            [.. Enumerable.Range(0, 10).Select(n => $"busy #{n}")],
            host.Sender.Sends.Where(s => s.ChatId == 500).Select(s => s.Text).ToList());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The lease was not renewed within 60 s.");
            await Task.Delay(50);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
