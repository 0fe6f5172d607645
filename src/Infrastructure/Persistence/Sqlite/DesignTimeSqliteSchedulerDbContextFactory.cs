using Microsoft.EntityFrameworkCore.Design;

namespace ScheduledMessages.Infrastructure.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef ... --context SqliteSchedulerDbContext</c> build the SQLite context (for adding its migrations).</summary>
public sealed class DesignTimeSqliteSchedulerDbContextFactory : IDesignTimeDbContextFactory<SqliteSchedulerDbContext>
{
    public SqliteSchedulerDbContext CreateDbContext(string[] args)
    {
        // Adding a migration opens no file; applying them (dotnet ef database update) uses this path.
        var path = Environment.GetEnvironmentVariable("Storage__SqlitePath") ?? SchedulerDatabase.DefaultSqlitePath;
        return new SqliteSchedulerDbContext(SchedulerDatabase.CreateSqliteOptions(SchedulerDatabase.SqliteConnectionString(path)));
    }
}
