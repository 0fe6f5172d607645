namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>The database engine behind the scheduler's store.</summary>
public enum StoreProvider
{
    /// <summary>PostgreSQL, chosen by <c>ConnectionStrings:Scheduler</c>; several instances may share it.</summary>
    PostgreSql,

    /// <summary>An embedded SQLite file, used when no connection string is set; for one process.</summary>
    Sqlite,
}
