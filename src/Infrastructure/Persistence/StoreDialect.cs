namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>
/// What differs between the providers in the one model: column types, the id's collation, the
/// generated <c>recurrence_kind</c> expression and "now" in SQL. Everything else is shared.
/// </summary>
internal sealed class StoreDialect
{
    /// <summary>SQLite's current time in the shape InstantText writes (7 fraction digits, Z), so defaults and comparisons sort with stored instants.</summary>
    public const string SqliteNowSql = "strftime('%Y-%m-%dT%H:%M:%f0000Z', 'now')";

    /// <summary>The existing PostgreSQL schema (docs/architecture.md#the-table); changing it changes that table.</summary>
    public static readonly StoreDialect PostgreSql = new()
    {
        Provider = StoreProvider.PostgreSql,
        TimestampType = "timestamp with time zone",
        JsonType = "jsonb",
        TextType = "text",
        IntegerType = "integer",
        IdCollation = null,
        RecurrenceKindSql = "COALESCE(lower(btrim(metadata -> 'recurrence' ->> 'type')), 'once')",
        NowSql = "now()",
    };

    /// <summary>SQLite: instants as fixed-width ISO text (<see cref="Sqlite.InstantText"/>), JSON as text read by json_extract.</summary>
    public static readonly StoreDialect Sqlite = new()
    {
        Provider = StoreProvider.Sqlite,
        TimestampType = "TEXT",
        JsonType = "TEXT",
        TextType = "TEXT",
        IntegerType = "INTEGER",

        // EF writes GUIDs as upper-case text; NOCASE lets rows other tools write in lower case match too.
        IdCollation = "NOCASE",
        RecurrenceKindSql = "COALESCE(lower(trim(json_extract(metadata, '$.recurrence.type'))), 'once')",
        NowSql = SqliteNowSql,
    };

    private StoreDialect()
    {
    }

    public required StoreProvider Provider { get; init; }

    public required string TimestampType { get; init; }

    public required string JsonType { get; init; }

    public required string TextType { get; init; }

    public required string IntegerType { get; init; }

    public required string? IdCollation { get; init; }

    public required string RecurrenceKindSql { get; init; }

    public required string NowSql { get; init; }

    /// <summary>Inserts or replaces a chat's zone; parameters {0} chat id, {1} zone id.</summary>
    public string UpsertChatSettingsSql =>
        "INSERT INTO chat_settings (chat_id, time_zone_id, updated_at) VALUES ({0}, {1}, " + NowSql + ") "
        + "ON CONFLICT (chat_id) DO UPDATE SET time_zone_id = excluded.time_zone_id, updated_at = excluded.updated_at";

    public static StoreDialect For(StoreProvider provider) => provider switch
    {
        StoreProvider.PostgreSql => PostgreSql,
        StoreProvider.Sqlite => Sqlite,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown store provider."),
    };
}
