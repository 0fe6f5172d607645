using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Bot.Access;

/// <summary>Registers who may use the bot and how fast: options checked at start, the policy, the sending guard.</summary>
public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AccessOptions"/> (validated at start), <see cref="CommandAccessPolicy"/> and
    /// wraps the registered <see cref="IMessageSender"/> in <see cref="AllowListMessageSender"/>;
    /// call it after the transport registered its sender.
    /// </summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(CommandAccessPolicy)))
        {
            return services;
        }

        var section = configuration.GetSection(AccessOptions.SectionName);
        services.AddOptions<AccessOptions>()
            .Bind(section)
            .PostConfigure(options =>
            {
                // "Access:AllowedChatIds=1,2" is a plain value, which the binder leaves out of a list.
                if (section[nameof(AccessOptions.AllowedChatIds)] is { Length: > 0 } inline)
                {
                    options.AllowedChatIds.Add(inline);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>());
        services.AddSingleton<ChatAllowList>();
        services.AddSingleton<QuotaWindows>();
        services.AddSingleton<CommandAccessPolicy>();

        var sender = services.LastOrDefault(d => d.ServiceType == typeof(IMessageSender));
        if (sender is not null)
        {
            services.Remove(sender);
            services.Add(new ServiceDescriptor(
                typeof(IMessageSender),
                provider => new AllowListMessageSender(Create(provider, sender), provider.GetRequiredService<ChatAllowList>()),
                sender.Lifetime));
        }

        return services;
    }

    private static IMessageSender Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IMessageSender)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
