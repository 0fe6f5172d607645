using Microsoft.EntityFrameworkCore;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>
/// The <c>scheduler_instances</c> table (raw SQL, outside the EF model): one row per running
/// instance with when it started and its last heartbeat, both in the database's time, so the
/// instances' own clocks never matter. An instance is alive while its heartbeat is younger than the
/// expiry; rows older than that are deleted by the next heartbeat of anyone (ADR 0805). On SQLite,
/// one process, the count is that process.
/// </summary>
public sealed class InstanceHeartbeats(SchedulerDbContext db)
{
    /// <summary>
    /// Records <paramref name="instanceId"/>'s heartbeat now (adding its row if it has none), deletes
    /// the rows of instances silent for <paramref name="expiry"/> or longer, and returns how many
    /// instances are alive, this one included.
    /// </summary>
    public async Task<int> BeatAsync(string instanceId, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var sql = HeartbeatSql.For(db.Dialect);
        await db.Database.ExecuteSqlRawAsync(sql.Beat, [instanceId], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sql.DeleteExpired, [expiry.TotalSeconds], cancellationToken);
        var alive = await db.Database.SqlQueryRaw<long>(sql.CountAlive, expiry.TotalSeconds).SingleAsync(cancellationToken);
        return (int)alive;
    }

    /// <summary>Deletes <paramref name="instanceId"/>'s row: it stops counting at once rather than after the expiry.</summary>
    public Task LeaveAsync(string instanceId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM scheduler_instances WHERE id = {0}", [instanceId], cancellationToken);

    /// <summary>The statements, in the provider's SQL; {0} is the instance id or the expiry in seconds.</summary>
    private sealed class HeartbeatSql
    {
        private static readonly HeartbeatSql PostgreSql = new(StoreDialect.PostgreSql, "last_heartbeat_at > now() - make_interval(secs => {0})");

        private static readonly HeartbeatSql Sqlite = new(StoreDialect.Sqlite, "julianday(last_heartbeat_at) > julianday('now') - ({0} / 86400.0)");

        private HeartbeatSql(StoreDialect dialect, string alive)
        {
            Beat = $"INSERT INTO scheduler_instances (id, started_at, last_heartbeat_at) VALUES ({{0}}, {dialect.NowSql}, {dialect.NowSql}) "
                + "ON CONFLICT (id) DO UPDATE SET last_heartbeat_at = excluded.last_heartbeat_at";
            DeleteExpired = $"DELETE FROM scheduler_instances WHERE NOT ({alive})";
            CountAlive = $"SELECT count(*) AS \"Value\" FROM scheduler_instances WHERE {alive}";
        }

        public string Beat { get; }

        public string DeleteExpired { get; }

        public string CountAlive { get; }

        public static HeartbeatSql For(StoreDialect dialect) => dialect.Provider == StoreProvider.Sqlite ? Sqlite : PostgreSql;
    }
}
