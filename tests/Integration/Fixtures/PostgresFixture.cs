using System.Data.Common;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using ScheduledMessages.Infrastructure.Persistence;
using Testcontainers.PostgreSql;

namespace ScheduledMessages.Integration.Fixtures;

/// <summary>
/// A fresh, migrated PostgreSQL database for one test class (docs/architecture.md#tests-and-postgresql). The server is
/// the one in <c>SCHEDULER_TEST_POSTGRES</c>, else a Testcontainers one when a Docker engine
/// answers; with neither the fixture fails saying how to provide one. The database gets a unique
/// name, so parallel runs never collide, and is dropped at the end.
/// </summary>
public sealed class PostgresFixture : TestStore, IAsyncLifetime
{
    public const string EnvironmentVariable = "SCHEDULER_TEST_POSTGRES";

    private PostgreSqlContainer? _container;
    private string? _serverConnectionString;

    /// <summary>The unique database's name, e.g. <c>scheduler_test_3f2a...</c>.</summary>
    public string DatabaseName { get; } = $"scheduler_test_{Guid.NewGuid():N}";

    public override StoreProvider Provider => StoreProvider.PostgreSql;

    public override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["ConnectionStrings:Scheduler"] = ConnectionString };

    public async Task InitializeAsync()
    {
        _serverConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(_serverConnectionString))
        {
            _serverConnectionString = await StartContainerAsync();
        }

        try
        {
            await using var server = new NpgsqlConnection(_serverConnectionString);
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                $"Cannot create a test database on the PostgreSQL in {EnvironmentVariable} ({Redacted(_serverConnectionString)}): {e.Message}. "
                + "It needs a running server and a role with CREATEDB; ./test.sh starts the local cluster and creates one.",
                e);
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = DatabaseName }.ConnectionString;
        await SchedulerDatabase.MigrateAsync(ConnectionString);
    }

    public override async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var truncate = new NpgsqlCommand("TRUNCATE scheduled_messages, chat_settings, inbound_updates", connection);
        await truncate.ExecuteNonQueryAsync();
    }

    protected override DbConnection CreateConnection() => new NpgsqlConnection(ConnectionString);

    protected override void AddParameter(DbCommand command, int position, object? value) =>
        // Npgsql binds $1, $2, ... to unnamed parameters in order.
        command.Parameters.Add(value switch
        {
            Instant instant => new NpgsqlParameter { Value = instant.ToDateTimeUtc() },
            JsonText json => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)json.Json ?? DBNull.Value },
            _ => new NpgsqlParameter { Value = value ?? DBNull.Value },
        });

    public async Task DisposeAsync()
    {
        if (_serverConnectionString is not null && ConnectionString.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(_serverConnectionString);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", server);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (attempt < 10 && e.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.InsufficientPrivilege)
                {
                    // FORCE waits only 5 s for the sessions it terminates to exit, which a loaded
                    // machine can exceed; and it may not terminate an autovacuum worker busy in the
                    // database (not our role: "must be a member of the role whose process is being
                    // terminated"), which the table's 1% autovacuum threshold makes likely. Both
                    // are gone moments later: try again.
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private async Task<string> StartContainerAsync()
    {
        try
        {
            _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await _container.StartAsync();
            return _container.GetConnectionString();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"The integration tests need PostgreSQL and found none: {EnvironmentVariable} is not set and no Docker engine answered ({e.Message}). "
                + $"Set {EnvironmentVariable} to a connection string of a role with CREATEDB, e.g. "
                + "\"Host=127.0.0.1;Port=5432;Username=scheduler_test;Password=scheduler_test;Database=postgres\", "
                + "start Docker, or run ./test.sh, which starts the local PostgreSQL cluster (installing it with apt when missing).",
                e);
        }
    }

    private static string Redacted(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Password is not null)
        {
            builder.Password = "***";
        }

        return builder.ConnectionString;
    }
}
