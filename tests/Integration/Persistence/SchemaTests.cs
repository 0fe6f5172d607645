using Microsoft.EntityFrameworkCore;
using ScheduledMessages.Infrastructure.Persistence;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Persistence;

/// <summary>The migrated schema is the existing table's, column for column (docs/architecture.md#the-table), plus the bot's additions.</summary>
public sealed class SchemaTests : IClassFixture<PostgresFixture>
{
    private readonly PostgresFixture _db;

    public SchemaTests(PostgresFixture db) => _db = db;

    public static TheoryData<string, string, string> ScheduledMessagesColumns => new()
    {
        // docs/architecture.md#the-table
        { "id", "uuid", "NO" },
        { "patient_id", "uuid", "YES" },
        { "scheduled_time", "timestamp with time zone", "NO" },
        { "message_content", "text", "NO" },
        { "status", "text", "NO" },
        { "platform", "text", "NO" },
        { "created_at", "timestamp with time zone", "NO" },
        { "attempts", "integer", "NO" },
        { "last_attempt_time", "timestamp with time zone", "YES" },
        { "priority", "integer", "NO" },
        { "metadata", "jsonb", "YES" },
        { "delivery_window_seconds", "integer", "YES" },

        // The bot's additions.
        { "chat_id", "bigint", "NO" },
        { "created_by", "bigint", "YES" },
        { "locked_until", "timestamp with time zone", "YES" },
        { "locked_by", "text", "YES" },
        { "recurrence_kind", "text", "YES" },
    };

    [Theory]
    [MemberData(nameof(ScheduledMessagesColumns))]
    public async Task Scheduled_messages_has_the_column_with_its_type_and_nullability(string column, string type, string nullable)
    {
        var rows = await _db.QueryAsync(
            "SELECT data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'scheduled_messages' AND column_name = $1",
            column);

        var row = Assert.Single(rows);
        Assert.Equal((type, nullable), ((string)row["data_type"]!, (string)row["is_nullable"]!));
    }

    [Fact]
    public async Task Scheduled_messages_has_no_columns_beyond_the_listed_ones()
    {
        var rows = await _db.QueryAsync(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'scheduled_messages'");

        Assert.Equal(
            ScheduledMessagesColumns.Select(c => (string)c[0]).Order(StringComparer.Ordinal),
            rows.Select(r => (string)r["column_name"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Id_is_the_primary_key_and_priority_defaults_to_3()
    {
        var key = await _db.QueryAsync(
            """
            SELECT a.attname FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = 'scheduled_messages'::regclass AND i.indisprimary
            """);
        var priority = await _db.QueryAsync(
            "SELECT column_default FROM information_schema.columns WHERE table_name = 'scheduled_messages' AND column_name = 'priority'");

        Assert.Equal("id", (string)Assert.Single(key)["attname"]!);
        Assert.Equal("3", (string?)Assert.Single(priority)["column_default"]);
    }

    [Fact]
    public async Task The_due_query_has_a_partial_index_on_priority_then_time_and_chats_an_index_with_status()
    {
        var indexes = await _db.QueryAsync("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'scheduled_messages'");
        var definitions = indexes.ToDictionary(r => (string)r["indexname"]!, r => (string)r["indexdef"]!);

        Assert.Contains("(priority, scheduled_time)", definitions["ix_scheduled_messages_due"], StringComparison.Ordinal);
        Assert.Contains("WHERE (status = ANY (ARRAY['pending'::text, 'rescheduled'::text]))", definitions["ix_scheduled_messages_due"], StringComparison.Ordinal);
        Assert.Contains("(chat_id, status)", definitions["ix_scheduled_messages_chat_id_status"], StringComparison.Ordinal);
        Assert.Contains("(scheduled_time) WHERE (status = ANY", definitions["ix_scheduled_messages_next_due"], StringComparison.Ordinal);
        Assert.Contains("(locked_until) WHERE (locked_until IS NOT NULL)", definitions["ix_scheduled_messages_leased"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_settings_holds_a_time_zone_per_chat()
    {
        var rows = await _db.QueryAsync(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'chat_settings' ORDER BY column_name");

        Assert.Equal(
            [("chat_id", "bigint", "NO"), ("time_zone_id", "text", "NO"), ("updated_at", "timestamp with time zone", "NO")],
            rows.Select(r => ((string)r["column_name"]!, (string)r["data_type"]!, (string)r["is_nullable"]!)));
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        await using var context = new SchedulerDbContext(SchedulerDatabase.CreateOptions(_db.ConnectionString));

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges());
    }
}
