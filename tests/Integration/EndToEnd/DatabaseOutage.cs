using Npgsql;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>
/// Makes a test database refuse connections and ends the open ones (the host's pooled ones too),
/// so the very next use fails; restoring makes the next use succeed. An outage without timing.
/// </summary>
public static class DatabaseOutage
{
    public static async Task SetAvailableAsync(PostgresFixture database, bool available)
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var allow = new NpgsqlCommand(
                $"ALTER DATABASE \"{database.DatabaseName}\" ALLOW_CONNECTIONS {(available ? "true" : "false")}", admin);
            await allow.ExecuteNonQueryAsync();
            if (!available)
            {
                await using var terminate = new NpgsqlCommand(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", admin);
                terminate.Parameters.Add(new NpgsqlParameter { Value = database.DatabaseName });
                await terminate.ExecuteNonQueryAsync();
            }
        }

        await using var pooled = new NpgsqlConnection(database.ConnectionString);
        NpgsqlConnection.ClearPool(pooled);
    }
}
