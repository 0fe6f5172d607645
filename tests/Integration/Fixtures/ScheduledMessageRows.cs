using NodaTime;

namespace ScheduledMessages.Integration.Fixtures;

/// <summary>Writes and reads <c>scheduled_messages</c> rows with plain SQL, as another tool would.</summary>
public static class ScheduledMessageRows
{
    /// <summary>Inserts a row in the existing table's format; <paramref name="metadataJson"/> goes in as written.</summary>
    public static async Task<Guid> InsertAsync(
        PostgresFixture database,
        long chatId,
        string content,
        Instant scheduledTime,
        string? metadataJson = null,
        int priority = 3,
        int? deliveryWindowSeconds = null,
        string status = "pending")
    {
        var id = Guid.NewGuid();
        await database.ExecuteAsync(
            """
            INSERT INTO scheduled_messages
                (id, patient_id, chat_id, message_content, status, platform, scheduled_time, created_at, attempts, priority, metadata, delivery_window_seconds)
            VALUES ($1, NULL, $2, $3, $4, 'telegram', $5, $6, 0, $7, $8::jsonb, $9)
            """,
            id,
            chatId,
            content,
            status,
            scheduledTime.ToDateTimeUtc(),
            (scheduledTime - Duration.FromDays(1)).ToDateTimeUtc(),
            priority,
            metadataJson,
            deliveryWindowSeconds);
        return id;
    }

    public static async Task<StoredMessage> ReadAsync(PostgresFixture database, Guid id)
    {
        var rows = await database.QueryAsync(
            """
            SELECT id, status, scheduled_time, attempts, last_attempt_time, metadata::text AS metadata,
                   locked_by, locked_until, recurrence_kind
            FROM scheduled_messages WHERE id = $1
            """,
            id);
        var row = Assert.Single(rows);
        return new StoredMessage(
            (Guid)row["id"]!,
            (string)row["status"]!,
            ToInstant(row["scheduled_time"])!.Value,
            (int)row["attempts"]!,
            ToInstant(row["last_attempt_time"]),
            (string?)row["metadata"],
            (string?)row["locked_by"],
            ToInstant(row["locked_until"]),
            (string)row["recurrence_kind"]!);
    }

    private static Instant? ToInstant(object? value) => value switch
    {
        null => null,
        DateTime time => Instant.FromDateTimeUtc(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset offset => Instant.FromDateTimeOffset(offset),
        _ => throw new InvalidCastException($"Not a timestamp: {value.GetType()}"),
    };
}
