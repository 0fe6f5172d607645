using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ScheduledMessages.Infrastructure.Persistence.Sqlite;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>
/// Which database the scheduler uses and how it is reached and brought up to date:
/// PostgreSQL when <c>ConnectionStrings:Scheduler</c> is set, else an embedded SQLite file at
/// <c>Storage:SqlitePath</c> (default <see cref="DefaultSqlitePath"/>). See ADR 0300.
/// </summary>
public static class SchedulerDatabase
{
    /// <summary>The connection string key: <c>ConnectionStrings:Scheduler</c>.</summary>
    public const string ConnectionStringName = "Scheduler";

    /// <summary>Where the SQLite file goes when no PostgreSQL is configured: <c>Storage:SqlitePath</c>.</summary>
    public const string SqlitePathKey = "Storage:SqlitePath";

    /// <summary>EF's history table, the same name in both stores.</summary>
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>
    /// The SQLite file when <c>Storage:SqlitePath</c> is not set: <c>scheduled-messages/scheduler.db</c>
    /// under the user's local application data (<c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on
    /// Linux, <c>~/Library/Application Support</c> on macOS, <c>%LOCALAPPDATA%</c> on Windows), or
    /// under <c>./data</c> when the system names no such folder (no home directory).
    /// </summary>
    public static string DefaultSqlitePath
    {
        get
        {
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrWhiteSpace(root))
            {
                root = Path.Combine(Environment.CurrentDirectory, "data");
            }

            return Path.Combine(root, "scheduled-messages", "scheduler.db");
        }
    }

    /// <summary>The store <paramref name="configuration"/> selects, described for people (no secrets).</summary>
    /// <exception cref="InvalidOperationException">A setting is unusable; the message names the key.</exception>
    public static StoreInfo DescribeStore(IConfiguration configuration) => SelectStore(configuration).Info;

    /// <summary>A connection string for the SQLite file at <paramref name="path"/> (made absolute).</summary>
    public static string SqliteConnectionString(string path) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = SqliteConnectionSetup.BusyTimeoutMilliseconds / 1000,
        }.ToString();

    /// <summary>Configures Npgsql with NodaTime types and snake_case names: the one setup used by the app, the tools and the tests.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString, npgsql => npgsql
                .UseNodaTime()
                .MigrationsHistoryTable(MigrationsHistoryTable))
            .UseSnakeCaseNamingConvention();

    /// <summary>Configures SQLite with snake_case names and the connection set-up (directory, WAL, busy timeout).</summary>
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(SqliteConnectionSetup.Instance);

    /// <summary>Options for a PostgreSQL <see cref="SchedulerDbContext"/> outside a container (tools, fixtures).</summary>
    public static DbContextOptions<SchedulerDbContext> CreateOptions(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<SchedulerDbContext>();
        Configure(builder, connectionString);
        return builder.Options;
    }

    /// <summary>Options for a <see cref="SqliteSchedulerDbContext"/> outside a container (tools, fixtures).</summary>
    public static DbContextOptions<SqliteSchedulerDbContext> CreateSqliteOptions(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<SqliteSchedulerDbContext>();
        ConfigureSqlite(builder, connectionString);
        return builder.Options;
    }

    /// <summary>A context for <paramref name="provider"/> outside a container; the caller disposes it.</summary>
    public static SchedulerDbContext CreateContext(StoreProvider provider, string connectionString) => provider switch
    {
        StoreProvider.PostgreSql => new SchedulerDbContext(CreateOptions(connectionString)),
        StoreProvider.Sqlite => new SqliteSchedulerDbContext(CreateSqliteOptions(connectionString)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown store provider."),
    };

    /// <summary>Applies pending migrations to the database the container's context points at.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<SchedulerDbContext>();
        await context.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Applies pending migrations to the PostgreSQL database at <paramref name="connectionString"/>.</summary>
    public static Task MigrateAsync(string connectionString, CancellationToken cancellationToken = default) =>
        MigrateAsync(StoreProvider.PostgreSql, connectionString, cancellationToken);

    /// <summary>Applies pending migrations to the <paramref name="provider"/> database at <paramref name="connectionString"/>.</summary>
    public static async Task MigrateAsync(StoreProvider provider, string connectionString, CancellationToken cancellationToken = default)
    {
        await using var context = CreateContext(provider, connectionString);
        await context.Database.MigrateAsync(cancellationToken);
    }

    internal static (StoreInfo Info, string ConnectionString) SelectStore(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return (new StoreInfo(StoreProvider.PostgreSql, DescribePostgreSql(connectionString), null), connectionString);
        }

        var configured = configuration[SqlitePathKey];
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultSqlitePath : configured.Trim();
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InvalidOperationException($"{SqlitePathKey} is not a usable file path ('{path}'): {e.Message}", e);
        }

        if (Directory.Exists(fullPath))
        {
            throw new InvalidOperationException(
                $"{SqlitePathKey} names a directory ('{fullPath}'): give the database file's path, e.g. {Path.Combine(fullPath, "scheduler.db")}.");
        }

        return (new StoreInfo(StoreProvider.Sqlite, $"SQLite file {fullPath}", fullPath), SqliteConnectionString(fullPath));
    }

    private static string DescribePostgreSql(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // The message names the bad keyword, never the value (which may be a password).
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not a valid PostgreSQL connection string: {e.Message}", e);
        }

        var database = string.IsNullOrEmpty(builder.Database) ? "(the user's default)" : builder.Database;
        return $"PostgreSQL database {database} on {builder.Host}:{builder.Port}";
    }
}
