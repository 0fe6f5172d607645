using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ScheduledMessages.Application.ScheduledMessages.List;
using ScheduledMessages.Application.ScheduledMessages.Create;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Infrastructure.Persistence;
using ScheduledMessages.Infrastructure.Persistence.Sqlite;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Persistence;

/// <summary>What only the embedded store has to show: its file, its format, and that it keeps data across restarts.</summary>
public sealed class SqliteStoreTests : IClassFixture<SqliteFixture>, IAsyncLifetime
{
    private const long Chat = 31;

    // Monday 2030-01-07 10:00 UTC.
    private static readonly Instant Now = Instant.FromUtc(2030, 1, 7, 10, 0);

    private readonly SqliteFixture _db;

    public SqliteStoreTests(SqliteFixture db) => _db = db;

    public Task InitializeAsync() => _db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Schedules_survive_a_restart_and_are_still_sent()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"scheduler_test_{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?> { [SchedulerDatabase.SqlitePathKey] = Path.Combine(directory, "nested", "scheduler.db") };
        try
        {
            Guid once;
            await using (var first = new SchedulerTestHost(settings, Now))
            {
                // As the host's DatabaseMigrator does at start: a brand-new file, in a directory made for it.
                await SchedulerDatabase.MigrateAsync(first.Services);
                once = (await first.SendAsync(new CreateScheduledMessage(Chat, 7, "once", Recurrence.OneTime, new LocalDateTime(2030, 1, 7, 11, 0)))).Value.Id;
                await first.SendAsync(new CreateScheduledMessage(Chat, 7, "daily", new DailyRecurrence(1, new LocalTime(9, 0)), null));
            }

            // Nothing stays open: the next process starts from the file alone.
            SqliteConnection.ClearAllPools();
            Assert.True(File.Exists(Path.Combine(directory, "nested", "scheduler.db")));

            await using var second = new SchedulerTestHost(settings, Instant.FromUtc(2030, 1, 7, 11, 0, 1));
            await SchedulerDatabase.MigrateAsync(second.Services);
            var listed = (await second.SendAsync(new ListScheduledMessages(Chat))).Value;
            var report = await second.DispatchAsync();
            var after = (await second.SendAsync(new ListScheduledMessages(Chat))).Value;

            Assert.Equal(["once", "daily"], listed.Items.Select(i => i.Content));
            Assert.Equal((1, once), (report.Delivered, listed.Items[0].Id));
            Assert.Equal([(Chat, "once")], second.Sender.Sends);
            Assert.Equal(["daily"], after.Items.Select(i => i.Content));
            Assert.Equal(Instant.FromUtc(2030, 1, 8, 9, 0), after.Items[0].NextSendTime);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_path_whose_directory_cannot_be_made_fails_with_a_message_naming_the_key()
    {
        // A directory cannot be created under a regular file.
        var file = Path.GetTempFileName();
        try
        {
            var settings = new Dictionary<string, string?> { [SchedulerDatabase.SqlitePathKey] = Path.Combine(file, "sub", "scheduler.db") };
            await using var host = new SchedulerTestHost(settings, Now);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchedulerDatabase.MigrateAsync(host.Services));

            Assert.Contains($"Cannot create the directory {Path.Combine(file, "sub")} for the SQLite file (Storage:SqlitePath)", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_file_is_in_WAL_mode_and_instants_are_stored_as_sortable_UTC_text()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var created = (await host.SendAsync(new CreateScheduledMessage(Chat, null, "x", Recurrence.OneTime, new LocalDateTime(2030, 1, 8, 9, 30)))).Value;

        // The container's connections set WAL; it is a property of the file, seen by any connection.
        var mode = await _db.QueryAsync("PRAGMA journal_mode");
        var row = Assert.Single(await _db.QueryAsync("SELECT scheduled_time, created_at FROM scheduled_messages WHERE id = $1", created.Id));

        Assert.Equal("wal", (string?)Assert.Single(mode)["journal_mode"]);
        Assert.Equal("2030-01-08T09:30:00.0000000Z", row["scheduled_time"]);
        Assert.Equal("2030-01-07T10:00:00.0000000Z", row["created_at"]);
    }

    [Fact]
    public async Task A_row_another_tool_writes_with_only_the_required_columns_gets_the_defaults_and_is_listed()
    {
        // A lower-case id, as most tools write GUIDs: the id column compares without case.
        var id = Guid.NewGuid();
        await _db.ExecuteAsync(
            "INSERT INTO scheduled_messages (id, chat_id, message_content, status, scheduled_time) VALUES ($1, $2, 'by hand', 'pending', $3)",
            id.ToString(),
            Chat,
            Now + Duration.FromHours(1));
        await using var host = new SchedulerTestHost(_db, Now);

        var listed = (await host.SendAsync(new ListScheduledMessages(Chat))).Value;
        var cancelled = await host.SendAsync(new Application.ScheduledMessages.Cancel.CancelScheduledMessage(id, Chat, null, IsPrivateChat: true));
        var stored = await ScheduledMessageRows.ReadAsync(_db, id);

        var item = Assert.Single(listed.Items);
        Assert.Equal((id, "once", 3), (item.Id, item.Description, item.Priority));
        Assert.True(cancelled.IsSuccess, cancelled.ToString());
        Assert.Equal(("cancelled", "telegram", 0), (stored.Status, stored.Platform, stored.Attempts));
        var createdAt = (string)Assert.Single(await _db.QueryAsync("SELECT created_at FROM scheduled_messages"))["created_at"]!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$", createdAt);
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_SQLite_migrations()
    {
        await using var context = SchedulerDatabase.CreateContext(StoreProvider.Sqlite, _db.ConnectionString);

        Assert.IsType<SqliteSchedulerDbContext>(context);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task The_container_without_a_connection_string_uses_the_SQLite_context_and_says_so()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        await using var scope = host.Services.CreateAsyncScope();

        var context = scope.ServiceProvider.GetRequiredService<SchedulerDbContext>();
        var store = host.Services.GetRequiredService<StoreInfo>();

        Assert.IsType<SqliteSchedulerDbContext>(context);
        Assert.Equal(new StoreInfo(StoreProvider.Sqlite, $"SQLite file {_db.DatabaseFile}", _db.DatabaseFile), store);
        Assert.True(await context.Database.CanConnectAsync());
    }
}
