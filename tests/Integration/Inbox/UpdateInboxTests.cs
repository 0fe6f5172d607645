using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ScheduledMessages.Infrastructure.Persistence.Inbox;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Inbox;

/// <summary>
/// The inbox's store on a real database: one contract, run against PostgreSQL
/// (<see cref="PostgreSqlUpdateInboxTests"/>) and SQLite (<see cref="SqliteUpdateInboxTests"/>).
/// Times that must lie in the past are written as such; the store itself reads the database's clock.
/// </summary>
public abstract class UpdateInboxTests : IAsyncLifetime
{
    private const long ChatA = 701;
    private const long ChatB = 702;
    private const string Owner = "test-owner";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly Instant LongAgo = Instant.FromUtc(2001, 1, 1, 0, 0);

    private readonly TestStore _db;

    protected UpdateInboxTests(TestStore db) => _db = db;

    public Task InitializeAsync() => _db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_update_is_stored_once_however_often_it_arrives()
    {
        await using var host = Host();

        var first = await InboxAsync(host, inbox => inbox.AddAsync([Update(1, ChatA), Update(1, ChatA), Update(2, ChatB)], default));
        var again = await InboxAsync(host, inbox => inbox.AddAsync([Update(1, ChatA), Update(2, ChatB)], default));

        Assert.Equal((2, 0), (first, again));
        var rows = await _db.QueryAsync("SELECT update_id, status, attempts FROM inbound_updates ORDER BY update_id");
        Assert.Equal([1L, 2L], rows.Select(r => Convert.ToInt64(r["update_id"])));
        Assert.All(rows, r => Assert.Equal(("pending", 0L), ((string)r["status"]!, Convert.ToInt64(r["attempts"]))));
    }

    [Fact]
    public async Task A_claim_takes_the_oldest_update_of_each_chat_and_the_next_one_only_after_it_is_done()
    {
        await using var host = Host();
        await InboxAsync(host, inbox => inbox.AddAsync([Update(3, ChatA), Update(1, ChatA), Update(2, ChatA), Update(4, ChatB), Update(5, null), Update(6, null)], default));

        var first = await ClaimAsync(host);
        var whileLeased = await ClaimAsync(host);
        await FinishAsync(host, 1);
        var next = await ClaimAsync(host);

        // Updates without a chat are each ordered on their own.
        Assert.Equal([1L, 4L, 5L, 6L], first.Select(u => u.UpdateId));
        Assert.All(first, u => Assert.Equal(1, u.Attempts));
        Assert.Empty(whileLeased);
        Assert.Equal([2L], next.Select(u => u.UpdateId));
    }

    [Fact]
    public async Task An_older_update_arriving_late_waits_while_a_younger_one_of_its_chat_is_leased()
    {
        await using var host = Host();
        await InboxAsync(host, inbox => inbox.AddAsync([Update(10, ChatA)], default));
        Assert.Equal([10L], (await ClaimAsync(host)).Select(u => u.UpdateId));

        await InboxAsync(host, inbox => inbox.AddAsync([Update(9, ChatA)], default));
        var whileLeased = await ClaimAsync(host);
        await FinishAsync(host, 10);
        var after = await ClaimAsync(host);

        Assert.Empty(whileLeased);
        Assert.Equal([9L], after.Select(u => u.UpdateId));
    }

    [Fact]
    public async Task A_done_update_holds_its_chat_back_until_its_lease_ends_so_replies_keep_their_order()
    {
        await using var host = Host();
        await InboxAsync(host, inbox => inbox.AddAsync([Update(1, ChatA), Update(2, ChatA)], default));
        await ClaimAsync(host);

        await CompleteAsync(host, 1, commit: true);
        var whileReplying = await ClaimAsync(host);
        var ended = await InboxAsync(host, inbox => inbox.EndLeaseAsync(1, Owner, default));
        var after = await ClaimAsync(host);

        Assert.Empty(whileReplying);
        Assert.True(ended);
        Assert.Equal("done", await StatusAsync(1));
        Assert.Equal([2L], after.Select(u => u.UpdateId));
    }

    [Fact]
    public async Task Done_is_written_only_with_the_transaction_it_is_in_and_only_by_the_lease_holder()
    {
        await using var host = Host();
        await InboxAsync(host, inbox => inbox.AddAsync([Update(1, ChatA)], default));
        await ClaimAsync(host);

        var rolledBack = await CompleteAsync(host, 1, commit: false);
        var statusAfterRollback = await StatusAsync(1);

        // The lease ran out and another processor claimed the update: the first may no longer finish it.
        await _db.ExecuteAsync("UPDATE inbound_updates SET locked_until = $1", LongAgo);
        var reclaimed = await InboxAsync(host, inbox => inbox.ClaimAsync("other-owner", Lease, 10, default));
        var byOldOwner = await CompleteAsync(host, 1, commit: true);

        Assert.True(rolledBack);
        Assert.Equal("pending", statusAfterRollback);
        Assert.Equal((1L, 2), (reclaimed.Single().UpdateId, reclaimed.Single().Attempts));
        Assert.False(byOldOwner);
        Assert.Equal("pending", await StatusAsync(1));
    }

