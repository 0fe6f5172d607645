using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ScheduledMessages.Infrastructure.Persistence.Inbox;

/// <summary>
/// The durable inbox of Telegram updates (<c>inbound_updates</c>, ADR 0801) on the scope's
/// <see cref="SchedulerDbContext"/>: stores each update once, leases a chat's oldest pending update
/// to one processor at a time, and records how its processing ended. <see cref="CompleteAsync"/>
/// runs in the context's current transaction, so an update's effects and its "done" commit together.
/// </summary>
public sealed class UpdateInbox
{
    // SQLite has no row locks: claims on one file take turns in this process (ADR 0301's rule).
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteGates = new(StringComparer.Ordinal);

    private readonly SchedulerDbContext _db;
    private readonly InboxSql _sql;

    public UpdateInbox(SchedulerDbContext db)
    {
        _db = db;
        _sql = InboxSql.For(db.Provider);
    }

    /// <summary>Stores the updates not stored yet, in one transaction; a second copy of an update is ignored. Returns how many were new.</summary>
    public async Task<int> AddAsync(IReadOnlyList<ReceivedUpdate> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return 0;
        }

        var added = 0;
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var update in updates)
        {
            added += update.ChatId is { } chatId
                ? await _db.Database.ExecuteSqlRawAsync(_sql.Insert, [update.UpdateId, update.Payload, chatId], cancellationToken)
                : await _db.Database.ExecuteSqlRawAsync(_sql.InsertWithoutChat, [update.UpdateId, update.Payload], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// Leases up to <paramref name="max"/> updates to <paramref name="owner"/> for <paramref name="lease"/>,
    /// each the oldest pending update of a chat that has no update leased, and counts an attempt on each.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedUpdate>> ClaimAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var gate = _db.Provider == StoreProvider.Sqlite
            ? SqliteGates.GetOrAdd(_db.Database.GetConnectionString() ?? string.Empty, _ => new SemaphoreSlim(1, 1))
            : null;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            var rows = await _db.Set<InboundUpdateRecord>()
                .FromSqlRaw(_sql.Claim, owner, _sql.Interval(lease), max)
                .AsNoTracking()
                .ToListAsync(cancellationToken);

            // RETURNING keeps no order.
            return [.. rows.OrderBy(r => r.UpdateId).Select(r => new ClaimedUpdate(r.UpdateId, r.ChatId, r.Payload, r.Attempts))];
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>
    /// Begins the transaction an update is processed in; everything the scope's context writes
    /// until it is committed (the command's effects, <see cref="CompleteAsync"/>) commits or rolls back together.
    /// </summary>
    public Task<IDbContextTransaction> BeginAsync(CancellationToken cancellationToken) => _db.Database.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// Marks the update done, only while <paramref name="owner"/> holds its lease and it is pending;
    /// false when it does not (its lease passed to another). Call it first in the processing
    /// transaction: on PostgreSQL the row then stays locked until the transaction ends. The lease
    /// stays, holding the chat's next update back until <see cref="EndLeaseAsync"/> (the reply is sent).
    /// </summary>
    public async Task<bool> CompleteAsync(long updateId, string owner, CancellationToken cancellationToken) =>
        await _db.Database.ExecuteSqlRawAsync(_sql.Complete, [updateId, owner], cancellationToken) == 1;

    /// <summary>Ends <paramref name="owner"/>'s lease on a done update: its chat's next update may be claimed.</summary>
    public async Task<bool> EndLeaseAsync(long updateId, string owner, CancellationToken cancellationToken) =>
        await _db.Database.ExecuteSqlRawAsync(_sql.EndLease, [updateId, owner], cancellationToken) == 1;

    /// <summary>Ends the lease and makes the update due again <paramref name="delay"/> from the database's now, keeping <paramref name="error"/>.</summary>
    public async Task<bool> RetryLaterAsync(long updateId, string owner, TimeSpan delay, string error, CancellationToken cancellationToken) =>
        await _db.Database.ExecuteSqlRawAsync(_sql.RetryLater, [updateId, owner, _sql.Interval(delay), error], cancellationToken) == 1;

    /// <summary>Gives the update up: <c>failed</c> with <paramref name="error"/> kept.</summary>
    public async Task<bool> FailAsync(long updateId, string owner, string error, CancellationToken cancellationToken) =>
        await _db.Database.ExecuteSqlRawAsync(_sql.Fail, [updateId, owner, error], cancellationToken) == 1;

    /// <summary>Ends the lease without counting the attempt (the processor is stopping).</summary>
    public async Task<bool> ReleaseAsync(long updateId, string owner, CancellationToken cancellationToken) =>
        await _db.Database.ExecuteSqlRawAsync(_sql.Release, [updateId, owner], cancellationToken) == 1;

    /// <summary>Deletes up to <paramref name="limit"/> done or failed updates that finished more than <paramref name="retention"/> ago (the database's clock); returns how many.</summary>
    public Task<int> PruneAsync(TimeSpan retention, int limit, CancellationToken cancellationToken) =>
        _db.Database.ExecuteSqlRawAsync(_sql.Prune, [_sql.Interval(-retention), limit], cancellationToken);
}
