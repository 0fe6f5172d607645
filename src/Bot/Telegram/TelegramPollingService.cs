using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace ScheduledMessages.Bot.Telegram;

/// <summary>
/// Long polling: fetches updates and stores them in the inbox; only then is their offset confirmed
/// (by the next getUpdates), so an update is never lost, and one fetched twice is stored once.
/// Nothing is processed here: <see cref="TelegramInboxProcessor"/> takes the updates from the inbox.
/// </summary>
public sealed partial class TelegramPollingService(
    ITelegramBotClient bot,
    TelegramInbox inbox,
    SecretRedactor redactor,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    private const int PollTimeoutSeconds = 25;
    private static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int? offset = null;
        var failures = 0;
        var webhookCleared = false;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!webhookCleared)
                {
                    // Telegram refuses getUpdates while a webhook is set (e.g. after running in webhook mode).
                    await bot.DeleteWebhook(cancellationToken: stoppingToken);
                    webhookCleared = true;
                }

                var updates = await bot.GetUpdates(offset, 100, PollTimeoutSeconds, AllowedUpdates, stoppingToken);
                if (updates.Length > 0)
                {
                    // A failed write leaves the offset where it was: the same updates are fetched again.
                    await inbox.StoreAsync([.. updates.Select(u => (u, (string?)null))], stoppingToken);
                    offset = updates.Max(u => u.Id) + 1;
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures++;
                var delay = TimeSpan.FromSeconds(Math.Min(10, Math.Pow(2, failures - 1)));
                LogPollFailed(logger, e.GetType().Name, redactor.Redact(e.Message), delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling failed ({Error}: {Detail}); retrying in {Delay}")]
    private static partial void LogPollFailed(ILogger logger, string error, string detail, TimeSpan delay);
}
