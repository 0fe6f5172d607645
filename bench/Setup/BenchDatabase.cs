using Npgsql;
using ScheduledMessages.Infrastructure.Persistence;

namespace ScheduledMessages.Bench.Setup;

/// <summary>
/// A PostgreSQL database of the benchmark's own, created with a unique name, migrated like the
/// bot's, filled with generate_series, and dropped at the end.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "SCHEDULER_TEST_POSTGRES";

    public const string LocalDefault = "Host=127.0.0.1;Port=5432;Username=scheduler_test;Password=scheduler_test;Database=postgres";

    private readonly string _server;

    private BenchDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 200 }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string? server)
    {
        server ??= Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            server = LocalDefault;
        }

        var database = new BenchDatabase(server, $"scheduler_bench_{Guid.NewGuid():N}");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        await SchedulerDatabase.MigrateAsync(database.ConnectionString);
        return database;
    }

    /// <summary>
    /// Inserts <paramref name="count"/> one-time messages numbered from <paramref name="firstNumber"/>,
    /// due from <paramref name="firstDue"/> every <paramref name="step"/>, to <paramref name="chats"/>
    /// chats from <paramref name="firstChat"/> in turn, priorities 1..5 in turn (or all <paramref name="priority"/>).
    /// </summary>
    public Task SeedDueAsync(int count, DateTimeOffset firstDue, TimeSpan step, int chats, long firstChat = 1_000_000, long firstNumber = 0, int? priority = null) =>
        ExecuteAsync(
            """
            INSERT INTO scheduled_messages (id, chat_id, message_content, status, scheduled_time, created_at, attempts, priority, platform)
            SELECT gen_random_uuid(), @first_chat + (g % @chats),
                   'bench ' || (@first_number + g) || ' due ' || floor(extract(epoch FROM x.t) * 1000)::bigint,
                   'pending', x.t, now(), 0, COALESCE(@priority, 1 + (g % 5)), 'telegram'
            FROM generate_series(0, @count - 1) AS g
            CROSS JOIN LATERAL (SELECT @first_due + g * @step AS t) AS x
            """,
            ("count", count),
            ("first_due", firstDue.UtcDateTime),
            ("step", step),
            ("chats", (long)chats),
            ("first_chat", firstChat),
            ("first_number", firstNumber),
            ("priority", (object?)priority ?? DBNull.Value));

    /// <summary>
    /// The table's long-lived rest: <paramref name="finished"/> sent or cancelled messages of the past
    /// month and <paramref name="future"/> daily messages due over the next month, all priorities.
    /// </summary>
    public async Task SeedBackgroundAsync(int finished, int future)
    {
        await ExecuteAsync(
            """
            INSERT INTO scheduled_messages (id, chat_id, message_content, status, scheduled_time, created_at, attempts, last_attempt_time, priority, platform)
            SELECT gen_random_uuid(), 5000000 + (g % 50000), 'history ' || g,
                   CASE WHEN g % 10 = 0 THEN 'cancelled' ELSE 'sent' END,
                   now() - (g % 2592000) * interval '1 second', now() - interval '31 days', 1,
                   now() - (g % 2592000) * interval '1 second', 1 + (g % 5), 'telegram'
            FROM generate_series(1, @n) AS g
            """,
            ("n", finished));
        await ExecuteAsync(
            """
            INSERT INTO scheduled_messages (id, chat_id, message_content, status, scheduled_time, created_at, attempts, priority, platform, metadata)
            SELECT gen_random_uuid(), 6000000 + (g % 50000), 'daily ' || g, 'pending',
                   now() + interval '1 hour' + (g % 2592000) * interval '1 second', now(), 0, 1 + (g % 5), 'telegram',
                   '{"recurrence":{"type":"daily","interval":1}}'::jsonb
            FROM generate_series(1, @n) AS g
            """,
            ("n", future));
    }

    public Task VacuumAnalyzeAsync() => ExecuteAsync("VACUUM ANALYZE scheduled_messages");

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
