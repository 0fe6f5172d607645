namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>
/// What differs between the providers in the one model: column types, the generated
/// <c>recurrence_kind</c> expression and "now" in SQL. Everything else is shared.
/// </summary>
internal sealed class StoreDialect
{
    /// <summary>The existing PostgreSQL schema (DESIGN.md section 4); changing it changes that table.</summary>
    public static readonly StoreDialect PostgreSql = new(
        StoreProvider.PostgreSql,
        timestampType: "timestamp with time zone",
        jsonType: "jsonb",
        textType: "text",
        integerType: "integer",
        recurrenceKindSql: "COALESCE(lower(btrim(metadata -> 'recurrence' ->> 'type')), 'once')",
        nowSql: "now()");

    /// <summary>SQLite: instants as fixed-width ISO text (<see cref="Sqlite.InstantText"/>), JSON as text read by json_extract.</summary>
    public static readonly StoreDialect Sqlite = new(
        StoreProvider.Sqlite,
        timestampType: "TEXT",
        jsonType: "TEXT",
        textType: "TEXT",
        integerType: "INTEGER",
        recurrenceKindSql: "COALESCE(lower(trim(json_extract(metadata, '$.recurrence.type'))), 'once')",
        // The same shape as InstantText writes (7 fraction digits, Z), so defaults sort with the rest.
        nowSql: "strftime('%Y-%m-%dT%H:%M:%f0000Z', 'now')");

    private StoreDialect(StoreProvider provider, string timestampType, string jsonType, string textType, string integerType, string recurrenceKindSql, string nowSql)
    {
        Provider = provider;
        TimestampType = timestampType;
        JsonType = jsonType;
        TextType = textType;
        IntegerType = integerType;
        RecurrenceKindSql = recurrenceKindSql;
        NowSql = nowSql;
        UpsertChatSettingsSql =
            "INSERT INTO chat_settings (chat_id, time_zone_id, updated_at) VALUES ({0}, {1}, " + nowSql + ") "
            + "ON CONFLICT (chat_id) DO UPDATE SET time_zone_id = excluded.time_zone_id, updated_at = excluded.updated_at";
    }

    public StoreProvider Provider { get; }

    public string TimestampType { get; }

    public string JsonType { get; }

    public string TextType { get; }

    public string IntegerType { get; }

    public string RecurrenceKindSql { get; }

    public string NowSql { get; }

    /// <summary>Inserts or replaces a chat's zone; parameters {0} chat id, {1} zone id.</summary>
    public string UpsertChatSettingsSql { get; }

    public static StoreDialect For(StoreProvider provider) => provider switch
    {
        StoreProvider.PostgreSql => PostgreSql,
        StoreProvider.Sqlite => Sqlite,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown store provider."),
    };
}
