using System.Globalization;

namespace ScheduledMessages.Infrastructure.Persistence.Inbox;

/// <summary>
/// The inbox's statements for one provider. Every time they compare or set is the database's
/// own (<c>now()</c>, SQLite's <c>'now'</c>), never the application's, so instances whose clocks
/// differ agree on leases and backoffs. Parameters are positional (<c>{0}</c>, ...).
/// </summary>
internal sealed class InboxSql
{
    public static readonly InboxSql PostgreSql = new(StoreDialect.PostgreSql, "now() + make_interval(secs => @)", "FOR UPDATE SKIP LOCKED");

    public static readonly InboxSql Sqlite = new(StoreDialect.Sqlite, "strftime('%Y-%m-%dT%H:%M:%f0000Z', 'now', @)", string.Empty);

    private const string Table = InboundUpdateConfiguration.TableName;
    private const string Pending = $"'{InboundUpdateStatus.Pending}'";

    private readonly StoreDialect _dialect;
    private readonly string _nowPlus;

    private InboxSql(StoreDialect dialect, string nowPlus, string lockClause)
    {
        _dialect = dialect;
        _nowPlus = nowPlus;
        var now = dialect.NowSql;

        // {0} update id, {1} JSON, {2} chat id (none in the second form: a null parameter has no type to bind).
        var insert = $"INSERT INTO {Table} (update_id, payload, chat_id) VALUES ({{0}}, CAST({{1}} AS {dialect.JsonType}), @) ON CONFLICT (update_id) DO NOTHING";
        Insert = insert.Replace("@", "{2}", StringComparison.Ordinal);
        InsertWithoutChat = insert.Replace("@", "NULL", StringComparison.Ordinal);

        // {0} owner, {1} lease, {2} how many. A chat's oldest pending update, due, not leased, in a
        // chat where no other update is leased (an older one that arrived late must not overtake a
        // younger one being processed, and a done one keeps its lease until its reply is sent);
        // chats without a chat id (null) never match each other, so each such update is a chat of
        // its own. On PostgreSQL SKIP LOCKED passes over rows another instance is claiming or
        // completing right now.
        Claim = $$"""
            UPDATE {{Table}}
            SET locked_by = {0}, locked_until = {{NowPlus("{1}")}}, attempts = attempts + 1
            WHERE update_id IN (
                SELECT u.update_id
                FROM {{Table}} AS u
                WHERE u.status = {{Pending}}
                  AND u.next_attempt_at <= {{now}}
                  AND (u.locked_until IS NULL OR u.locked_until < {{now}})
                  AND NOT EXISTS (
                      SELECT 1 FROM {{Table}} AS o
                      WHERE o.chat_id = u.chat_id
                        AND o.update_id <> u.update_id
                        AND ((o.status = {{Pending}} AND o.update_id < u.update_id) OR o.locked_until >= {{now}}))
                ORDER BY u.next_attempt_at, u.update_id
                LIMIT {2}
                {{lockClause}})
            RETURNING *
            """;

        // {0} update id, {1} owner; then the statement's own values.
        var guard = $"WHERE update_id = {{0}} AND locked_by = {{1}} AND status = {Pending}";
        Complete = $"UPDATE {Table} SET status = '{InboundUpdateStatus.Done}', finished_at = {now}, last_error = NULL {guard}";
        EndLease = $"UPDATE {Table} SET locked_by = NULL, locked_until = NULL WHERE update_id = {{0}} AND locked_by = {{1}}";
        RetryLater = $"UPDATE {Table} SET next_attempt_at = {NowPlus("{2}")}, locked_by = NULL, locked_until = NULL, last_error = {{3}} {guard}";
        Fail = $"UPDATE {Table} SET status = '{InboundUpdateStatus.Failed}', finished_at = {now}, locked_by = NULL, locked_until = NULL, last_error = {{2}} {guard}";
        Release = $"UPDATE {Table} SET locked_by = NULL, locked_until = NULL, attempts = attempts - 1 {guard}";

        // {0} minus the retention, {1} how many.
        Prune = $$"""
            DELETE FROM {{Table}}
            WHERE update_id IN (
                SELECT update_id FROM {{Table}}
                WHERE status IN ('{{InboundUpdateStatus.Done}}', '{{InboundUpdateStatus.Failed}}')
                  AND finished_at < {{NowPlus("{0}")}}
                ORDER BY finished_at
                LIMIT {1})
            """;
    }

    public string Insert { get; }

    public string InsertWithoutChat { get; }

    public string Claim { get; }

    public string Complete { get; }

    public string EndLease { get; }

    public string RetryLater { get; }

    public string Fail { get; }

    public string Release { get; }

    public string Prune { get; }

    public static InboxSql For(StoreProvider provider) => provider switch
    {
        StoreProvider.PostgreSql => PostgreSql,
        StoreProvider.Sqlite => Sqlite,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown store provider."),
    };

    /// <summary>The argument for a "now plus" placeholder: seconds for PostgreSQL, a date modifier for SQLite.</summary>
    public object Interval(TimeSpan span) => _dialect.Provider == StoreProvider.PostgreSql
        ? span.TotalSeconds
        : (span < TimeSpan.Zero ? "-" : "+") + Math.Abs(span.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture) + " seconds";

    /// <summary>The database's now plus the interval in <paramref name="placeholder"/> (see <see cref="Interval"/>).</summary>
    private string NowPlus(string placeholder) => _nowPlus.Replace("@", placeholder, StringComparison.Ordinal);
}
