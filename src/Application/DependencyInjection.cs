using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages;

namespace ScheduledMessages.Application;

/// <summary>Registers the Application layer: validators, options checks, clock and wake-up signal.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Adds validators, <see cref="SchedulerOptions"/> validation (bind
    /// the options with <see cref="AddSchedulerOptions"/> or the host's binder), the system
    /// <see cref="IClock"/>, the in-process <see cref="IDispatchSignal"/> and <see cref="ChatAllowList"/>
    /// (every chat, until the host fills <see cref="ChatAllowListOptions"/>). Handlers and the
    /// mediator itself are registered by the host's generated <c>AddMediator</c>.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: false);


        services.AddOptions<SchedulerOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>());

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<IDispatchSignal, InProcessDispatchSignal>();
        services.TryAddScoped<ChatTimeZones>();
        services.AddOptions<ChatAllowListOptions>();
        services.TryAddSingleton<ChatAllowList>();
        services.TryAddSingleton<IChatAdministrators, NoChatAdministrators>();
        services.TryAddScoped<ChangePermission>();
        services.TryAddScoped<MessageChange>();
        return services;
    }

    /// <summary>
    /// Sets <see cref="SchedulerOptions"/> from a configure action (the host binds the "Scheduler"
    /// section with it) and checks them when the host starts, so a bad value stops it with the key's name.
    /// </summary>
    public static OptionsBuilder<SchedulerOptions> AddSchedulerOptions(this IServiceCollection services, Action<SchedulerOptions> configure) =>
        services.AddOptions<SchedulerOptions>().Configure(configure).ValidateOnStart();
}
