using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ScheduledMessages.Bot.Telegram.Replies;

/// <summary>Registers the per-chat reply queue, its validated options and its Telegram sender.</summary>
public static class ReplyQueueServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ReplyQueue"/> as a singleton and as a hosted service, so it drains on stopping;
    /// add it before the services that enqueue replies, which then stop before it does.
    /// </summary>
    public static IServiceCollection AddReplyQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReplyQueueOptions>()
            .Bind(configuration.GetSection(ReplyQueueOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReplyQueueOptions>, ReplyQueueOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReplySender, TelegramReplySender>();
        services.TryAddSingleton<ReplyQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<ReplyQueue>());
        return services;
    }
}
