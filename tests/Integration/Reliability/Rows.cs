using Npgsql;

namespace ScheduledMessages.Integration.Reliability;

/// <summary>Plain SQL on <c>scheduled_messages</c>, the way another tool would write and read it.</summary>
public static class Rows
{
    /// <summary>
    /// Inserts <paramref name="count"/> pending one-time messages "{prefix}{i}" (i = 1..count) in one
    /// statement, spread round-robin over <paramref name="chats"/> chats from <paramref name="firstChat"/>,
    /// message i due <paramref name="spread"/> x (i-1)/count after <paramref name="dueIn"/> from now.
    /// </summary>
    public static async Task InsertAsync(
        string connectionString, int count, string prefix, long firstChat, int chats, TimeSpan dueIn = default, TimeSpan spread = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO scheduled_messages (id, chat_id, message_content, status, platform, scheduled_time, created_at, attempts, priority)
            SELECT gen_random_uuid(), $1 + (i % $2), $3 || i, 'pending', 'telegram',
                   now() + make_interval(secs => $4 + $5 * (i - 1) / $6), now(), 0, 3
            FROM generate_series(1, $6) AS i
            """,
            connection);
        insert.Parameters.Add(new NpgsqlParameter { Value = firstChat });
        insert.Parameters.Add(new NpgsqlParameter { Value = (long)chats });
        insert.Parameters.Add(new NpgsqlParameter { Value = prefix });
        insert.Parameters.Add(new NpgsqlParameter { Value = dueIn.TotalSeconds });
        insert.Parameters.Add(new NpgsqlParameter { Value = spread.TotalSeconds });
        insert.Parameters.Add(new NpgsqlParameter { Value = count });
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>Rows by status, e.g. {"sent": 1990, "pending": 10}.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync(string connectionString, string prefix)
    {
        var counts = new Dictionary<string, long>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT status, count(*) FROM scheduled_messages WHERE message_content LIKE $1 || '%' GROUP BY status", connection);
        query.Parameters.Add(new NpgsqlParameter { Value = prefix });
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>The texts of active rows still leased: claimed by a worker and their outcome not written.</summary>
    public static Task<IReadOnlyList<string>> LeasedTextsAsync(string connectionString, string prefix) =>
        TextsAsync(
            connectionString,
            "SELECT message_content FROM scheduled_messages WHERE message_content LIKE $1 || '%' AND status IN ('pending', 'rescheduled') AND locked_by IS NOT NULL",
            prefix);

    /// <summary>One row's status, attempts and metadata (as JSON text).</summary>
    public static async Task<(string Status, int Attempts, string? Metadata)> ReadAsync(string connectionString, string content)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT status, attempts, metadata::text FROM scheduled_messages WHERE message_content = $1", connection);
        query.Parameters.Add(new NpgsqlParameter { Value = content });
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No row holds '{content}'.");
        return (reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    /// <summary>Every row's metadata as text (error descriptions are stored there).</summary>
    public static Task<IReadOnlyList<string>> AllMetadataAsync(string connectionString) =>
        TextsAsync(connectionString, "SELECT metadata::text FROM scheduled_messages WHERE metadata IS NOT NULL AND $1 = $1", string.Empty);

    /// <summary>How many rows a chat has, whatever their status.</summary>
    public static async Task<long> CountInChatAsync(string connectionString, long chatId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM scheduled_messages WHERE chat_id = $1", connection);
        query.Parameters.Add(new NpgsqlParameter { Value = chatId });
        return (long)(await query.ExecuteScalarAsync())!;
    }

    private static async Task<IReadOnlyList<string>> TextsAsync(string connectionString, string sql, string parameter)
    {
        var texts = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(sql, connection);
        query.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
