using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Infrastructure.Persistence.Sqlite;

/// <summary>
/// SQLite's claim (ADR 0301): no row locks, so one <c>UPDATE ... WHERE id IN (SELECT ... LIMIT n)
/// RETURNING *</c>, which SQLite runs atomically under its single write lock. Claims on one file
/// also queue on an in-process gate, so dispatchers wait their turn instead of spinning on
/// SQLITE_BUSY. Safe for any number of dispatchers in one process.
/// </summary>
internal sealed class SqliteDueMessageQueries : IDueMessageQueries
{
    public static readonly SqliteDueMessageQueries Instance = new();

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private SqliteDueMessageQueries()
    {
    }

    public async Task<List<ScheduledMessage>> ClaimAsync(
        SchedulerDbContext db,
        string owner,
        Instant now,
        Instant until,
        int batchSize,
        CancellationToken cancellationToken)
    {
        var nowText = InstantText.Format(now);
        var untilText = InstantText.Format(until);
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? string.Empty, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Instants are fixed-width UTC text, so text comparison is time comparison.
            return await db.ScheduledMessages
                .FromSql($"""
                    UPDATE scheduled_messages
                    SET locked_by = {owner}, locked_until = {untilText}
                    WHERE id IN (
                        SELECT id
                        FROM scheduled_messages
                        WHERE status IN ('pending', 'rescheduled')
                          AND scheduled_time <= {nowText}
                          AND (locked_until IS NULL OR locked_until < {nowText})
                        ORDER BY priority, scheduled_time
                        LIMIT {batchSize})
                    RETURNING *
                    """)
                .AsNoTracking()
                .ToListAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>SQLite writes them one by one in a transaction: it has no multi-row UPDATE ... FROM over arrays, and every write is local.</summary>
    public Task<IReadOnlySet<Guid>?> SaveClaimedAsync(
        SchedulerDbContext db,
        IReadOnlyList<ScheduledMessage> messages,
        string owner,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<Guid>?>(null);

    public async Task<Instant?> NextDueTimeAsync(SchedulerDbContext db, CancellationToken cancellationToken)
    {
        // The aggregate min skips NULLs (SQLite's two-argument min does not), like LEAST in PostgreSQL.
        var next = await db.Database
            .SqlQuery<string?>($"""
                SELECT min(t) AS "Value" FROM (
                    SELECT min(scheduled_time) AS t FROM scheduled_messages
                    WHERE status IN ('pending', 'rescheduled')
                      AND (locked_until IS NULL OR locked_until <= scheduled_time)
                    UNION ALL
                    SELECT min(locked_until) FROM scheduled_messages
                    WHERE locked_until IS NOT NULL AND locked_until > scheduled_time
                      AND status IN ('pending', 'rescheduled'))
                """)
            .ToListAsync(cancellationToken);
        return next is [{ } text] ? InstantText.Parse(text) : null;
    }
}
