using Microsoft.EntityFrameworkCore;
using NodaTime;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>PostgreSQL's claim, <c>FOR UPDATE SKIP LOCKED</c>, safe for many instances (ADR 0101).</summary>
internal sealed class PostgreSqlDueMessageQueries : IDueMessageQueries
{
    public static readonly PostgreSqlDueMessageQueries Instance = new();

    private PostgreSqlDueMessageQueries()
    {
    }

    public Task<List<ScheduledMessage>> ClaimAsync(
        SchedulerDbContext db,
        string owner,
        Instant now,
        Instant until,
        int batchSize,
        CancellationToken cancellationToken) =>
        // One statement: pick due rows nobody holds (SKIP LOCKED passes over rows another claim is
        // taking right now; an expired lease counts as free), lease them, and return them.
        db.ScheduledMessages
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

    public async Task<Instant?> NextDueTimeAsync(SchedulerDbContext db, CancellationToken cancellationToken)
    {
        // A row is claimable at its time, or when its lease ends if that is later. Split in two so
        // that each half reads an index: free rows in time order, and the few leased rows.
        var next = await db.Database
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
