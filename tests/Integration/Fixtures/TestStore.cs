using System.Data.Common;
using ScheduledMessages.Infrastructure.Persistence;

namespace ScheduledMessages.Integration.Fixtures;

/// <summary>
/// A migrated scheduler database for one test class, on either provider, with plain-SQL access as
/// another tool would have. SQL uses positional parameters <c>$1, $2, ...</c> on both; parameter
/// values may be <see cref="NodaTime.Instant"/>, <see cref="Guid"/> and <see cref="JsonText"/>,
/// which each store writes in its own column format.
/// </summary>
public abstract class TestStore
{
    /// <summary>The engine.</summary>
    public abstract StoreProvider Provider { get; }

    /// <summary>Connection string of this fixture's database (migrated); valid after initialization.</summary>
    public string ConnectionString { get; protected set; } = string.Empty;

    /// <summary>The configuration that points the scheduler's container at this database.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Empties the scheduler's tables, for tests that need a clean slate within one class.</summary>
    public abstract Task ResetAsync();

    /// <summary>Runs SQL with positional parameters ($1, $2, ...) and returns the affected row count.</summary>
    public async Task<int> ExecuteAsync(string sql, params object?[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one statement per row of parameters in one transaction (bulk seeding).</summary>
    public async Task ExecuteBatchAsync(string sql, IEnumerable<object?[]> rows)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var parameters in rows)
        {
            await using var command = Command(connection, sql, parameters);
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>Reads rows with positional parameters as dictionaries of column name to the driver's value (DBNull as null).</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql, params object?[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
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

    /// <summary>A new, unopened connection to this database.</summary>
    protected abstract DbConnection CreateConnection();

    /// <summary>Binds <paramref name="value"/> to <c>$<paramref name="position"/></c> in this store's format.</summary>
    protected abstract void AddParameter(DbCommand command, int position, object? value);

    private async Task<DbConnection> OpenAsync()
    {
        var connection = CreateConnection();
        await connection.OpenAsync();
        return connection;
    }

    private DbCommand Command(DbConnection connection, string sql, object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            AddParameter(command, i + 1, parameters[i]);
        }

        return command;
    }
}