    [Fact]
    public async Task A_retry_waits_its_delay_by_the_database_clock_and_holds_back_its_chat_but_no_other()
    {
        await using var host = Host();
        await InboxAsync(host, inbox => inbox.AddAsync([Update(1, ChatA), Update(2, ChatA), Update(3, ChatB)], default));
        Assert.Equal([1L, 3L], (await ClaimAsync(host)).Select(u => u.UpdateId));

        await InboxAsync(host, inbox => inbox.RetryLaterAsync(1, Owner, TimeSpan.FromHours(1), "TimeoutException: no answer", default));
        await FinishAsync(host, 3);
        await InboxAsync(host, inbox => inbox.AddAsync([Update(4, ChatB)], default));
        var waiting = await ClaimAsync(host);

        await _db.ExecuteAsync("UPDATE inbound_updates SET next_attempt_at = $1 WHERE update_id = 1", LongAgo);
        var due = await ClaimAsync(host);

        Assert.Equal([4L], waiting.Select(u => u.UpdateId));
        Assert.Equal((1L, 2), (due.Single().UpdateId, due.Single().Attempts));
        var row = Assert.Single(await _db.QueryAsync("SELECT status, last_error FROM inbound_updates WHERE update_id = 1"));
        Assert.Equal(("pending", "TimeoutException: no answer"), ((string)row["status"]!, (string)row["last_error"]!));
    }

    [Fact]
    public async Task A_failed_update_keeps_its_error_frees_its_chat_and_is_pruned_after_the_retention_like_a_done_one()
    {
        await using var host = Host();
        await InboxAsync(host, inbox => inbox.AddAsync([Update(1, ChatA), Update(2, ChatA), Update(3, ChatB)], default));
        await ClaimAsync(host);
        await InboxAsync(host, inbox => inbox.FailAsync(1, Owner, "boom", default));
        await FinishAsync(host, 3);
        var next = await ClaimAsync(host);

        var recent = await InboxAsync(host, inbox => inbox.PruneAsync(TimeSpan.FromHours(1), 100, default));
        await _db.ExecuteAsync("UPDATE inbound_updates SET finished_at = $1 WHERE update_id IN (1, 3)", LongAgo);
        var old = await InboxAsync(host, inbox => inbox.PruneAsync(TimeSpan.FromHours(1), 100, default));

        Assert.Equal([2L], next.Select(u => u.UpdateId));
        Assert.Equal((0, 2), (recent, old));
        var left = Assert.Single(await _db.QueryAsync("SELECT update_id, status FROM inbound_updates"));
        Assert.Equal((2L, "pending"), (Convert.ToInt64(left["update_id"]), (string)left["status"]!));
    }

    [Fact]
    public async Task The_error_of_a_failed_update_is_kept_with_its_finishing_time()
    {
        await using var host = Host();
        await InboxAsync(host, inbox => inbox.AddAsync([Update(1, ChatA)], default));
        await ClaimAsync(host);

        await InboxAsync(host, inbox => inbox.FailAsync(1, Owner, "boom", default));

        var row = Assert.Single(await _db.QueryAsync("SELECT status, last_error, finished_at, locked_by FROM inbound_updates"));
        Assert.Equal(("failed", "boom"), ((string)row["status"]!, (string)row["last_error"]!));
        Assert.NotNull(row["finished_at"]);
        Assert.Null(row["locked_by"]);
    }

    private static ReceivedUpdate Update(long id, long? chat) => new(id, chat, $$"""{"update_id":{{id}}}""");

    private SchedulerTestHost Host() => new(_db, SystemClock.Instance.GetCurrentInstant());

    private static async Task<T> InboxAsync<T>(SchedulerTestHost host, Func<UpdateInbox, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UpdateInbox>());
    }

    private static Task<IReadOnlyList<ClaimedUpdate>> ClaimAsync(SchedulerTestHost host) =>
        InboxAsync(host, inbox => inbox.ClaimAsync(Owner, Lease, 10, default));

    private static async Task<bool> CompleteAsync(SchedulerTestHost host, long updateId, bool commit)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<UpdateInbox>();
        await using var transaction = await inbox.BeginAsync(default);
        var done = await inbox.CompleteAsync(updateId, Owner, default);
        if (commit)
        {
            await transaction.CommitAsync();
        }

        return done;
    }

    /// <summary>What the processor does with an update that went well: done in a transaction, then (its reply sent) the lease ended.</summary>
    private static async Task FinishAsync(SchedulerTestHost host, long updateId)
    {
        Assert.True(await CompleteAsync(host, updateId, commit: true));
        Assert.True(await InboxAsync(host, inbox => inbox.EndLeaseAsync(updateId, Owner, default)));
    }

    private async Task<string> StatusAsync(long updateId) =>
        (string)(await _db.QueryAsync("SELECT status FROM inbound_updates WHERE update_id = $1", updateId)).Single()["status"]!;
}

