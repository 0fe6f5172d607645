using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScheduledMessages.Application.Chats;

namespace ScheduledMessages.Bot.Access;

/// <summary>Registers who may use the bot and how fast: options checked at start, the allow-list's chats, the command policy.</summary>
public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AccessOptions"/> (validated at start), fills the Application's
    /// <see cref="ChatAllowList"/> (registered by <c>AddApplication</c>; the dispatch path consults
    /// it too) from <c>Access:AllowedChatIds</c>, and adds <see cref="CommandAccessPolicy"/>.
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

        // Reading the access options validates them: a typo in the list stops the host, never opens the bot to everyone.
        services.AddOptions<ChatAllowListOptions>()
            .Configure<IOptions<AccessOptions>>((allowed, access) => allowed.ChatIds.UnionWith(access.Value.ChatIds()));
        services.AddSingleton<QuotaWindows>();
        services.AddSingleton<CommandAccessPolicy>();
        return services;
    }
}
