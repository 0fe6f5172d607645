using Npgsql;
using ScheduledMessages.Infrastructure.Persistence;
using Testcontainers.PostgreSql;

namespace ScheduledMessages.Integration.Fixtures;

/// <summary>
/// A fresh, migrated PostgreSQL database for one test class (DESIGN.md section 8). The server is
/// the one in <c>SCHEDULER_TEST_POSTGRES</c>, else a Testcontainers one when a Docker engine
/// answers; with neither the fixture fails saying how to provide one. The database gets a unique
/// name, so parallel runs never collide, and is dropped at the end.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "SCHEDULER_TEST_POSTGRES";

    private PostgreSqlContainer? _container;
    private string? _serverConnectionString;

    /// <summary>The unique database's name, e.g. <c>scheduler_test_3f2a...</c>.</summary>
    public string DatabaseName { get; } = $"scheduler_test_{Guid.NewGuid():N}";

    /// <summary>Connection string of this fixture's database (migrated); valid after initialization.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

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

    /// <summary>Empties the scheduler's tables, for tests that need a clean slate within one class.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var truncate = new NpgsqlCommand("TRUNCATE scheduled_messages, chat_settings", connection);
        await truncate.ExecuteNonQueryAsync();
    }

    /// <summary>Runs SQL with positional parameters ($1, $2, ...) and returns the affected row count.</summary>
    public async Task<int> ExecuteAsync(string sql, params object?[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads rows with positional parameters as dictionaries of column name to value (DBNull as null).</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql, params object?[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        var rows = new List<IReadOnlyDictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async Task DisposeAsync()
    {
        if (_serverConnectionString is not null && ConnectionString.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(_serverConnectionString);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
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
