using NodaTime;
using ScheduledMessages.Infrastructure.Persistence.Sqlite;

namespace ScheduledMessages.Integration.Fixtures;

/// <summary>Writes and reads <c>scheduled_messages</c> rows with plain SQL, as another tool would, on either store.</summary>
public static class ScheduledMessageRows
{
    private const string InsertSql =
        """
        INSERT INTO scheduled_messages
            (id, patient_id, chat_id, message_content, status, platform, scheduled_time, created_at, attempts, priority, metadata, delivery_window_seconds)
        VALUES ($1, NULL, $2, $3, $4, 'telegram', $5, $6, 0, $7, $8, $9)
        """;

    /// <summary>Inserts a row in the existing table's format; <paramref name="metadataJson"/> goes in as written.</summary>
    public static async Task<Guid> InsertAsync(
        TestStore database,
        long chatId,
        string content,
        Instant scheduledTime,
        string? metadataJson = null,
        int priority = 3,
        int? deliveryWindowSeconds = null,
        string status = "pending")
    {
        var id = Guid.NewGuid();
        await database.ExecuteAsync(InsertSql, Values(id, chatId, content, scheduledTime, metadataJson, priority, deliveryWindowSeconds, status));
        return id;
    }

    /// <summary>Inserts many pending one-time rows in one transaction.</summary>
    public static Task InsertManyAsync(TestStore database, IEnumerable<(long ChatId, string Content, Instant ScheduledTime, int Priority)> rows) =>
        database.ExecuteBatchAsync(
            InsertSql,
            rows.Select(r => Values(Guid.NewGuid(), r.ChatId, r.Content, r.ScheduledTime, null, r.Priority, null, "pending")));

    public static async Task<StoredMessage> ReadAsync(TestStore database, Guid id)
    {
        var rows = await database.QueryAsync(
            """
            SELECT id, chat_id, created_by, message_content, status, platform, priority, scheduled_time, attempts,
                   last_attempt_time, metadata, locked_by, locked_until, recurrence_kind
            FROM scheduled_messages WHERE id = $1
            """,
            id);
        var row = Assert.Single(rows);
        return new StoredMessage(
            ToGuid(row["id"]!),
            (string)row["status"]!,
            ToInstant(row["scheduled_time"])!.Value,
            Convert.ToInt32(row["attempts"]),
            ToInstant(row["last_attempt_time"]),
            (string?)row["metadata"],
            (string?)row["locked_by"],
            ToInstant(row["locked_until"]),
            (string)row["recurrence_kind"]!)
        {
            ChatId = Convert.ToInt64(row["chat_id"]),
            CreatedBy = row["created_by"] is { } createdBy ? Convert.ToInt64(createdBy) : null,
            Content = (string)row["message_content"]!,
            Platform = (string)row["platform"]!,
            Priority = Convert.ToInt32(row["priority"]),
        };
    }

    /// <summary>A timestamp as either driver returns it: PostgreSQL's DateTime, SQLite's stored text.</summary>
    public static Instant? ToInstant(object? value) => value switch
    {
        null => null,
        DateTime time => Instant.FromDateTimeUtc(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset offset => Instant.FromDateTimeOffset(offset),
        string text => InstantText.Parse(text),
        _ => throw new InvalidCastException($"Not a timestamp: {value.GetType()}"),
    };

    private static Guid ToGuid(object value) => value is Guid id ? id : Guid.Parse((string)value);

    private static object?[] Values(
        Guid id,
        long chatId,
        string content,
        Instant scheduledTime,
        string? metadataJson,
        int priority,
        int? deliveryWindowSeconds,
        string status) =>
        [id, chatId, content, status, scheduledTime, scheduledTime - Duration.FromDays(1), priority, new JsonText(metadataJson), deliveryWindowSeconds];
}
