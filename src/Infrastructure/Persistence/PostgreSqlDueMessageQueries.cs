using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using ScheduledMessages.Domain.ScheduledMessages;
using ScheduledMessages.Infrastructure.Persistence.Configurations;
using ScheduledMessages.Infrastructure.Persistence.Metadata;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL's claim, <c>FOR UPDATE SKIP LOCKED</c>, safe for many instances (ADR 0101), fair
/// across chats and one instance per chat (ADR 0803), reading only the due rows it needs (ADR 0401),
/// the batched guarded write, and the database's time (ADR 0804).
/// </summary>
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
        int maxPerChat,
        CancellationToken cancellationToken) =>
        // One statement, the fair claim of ADR 0803, reading indexes only as far as it needs:
        // - held: the chats any of whose active rows another live lease holds (one instance per
        //   chat); few (at most a batch an instance), read once from the lease index and hashed.
        // - walk: the other chats with due rows, in order of their earliest due row. Each step is one
        //   probe of the due-time index from where the last step stopped, for the next due row of a
        //   chat neither met yet nor held, so a busy chat's backlog is stepped over, not read per
        //   chat. The walk ends after batchSize chats, or when no due row is left.
        // - candidates: each chosen chat's first maxPerChat due rows by priority then time (a probe of
        //   the chat's rows); breadth first: every chat's first row (chats in walk order), then every
        //   chat's second, ..., the first batchSize of them.
        // - due: those rows locked, passing over any that another claim is taking right now (SKIP
        //   LOCKED) and re-checking each locked row (another claim may have leased it meanwhile).
        // Then lease them and return them.
        db.ScheduledMessages
            .FromSql($"""
                WITH RECURSIVE held AS MATERIALIZED (
                    SELECT DISTINCT l.chat_id
                    FROM scheduled_messages AS l
                    WHERE l.locked_until >= {now}
                      AND l.status IN ('pending', 'rescheduled')
                ),
                walk AS (
                    SELECT '-infinity'::timestamptz AS t, ARRAY[]::bigint[] AS met, NULL::bigint AS chat_id, 0 AS taken
                  UNION ALL
                    SELECT n.scheduled_time, walk.met || n.chat_id, n.chat_id, walk.taken + 1
                    FROM walk
                    CROSS JOIN LATERAL (
                        SELECT s.scheduled_time, s.chat_id
                        FROM scheduled_messages AS s
                        WHERE s.status IN ('pending', 'rescheduled')
                          AND s.scheduled_time >= walk.t
                          AND s.scheduled_time <= {now}
                          AND s.chat_id <> ALL (walk.met)
                          AND s.chat_id NOT IN (SELECT h.chat_id FROM held AS h)
                        ORDER BY s.scheduled_time
                        LIMIT 1) AS n
                    WHERE walk.taken < {batchSize}
                ),
                candidates AS (
                    SELECT c.id
                    FROM walk AS w
                    CROSS JOIN LATERAL (
                        SELECT s.id, s.priority, s.scheduled_time
                        FROM scheduled_messages AS s
                        WHERE s.chat_id = w.chat_id
                          AND s.status IN ('pending', 'rescheduled')
                          AND s.scheduled_time <= {now}
                        ORDER BY s.priority, s.scheduled_time, s.id
                        LIMIT {maxPerChat}) AS c
                    WHERE w.chat_id IS NOT NULL
                    ORDER BY row_number() OVER (PARTITION BY w.chat_id ORDER BY c.priority, c.scheduled_time, c.id), w.t, w.chat_id
                    LIMIT {batchSize}
                ),
                due AS (
                    SELECT s.id
                    FROM scheduled_messages AS s
                    WHERE s.id = ANY (ARRAY(SELECT id FROM candidates))
                      AND s.status IN ('pending', 'rescheduled')
                      AND s.scheduled_time <= {now}
                      AND (s.locked_until IS NULL OR s.locked_until < {now})
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE scheduled_messages AS m
                SET locked_by = {owner}, locked_until = {until}
                WHERE m.id = ANY (ARRAY(SELECT id FROM due))
                RETURNING m.*
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlySet<Guid>?> SaveClaimedAsync(
        SchedulerDbContext db,
        IReadOnlyList<ScheduledMessage> messages,
        string owner,
        CancellationToken cancellationToken)
    {
        // One statement for the whole batch; the guard is per row, exactly as the single write's.
        // The owner comes in per row, as a join column: as a constant, the planner reads
        // "locked_by = owner" as matching one row of the table and plans a scan of the whole table
        // joined to the batch row by row (500 rows: 500 x 500 comparisons, 60-130 ms). As a join
        // column it joins the batch to the table by id (by the primary key on large tables).
        var ids = new Guid[messages.Count];
        var statuses = new string[messages.Count];
        var times = new DateTime[messages.Count];
        var attempts = new int[messages.Count];
        var lastAttempts = new DateTime?[messages.Count];
        var metadata = new string?[messages.Count];
        var owners = new string[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            ids[i] = message.Id;
            statuses[i] = ScheduledMessageConfiguration.StatusText(message.Status);
            times[i] = message.ScheduledTime.ToDateTimeUtc();
            attempts[i] = message.Attempts;
            lastAttempts[i] = message.LastAttemptTime?.ToDateTimeUtc();
            metadata[i] = MetadataColumn.ToStore(message);
            owners[i] = owner;
        }

        var written = await db.Database
            .SqlQueryRaw<Guid>(
                """
                UPDATE scheduled_messages AS m
                SET status = v.status,
                    scheduled_time = v.scheduled_time,
                    attempts = v.attempts,
                    last_attempt_time = v.last_attempt_time,
                    metadata = v.metadata,
                    locked_by = NULL,
                    locked_until = NULL
                FROM unnest(@ids, @statuses, @times, @attempts, @last_attempts, @metadata, @owners)
                    AS v(id, status, scheduled_time, attempts, last_attempt_time, metadata, owner)
                WHERE m.id = v.id
                  AND m.locked_by = v.owner
                  AND m.status IN ('pending', 'rescheduled')
                RETURNING m.id AS "Value"
                """,
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids },
                new NpgsqlParameter("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = statuses },
                new NpgsqlParameter("times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = times },
                new NpgsqlParameter("attempts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = attempts },
                new NpgsqlParameter("last_attempts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = lastAttempts },
                new NpgsqlParameter("metadata", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = metadata },
                new NpgsqlParameter("owners", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = owners })
            .ToListAsync(cancellationToken);
        return written.ToHashSet();
    }

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

    public async Task<Instant> NowAsync(SchedulerDbContext db, CancellationToken cancellationToken)
    {
        // clock_timestamp(), not now(): the time of this call, even inside a longer transaction.
        var now = await db.Database
            .SqlQuery<Instant>($"""SELECT clock_timestamp() AS "Value" """)
            .ToListAsync(cancellationToken);
        return now[0];
    }
}
