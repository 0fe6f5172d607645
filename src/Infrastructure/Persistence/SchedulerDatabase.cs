using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>How the scheduler's database is reached and brought up to date.</summary>
public static class SchedulerDatabase
{
    /// <summary>The connection string key: <c>ConnectionStrings:Scheduler</c>.</summary>
    public const string ConnectionStringName = "Scheduler";

    /// <summary>Configures Npgsql with NodaTime types and snake_case names: the one setup used by the app, the tools and the tests.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql
                .UseNodaTime()
                .MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    /// <summary>Options for a <see cref="SchedulerDbContext"/> outside a container (tools, fixtures).</summary>
    public static DbContextOptions<SchedulerDbContext> CreateOptions(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<SchedulerDbContext>();
        Configure(builder, connectionString);
        return builder.Options;
    }

    /// <summary>Applies pending migrations to the database the container's context points at.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<SchedulerDbContext>();
        await context.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Applies pending migrations to the database at <paramref name="connectionString"/>.</summary>
    public static async Task MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var context = new SchedulerDbContext(CreateOptions(connectionString));
        await context.Database.MigrateAsync(cancellationToken);
    }
}
