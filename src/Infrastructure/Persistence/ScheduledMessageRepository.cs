using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Domain.ScheduledMessages;
using ScheduledMessages.Infrastructure.Persistence.Configurations;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>Scheduled messages in PostgreSQL; the claim leases rows with <c>FOR UPDATE SKIP LOCKED</c>.</summary>
public sealed class ScheduledMessageRepository : IScheduledMessageRepository
{
    private readonly SchedulerDbContext _db;

    public ScheduledMessageRepository(SchedulerDbContext db) => _db = db;

    public void Add(ScheduledMessage message) => _db.ScheduledMessages.Add(message);

    public Task<ScheduledMessage?> FirstOrDefaultAsync(ISpecification<ScheduledMessage> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(_db.ScheduledMessages, specification).FirstOrDefaultAsync(cancellationToken);

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
        CancellationToken cancellationToken)
    {
        var until = now + lease;

        // One statement: pick due rows nobody holds (SKIP LOCKED passes over rows another claim is
        // taking right now; an expired lease counts as free), lease them, and return them.
        var claimed = await _db.ScheduledMessages
            .FromSql($"""
                UPDATE scheduled_messages AS m
                SET locked_by = {owner}, locked_until = {until}
                FROM (
                    SELECT id
                    FROM scheduled_messages
                    WHERE status IN ('pending', 'rescheduled')
                      AND scheduled_time <= {now}
                      AND (locked_until IS NULL OR locked_until < {now})
                    ORDER BY priority, scheduled_time
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED
                ) AS due
                WHERE m.id = due.id
                RETURNING m.*
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        // RETURNING keeps no order: restore the claim's.
        return [.. claimed.OrderBy(m => m.Priority).ThenBy(m => m.ScheduledTime)];
    }

    public async Task<bool> SaveClaimedAsync(ScheduledMessage message, string owner, CancellationToken cancellationToken)
    {
        var id = message.Id;
        var status = message.Status;
        var scheduledTime = message.ScheduledTime;
        var attempts = message.Attempts;
        var lastAttemptTime = message.LastAttemptTime;
        var metadata = message.Metadata;

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
                    .SetProperty(m => m.Metadata, metadata)
                    .SetProperty(m => EF.Property<string?>(m, ScheduledMessageConfiguration.LockedBy), (string?)null)
                    .SetProperty(m => EF.Property<Instant?>(m, ScheduledMessageConfiguration.LockedUntil), (Instant?)null),
                cancellationToken);
        return rows == 1;
    }

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

    public async Task<Instant?> NextDueTimeAsync(CancellationToken cancellationToken)
    {
        // A row is claimable at its time, or when its lease ends if that is later. Split in two so
        // that each half reads an index: free rows in time order, and the few leased rows.
        var next = await _db.Database
            .SqlQuery<Instant?>($"""
                SELECT LEAST(
                    (SELECT min(scheduled_time) FROM scheduled_messages
                     WHERE status IN ('pending', 'rescheduled')
                       AND (locked_until IS NULL OR locked_until <= scheduled_time)),
                    (SELECT min(locked_until) FROM scheduled_messages
                     WHERE locked_until IS NOT NULL AND locked_until > scheduled_time
                       AND status IN ('pending', 'rescheduled'))) AS "Value"
                """)
            .ToListAsync(cancellationToken);
        return next.Count == 0 ? null : next[0];
    }
}
