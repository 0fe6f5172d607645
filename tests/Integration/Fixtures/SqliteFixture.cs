using System.Data.Common;
using Microsoft.Data.Sqlite;
using NodaTime;
using ScheduledMessages.Infrastructure.Persistence;
using ScheduledMessages.Infrastructure.Persistence.Sqlite;

namespace ScheduledMessages.Integration.Fixtures;

/// <summary>
/// A fresh, migrated SQLite file for one test class, in a directory of its own under the system's
/// temporary folder; the directory is deleted at the end (with the file's WAL and shared-memory files).
/// </summary>
public sealed class SqliteFixture : TestStore, IAsyncLifetime
{
    /// <summary>This fixture's own directory, e.g. <c>/tmp/scheduler_test_3f2a.../</c>.</summary>
    public string DirectoryPath { get; } = Path.Combine(Path.GetTempPath(), $"scheduler_test_{Guid.NewGuid():N}");

    /// <summary>The database file.</summary>
    public string DatabaseFile => Path.Combine(DirectoryPath, "scheduler.db");

    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { [SchedulerDatabase.SqlitePathKey] = DatabaseFile };

    public async Task InitializeAsync()
    {
        ConnectionString = SchedulerDatabase.SqliteConnectionString(DatabaseFile);
        await SchedulerDatabase.MigrateAsync(StoreProvider.Sqlite, ConnectionString);
    }

    public override async Task ResetAsync()
    {
        await ExecuteAsync("DELETE FROM scheduled_messages");
        await ExecuteAsync("DELETE FROM chat_settings");
        await ExecuteAsync("DELETE FROM inbound_updates");
    }

    public Task DisposeAsync()
    {
        // Pooled connections keep the file open; close them before deleting it.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DirectoryPath))
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }

        return Task.CompletedTask;
    }

    protected override DbConnection CreateConnection() => new SqliteConnection(ConnectionString);

    protected override void AddParameter(DbCommand command, int position, object? value) =>
        // The formats EF writes: instants as InstantText, GUIDs as upper-case text (Microsoft.Data.Sqlite would bind a blob).
        ((SqliteCommand)command).Parameters.AddWithValue($"${position}", value switch
        {
            null => DBNull.Value,
            Instant instant => InstantText.Format(instant),
            Guid id => id.ToString().ToUpperInvariant(),
            JsonText json => (object?)json.Json ?? DBNull.Value,
            _ => value,
        });
}
