using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;
using ScheduledMessages.Domain.ScheduledMessages;
using ScheduledMessages.Infrastructure.Persistence.Configurations;
using ScheduledMessages.Infrastructure.Persistence.Metadata;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>
/// Scheduled messages in either store. The claim and the next-due query are the provider's
/// (<see cref="IDueMessageQueries"/>); the guarded writes and all reads are shared LINQ.
/// </summary>
public sealed class ScheduledMessageRepository : IScheduledMessageRepository, IDispatchStore
{
    private readonly SchedulerDbContext _db;
    private readonly IDueMessageQueries _due;

    public ScheduledMessageRepository(SchedulerDbContext db)
    {
        _db = db;
        _due = IDueMessageQueries.For(db.Provider);
    }

    public void Add(ScheduledMessage message) => _db.ScheduledMessages.Add(message);

    public Task<ScheduledMessage?> FirstOrDefaultAsync(ISpecification<ScheduledMessage> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(_db.ScheduledMessages, specification).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ScheduledMessage>> ListForUpdateAsync(ISpecification<ScheduledMessage> specification, CancellationToken cancellationToken) =>
        await SpecificationEvaluator.Apply(_db.ScheduledMessages, specification).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ScheduledMessage>> ListAsync(ISpecification<ScheduledMessage> specification, CancellationToken cancellationToken) =>
        await SpecificationEvaluator.Apply(_db.ScheduledMessages.AsNoTracking(), specification).ToListAsync(cancellationToken);

    public Task<int> CountAsync(ISpecification<ScheduledMessage> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(_db.ScheduledMessages, specification, criteriaOnly: true).CountAsync(cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => _db.SaveChangesAsync(cancellationToken);

    public async Task<IReadOnlyList<ScheduledMessage>> ClaimDueAsync(
        string owner,
        Instant now,
        Duration lease,
        int batchSize,
        int maxPerChat,
        CancellationToken cancellationToken)
    {
        var claimed = await _due.ClaimAsync(_db, owner, now, now + lease, batchSize, maxPerChat, cancellationToken);

        // RETURNING keeps no order: restore the claim's.
        return FairClaimOrder.Arrange(claimed);
    }

    public async Task<bool> SaveClaimedAsync(ScheduledMessage message, string owner, CancellationToken cancellationToken)
    {
        var id = message.Id;
        var status = message.Status;
        var scheduledTime = message.ScheduledTime;
        var attempts = message.Attempts;
        var lastAttemptTime = message.LastAttemptTime;
        var metadata = MetadataColumn.ToStore(message);

        // Written only while this owner holds the lease and the row is still active: a late finisher
        // whose lease passed on, or a message cancelled meanwhile, is left as it is.
        var rows = await _db.ScheduledMessages
            .Where(m => m.Id == id
                && EF.Property<string?>(m, ScheduledMessageConfiguration.LockedBy) == owner
                && (m.Status == MessageStatus.Pending || m.Status == MessageStatus.Rescheduled))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => m.Status, status)
                    .SetProperty(m => m.ScheduledTime, scheduledTime)
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastAttemptTime, lastAttemptTime)
                    .SetProperty(m => EF.Property<string?>(m, ScheduledMessageConfiguration.Metadata), metadata)
                    .SetProperty(m => EF.Property<string?>(m, ScheduledMessageConfiguration.LockedBy), (string?)null)
                    .SetProperty(m => EF.Property<Instant?>(m, ScheduledMessageConfiguration.LockedUntil), (Instant?)null),
                cancellationToken);
        return rows == 1;
    }

    public async Task<IReadOnlySet<Guid>> SaveClaimedAsync(IReadOnlyList<ScheduledMessage> messages, string owner, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return new HashSet<Guid>();
        }

        if (await _due.SaveClaimedAsync(_db, messages, owner, cancellationToken) is { } written)
        {
            return written;
        }

        // No one-statement form for this provider: one guarded update each, in one transaction (the
        // caller's, when the context is already in one: they commit or roll back with the rest).
        var saved = new HashSet<Guid>();
        async Task SaveEachAsync()
        {
            saved.Clear();
            foreach (var message in messages)
            {
                if (await SaveClaimedAsync(message, owner, cancellationToken))
                {
                    saved.Add(message.Id);
                }
            }
        }

        if (_db.Database.CurrentTransaction is not null)
        {
            await SaveEachAsync();
            return saved;
        }

        var strategy = _db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
            await SaveEachAsync();
            await transaction.CommitAsync(cancellationToken);
        });
        return saved;
    }

    public Task<int> RenewLeasesAsync(IReadOnlyCollection<Guid> ids, string owner, Instant until, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        return _db.ScheduledMessages
            .Where(m => list.Contains(m.Id) && EF.Property<string?>(m, ScheduledMessageConfiguration.LockedBy) == owner)
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => EF.Property<Instant?>(m, ScheduledMessageConfiguration.LockedUntil), until),
                cancellationToken);
    }

    public Task<int> PruneFinishedAsync(Instant finishedBefore, int limit, CancellationToken cancellationToken) =>
        // "Finished before" = due, created and last attempted before it; the oldest go first, a
        // bounded number a statement, so the table is never locked for long.
        _db.ScheduledMessages
            .Where(m => (m.Status == MessageStatus.Sent || m.Status == MessageStatus.Cancelled)
                && m.ScheduledTime < finishedBefore
                && m.CreatedAt < finishedBefore
                && (m.LastAttemptTime == null || m.LastAttemptTime < finishedBefore))
            .OrderBy(m => m.ScheduledTime)
            .Take(limit)
            .ExecuteDeleteAsync(cancellationToken);

    public Task<int> ReleaseAsync(IReadOnlyCollection<Guid> ids, string owner, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        return _db.ScheduledMessages
            .Where(m => list.Contains(m.Id) && EF.Property<string?>(m, ScheduledMessageConfiguration.LockedBy) == owner)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => EF.Property<string?>(m, ScheduledMessageConfiguration.LockedBy), (string?)null)
                    .SetProperty(m => EF.Property<Instant?>(m, ScheduledMessageConfiguration.LockedUntil), (Instant?)null),
                cancellationToken);
    }

    public Task<Instant?> NextDueTimeAsync(CancellationToken cancellationToken) => _due.NextDueTimeAsync(_db, cancellationToken);
}
