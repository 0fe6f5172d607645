using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScheduledMessages.Infrastructure.Persistence;

namespace ScheduledMessages.Bot.Worker;

/// <summary>Registers the background work of every instance: its heartbeat, dispatch, the cross-instance wake-up, pruning.</summary>
public static class WorkerServiceCollectionExtensions
{
    public static IServiceCollection AddDispatchWorkers(this IServiceCollection services)
    {
        services.AddInstanceHeartbeat();
        services.AddHostedService<DispatchNotificationsService>();
        services.AddHostedService<DueMessageWorker>();
        services.AddHostedService<FinishedMessagePruner>();
        return services;
    }

    /// <summary>
    /// The heartbeat (<see cref="InstanceHeartbeatService"/>, on <see cref="InstanceHeartbeats"/>),
    /// with its options from "Scheduler:Heartbeat". Added before the dispatch worker, so the share
    /// of the global limit is known before the first send and the row goes only after the last.
    /// </summary>
    public static IServiceCollection AddInstanceHeartbeat(this IServiceCollection services)
    {
        services.AddOptions<InstanceHeartbeatOptions>()
            .BindConfiguration(InstanceHeartbeatOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InstanceHeartbeatOptions>, InstanceHeartbeatOptionsValidator>());
        services.TryAddScoped<InstanceHeartbeats>();
        services.TryAddSingleton<InstanceHeartbeatService>();
        services.AddHostedService(provider => provider.GetRequiredService<InstanceHeartbeatService>());
        return services;
    }
}
