using ScheduledMessages.Bot.Conversations;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace ScheduledMessages.Bot.Telegram;

/// <summary>
/// Long polling: fetches updates and processes them in order. An update whose processing failed
/// transiently is fetched again (its offset is not confirmed) a few times before it is given up.
/// </summary>
public sealed partial class TelegramPollingService(
    ITelegramBotClient bot,
    TelegramUpdateProcessor processor,
    SecretRedactor redactor,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    private const int PollTimeoutSeconds = 25;
    // Long enough to ride out a database restart or fail-over; a poison update cannot block the bot forever.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);
    private static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int? offset = null;
        var failures = 0;
        var webhookCleared = false;
        (int UpdateId, int Tries, long Since) failing = (0, 0, 0);

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
                failures = 0;
                foreach (var update in updates)
                {
                    try
                    {
                        await processor.ProcessAsync(update, stoppingToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException && TransientFailure.IsTransient(e))
                    {
                        failing = failing.UpdateId == update.Id && failing.Tries > 0
                            ? (update.Id, failing.Tries + 1, failing.Since)
                            : (update.Id, 1, Environment.TickCount64);
                        if (TimeSpan.FromMilliseconds(Environment.TickCount64 - failing.Since) < GiveUpAfter)
                        {
                            LogUpdateRetry(logger, update.Id, failing.Tries, e.GetType().Name);
                            throw;
                        }

                        LogUpdateDropped(logger, update.Id, failing.Tries, e.GetType().Name);
                    }

                    offset = update.Id + 1;
                }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} failed transiently (try {Tries}, {Error}); it will be fetched again")]
    private static partial void LogUpdateRetry(ILogger logger, int updateId, int tries, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} failed {Tries} times ({Error}); giving it up")]
    private static partial void LogUpdateDropped(ILogger logger, int updateId, int tries, string error);
}
