using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Infrastructure.Persistence.Sqlite;

/// <summary>
/// SQLite's claim (ADR 0301): no row locks, so one <c>UPDATE ... WHERE id IN (SELECT ... LIMIT n)
/// RETURNING *</c>, which SQLite runs atomically under its single write lock; fair across chats
/// as PostgreSQL's (ADR 0803). Claims on one file
/// also queue on an in-process gate, so dispatchers wait their turn instead of spinning on
/// SQLITE_BUSY. Safe for any number of dispatchers in one process.
/// </summary>
internal sealed class SqliteDueMessageQueries : IDueMessageQueries
{
    public static readonly SqliteDueMessageQueries Instance = new();

    private const string SelectNow = "SELECT " + StoreDialect.SqliteNowSql + " AS \"Value\"";

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
        int maxPerChat,
        CancellationToken cancellationToken)
    {
        var nowText = InstantText.Format(now);
        var untilText = InstantText.Format(until);
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? string.Empty, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Instants are fixed-width UTC text, so text comparison is time comparison. The fair
            // claim of ADR 0803 as window functions over the due rows (one process, a local file):
            // each chat's due rows ranked by priority then time, breadth first (every chat's first,
            // then every chat's second ...), chats by their earliest due row, a chat with a row under
            // a live lease left out.
            return await db.ScheduledMessages
                .FromSql($"""
                    UPDATE scheduled_messages
                    SET locked_by = {owner}, locked_until = {untilText}
                    WHERE id IN (
                        SELECT id
                        FROM (
                            SELECT s.id, s.chat_id,
                                   row_number() OVER (PARTITION BY s.chat_id ORDER BY s.priority, s.scheduled_time, s.id) AS place,
                                   min(s.scheduled_time) OVER (PARTITION BY s.chat_id) AS chat_first
                            FROM scheduled_messages AS s
                            WHERE s.status IN ('pending', 'rescheduled')
                              AND s.scheduled_time <= {nowText}
                              AND NOT EXISTS (
                                  SELECT 1
                                  FROM scheduled_messages AS l
                                  WHERE l.chat_id = s.chat_id
                                    AND l.status IN ('pending', 'rescheduled')
                                    AND l.locked_until >= {nowText}))
                        WHERE place <= {maxPerChat}
                        ORDER BY place, chat_first, chat_id
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

    public async Task<Instant> NowAsync(SchedulerDbContext db, CancellationToken cancellationToken)
    {
        var now = await db.Database
            .SqlQueryRaw<string>(SelectNow)
            .ToListAsync(cancellationToken);
        return InstantText.Parse(now[0]);
    }
}
