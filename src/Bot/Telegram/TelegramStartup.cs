using Microsoft.Extensions.Options;
using ScheduledMessages.Bot.Commands;
using ScheduledMessages.Bot.Conversations;
using ScheduledMessages.Infrastructure.Telegram;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ScheduledMessages.Bot.Telegram;

/// <summary>
/// At start: learns the bot's username, registers the command menu (setMyCommands) from the
/// command classes, and in webhook mode registers the webhook with its secret. Retries until
/// Telegram answers, without blocking the host.
/// </summary>
public sealed partial class TelegramStartup(
    ITelegramBotClient bot,
    CommandCatalog catalog,
    BotIdentity identity,
    IOptions<TelegramOptions> options,
    SecretRedactor redactor,
    ILogger<TelegramStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var me = await bot.GetMe(stoppingToken);
                identity.Username = me.Username;
                await bot.SetMyCommands(
                    catalog.Commands.Select(c => new BotCommand { Command = c.Name, Description = c.Description }),
                    cancellationToken: stoppingToken);
                if (options.Value.Mode == TelegramMode.Webhook)
                {
                    await bot.SetWebhook(
                        options.Value.WebhookUrl!,
                        secretToken: options.Value.WebhookSecret,
                        cancellationToken: stoppingToken);
                }

                LogReady(logger, me.Username ?? "?", options.Value.Mode, catalog.Commands.Count);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt - 1)));
                LogRetry(logger, e.GetType().Name, redactor.Redact(e.Message), delay);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to Telegram as @{Username} ({Mode}); {Count} commands registered")]
    private static partial void LogReady(ILogger logger, string username, TelegramMode mode, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram start-up failed ({Error}: {Detail}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string error, string detail, TimeSpan delay);
}
