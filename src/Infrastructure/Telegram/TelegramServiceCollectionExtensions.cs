using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScheduledMessages.Application.Abstractions;
using Telegram.Bot;

namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>
/// Registers the Telegram client (every call but sends and long polls bounded by
/// <see cref="TelegramOptions.ApiCallTimeout"/>), its validated options, the send limiter and the message sender.
/// </summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>The named HttpClient the bot client uses; its request logging is off because URLs carry the token.</summary>
    public const string HttpClientName = "Telegram";

    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>()
            .Bind(configuration.GetSection(TelegramOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.AddOptions<TelegramLimitsOptions>()
            .Bind(configuration.GetSection(TelegramLimitsOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramLimitsOptions>, TelegramLimitsOptionsValidator>());

        // The Bot API puts the token in the request path, so the factory's request logs must not run.
        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<ITelegramBotClient>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var clientOptions = new TelegramBotClientOptions(options.BotToken!, string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : options.ApiBaseUrl)
            {
                RetryThreshold = 0,
            };
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new TimeBoundBotClient(new TelegramBotClient(clientOptions, http), options.ApiCallTimeout);
        });
        services.TryAddSingleton<TelegramSendLimiter>();
        services.TryAddSingleton<IMessageSender, TelegramMessageSender>();

        // Added, not tried: it replaces the Application's default of "no administrators".
        services.AddSingleton<IChatAdministrators, TelegramChatAdministrators>();
        return services;
    }
}
