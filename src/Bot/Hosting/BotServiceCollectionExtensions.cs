using Microsoft.Extensions.Options;
using ScheduledMessages.Bot.Commands;
using ScheduledMessages.Bot.Console;
using ScheduledMessages.Bot.Conversations;
using ScheduledMessages.Bot.Telegram;
using ScheduledMessages.Bot.Telegram.Replies;
using ScheduledMessages.Bot.Worker;
using ScheduledMessages.Infrastructure.Telegram;

namespace ScheduledMessages.Bot.Hosting;

/// <summary>Registers the bot: its commands (found by scanning), the conversation, transports and the worker.</summary>
public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var type in typeof(IBotCommand).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBotCommand).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IBotCommand), type);
        }

        services.AddSingleton<CommandCatalog>();
        services.AddSingleton<BotIdentity>();
        services.AddScoped<ConversationHandler>();
        services.AddDispatchWorkers();

        // Bound in every mode: the pruner keeps the inbox table tidy whatever the transport.
        services.AddOptions<InboxOptions>()
            .Bind(configuration.GetSection(InboxOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboxOptions>, InboxOptionsValidator>();

        if (BotApplication.TransportFrom(configuration) == Transport.Console)
        {
            services.AddConsoleChat(configuration);
            return services;
        }

        services.AddTelegram(configuration);
        services.AddSingleton(_ => new SecretRedactor(configuration[$"{TelegramOptions.SectionName}:{nameof(TelegramOptions.BotToken)}"]));
        services.AddReplyQueue(configuration);
        services.AddSingleton<TelegramUpdateProcessor>();
        services.AddSingleton<TelegramInbox>();
        services.AddHostedService<TelegramInboxProcessor>();
        services.AddHostedService<TelegramStartup>();
        if (!BotApplication.UsesWebhook(configuration))
        {
            services.AddHostedService<TelegramPollingService>();
        }

        return services;
    }
}
