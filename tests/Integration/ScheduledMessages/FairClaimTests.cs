using NodaTime;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>
/// The fair claim (ADR 0803): a round takes at most Scheduler:MaxPerChatPerRound (3) messages of a
/// chat, chats in order of their earliest due message, priority ordering a chat's own messages only;
/// a chat that another live lease holds is passed over. One contract, run against PostgreSQL
/// (<see cref="PostgreSqlFairClaimTests"/>) and SQLite (<see cref="SqliteFairClaimTests"/>).
/// </summary>
public abstract class FairClaimTests : IAsyncLifetime
{
    private static readonly Instant T0 = Instant.FromUtc(2030, 1, 7, 10, 0);

    private readonly TestStore _db;

    protected FairClaimTests(TestStore db) => _db = db;

    public Task InitializeAsync() => _db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task One_round_serves_all_50_quiet_chats_and_at_most_3_of_a_chat_with_100_due()
    {
        // The busy chat's messages are older and all "!1": by age and priority alone they would fill the batch.
        var rows = new List<(long ChatId, string Content, Instant ScheduledTime, int Priority)>();
        rows.AddRange(Enumerable.Range(0, 100).Select(n => (600L, $"busy #{n}", T0 - Duration.FromMinutes(200 - n), 1)));
        rows.AddRange(Enumerable.Range(1, 50).Select(n => (600L + n, $"quiet {600 + n}", T0 - Duration.FromSeconds(1), 3)));
        await ScheduledMessageRows.InsertManyAsync(_db, rows);
        await using var host = new SchedulerTestHost(_db, T0, o => o.BatchSize = 60);

        var report = await host.DispatchAsync();

        Assert.Equal(53, report.Delivered);
        Assert.Equal(["busy #0", "busy #1", "busy #2"], host.Sender.Sends.Where(s => s.ChatId == 600).Select(s => s.Text));
        Assert.Equal(Enumerable.Range(601, 50).Select(c => (long)c), host.Sender.Sends.Where(s => s.ChatId != 600).Select(s => s.ChatId).Order());
    }

    [Fact]
    public async Task A_chat_full_of_priority_1_messages_cannot_starve_normal_messages_of_other_chats()
    {
        var rows = new List<(long ChatId, string Content, Instant ScheduledTime, int Priority)>();
        rows.AddRange(Enumerable.Range(0, 60).Select(n => (700L, $"urgent #{n}", T0 - Duration.FromMinutes(60) + Duration.FromSeconds(n), 1)));
        rows.AddRange(Enumerable.Range(1, 20).Select(n => (700L + n, $"normal {700 + n}", T0 - Duration.FromMinutes(30) + Duration.FromSeconds(n), 3)));
        await ScheduledMessageRows.InsertManyAsync(_db, rows);
        await using var host = new SchedulerTestHost(_db, T0, o => o.BatchSize = 10);

        // Ten a round, breadth first: every chat's first message before any chat's second, so the
        // urgent chat gets one a round while other chats wait, and its second and third once they do not.
        var rounds = new List<(int Urgent, int Normal)>();
        for (var round = 0; round < 3; round++)
        {
            await host.DispatchAsync();
            rounds.Add((host.Sender.Sends.Count(s => s.ChatId == 700), host.Sender.Sends.Count(s => s.ChatId != 700)));
        }

        Assert.Equal([(1, 9), (2, 18), (5, 20)], rounds);
    }

    [Fact]
    public async Task Priority_orders_a_chats_own_messages_while_chats_take_turns_by_their_longest_wait()
    {
        // Chat A has waited longest; its p4 goes before its own older p5. Chat B's p1 messages do not
        // jump ahead of chats A and C, which have waited longer.
        await ScheduledMessageRows.InsertAsync(_db, 801, "A p5", T0 - Duration.FromMinutes(10), priority: 5);
        await ScheduledMessageRows.InsertAsync(_db, 801, "A p4", T0 - Duration.FromMinutes(9), priority: 4);
        await ScheduledMessageRows.InsertAsync(_db, 802, "B p1 x", T0 - Duration.FromMinutes(1), priority: 1);
        await ScheduledMessageRows.InsertAsync(_db, 802, "B p1 y", T0 - Duration.FromSeconds(59), priority: 1);
        await ScheduledMessageRows.InsertAsync(_db, 803, "C p3", T0 - Duration.FromMinutes(5), priority: 3);
        await using var host = new SchedulerTestHost(_db, T0, o =>
        {
            o.BatchSize = 2;
            o.MaxPerChatPerRound = 1;
        });

        var rounds = new List<string[]>();
        while ((await host.DispatchAsync()).Delivered > 0)
        {
            // The lanes of one round run side by side: compare each round as a set.
            rounds.Add([.. host.Sender.Sends.Skip(rounds.Sum(r => r.Length)).Select(s => s.Text).Order(StringComparer.Ordinal)]);
        }

        Assert.Equal([["A p4", "C p3"], ["A p5", "B p1 x"], ["B p1 y"]], rounds);
    }

    [Fact]
    public async Task A_chat_with_a_message_under_another_instances_live_lease_is_passed_over_until_that_lease_ends()
    {
        var leased = await ScheduledMessageRows.InsertAsync(_db, 900, "held elsewhere", T0 - Duration.FromMinutes(3));
        var sameChat = await ScheduledMessageRows.InsertAsync(_db, 900, "same chat", T0 - Duration.FromMinutes(2));
        await ScheduledMessageRows.InsertAsync(_db, 901, "other chat", T0 - Duration.FromMinutes(1));
        await _db.ExecuteAsync("UPDATE scheduled_messages SET locked_by = 'other-instance', locked_until = $2 WHERE id = $1", leased, T0 + Duration.FromMinutes(1));
        await using var host = new SchedulerTestHost(_db, T0);

        var whileHeld = await host.DispatchAsync();
        var untouched = await ScheduledMessageRows.ReadAsync(_db, sameChat);
        host.Clock.Advance(Duration.FromMinutes(1) + Duration.FromSeconds(1));
        var afterLease = await host.DispatchAsync();

        Assert.Equal(1, whileHeld.Delivered);
        Assert.Equal(["other chat"], host.Sender.Sends.Take(1).Select(s => s.Text));
        Assert.Equal(("pending", (string?)null), (untouched.Status, untouched.LockedBy));
        Assert.Equal(2, afterLease.Delivered);
        Assert.Equal(["held elsewhere", "same chat"], host.Sender.Sends.Skip(1).Select(s => s.Text));
    }

    [Fact]
    public async Task A_chats_order_by_priority_then_time_is_kept_across_rounds()
    {
        var rows = new List<(long ChatId, string Content, Instant ScheduledTime, int Priority)>();
        for (var n = 0; n < 12; n++)
        {
            var priority = 1 + ((n * 7) % 5);
            rows.Add((1000, $"{priority}:{n:D2}", T0 - Duration.FromMinutes(30 - n), priority));
            rows.Add((1001, $"other {n}", T0 - Duration.FromMinutes(30 - n), 3));
        }

        await ScheduledMessageRows.InsertManyAsync(_db, rows);
        await using var host = new SchedulerTestHost(_db, T0);

        var rounds = 0;
        while ((await host.DispatchAsync()).Delivered > 0)
        {
            rounds++;
        }

        // The content sorts as the chat's order: priority, then time.
        var sent = host.Sender.Sends.Where(s => s.ChatId == 1000).Select(s => s.Text).ToList();
        Assert.Equal(4, rounds);
        Assert.Equal(sent.Order(StringComparer.Ordinal), sent);
        Assert.Equal(12, sent.Count);
    }
}
