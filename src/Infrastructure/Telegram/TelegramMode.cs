namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>How the bot receives updates from Telegram.</summary>
public enum TelegramMode
{
    /// <summary>Long polling with getUpdates: no public URL needed.</summary>
    Polling,

    /// <summary>Telegram POSTs updates to <see cref="TelegramOptions.WebhookUrl"/>.</summary>
    Webhook,
}
