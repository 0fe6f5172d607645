using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ScheduledMessages.Infrastructure.Persistence.Sqlite;

/// <summary>
/// The scheduler's database in an embedded SQLite file: the same model as PostgreSQL's, with
/// instants stored as sortable text, and its own migrations (Persistence/Sqlite/Migrations).
/// </summary>
public sealed class SqliteSchedulerDbContext : SchedulerDbContext
{
    public SqliteSchedulerDbContext(DbContextOptions<SqliteSchedulerDbContext> options)
        : base(options)
    {
    }

    public override StoreProvider Provider => StoreProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // SQLite has no NodaTime plugin; this covers Instant? too.
        configurationBuilder.Properties<Instant>().HaveConversion<InstantTextConverter>();
}
