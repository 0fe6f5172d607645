using ScheduledMessages.Infrastructure.Persistence.Notifications;

namespace ScheduledMessages.Bot.Worker;

/// <summary>
/// Runs the PostgreSQL LISTEN/NOTIFY link between instances (ADR 0400) for the life of the host;
/// does nothing on the embedded store, where the in-process signal is all there is.
/// </summary>
public sealed class DispatchNotificationsService(IServiceProvider services) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        services.GetService<PostgreSqlDispatchNotifications>() is { } notifications
            ? notifications.RunAsync(stoppingToken)
            : Task.CompletedTask;
}
