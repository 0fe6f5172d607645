namespace ScheduledMessages.Bot.Worker;

/// <summary>Registers the background work of every instance: dispatch, the cross-instance wake-up, pruning.</summary>
public static class WorkerServiceCollectionExtensions
{
    public static IServiceCollection AddDispatchWorkers(this IServiceCollection services)
    {
        services.AddHostedService<DispatchNotificationsService>();
        services.AddHostedService<DueMessageWorker>();
        services.AddHostedService<FinishedMessagePruner>();
        return services;
    }
}
