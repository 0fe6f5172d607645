using ScheduledMessages.Infrastructure.Persistence;

namespace ScheduledMessages.Bot.Hosting;

/// <summary>
/// Applies pending migrations before anything else starts, when <c>Database:ApplyMigrationsOnStartup</c>
/// is true (the default). Registered first, so the worker never runs against an old schema.
/// </summary>
public sealed partial class DatabaseMigrator(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public const string ApplyMigrationsKey = "Database:ApplyMigrationsOnStartup";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(ApplyMigrationsKey, true))
        {
            LogSkipped(logger, ApplyMigrationsKey);
            return;
        }

        await SchedulerDatabase.MigrateAsync(services, cancellationToken);
        LogMigrated(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date")]
    private static partial void LogMigrated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrations not applied ({Key} is false)")]
    private static partial void LogSkipped(ILogger logger, string key);
}
