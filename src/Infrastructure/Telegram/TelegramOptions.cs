namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>The "Telegram" configuration section (README "Configuration"; docs/architecture.md#telegram).</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>The bot's token from BotFather; a secret, never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>A Bot API server other than Telegram's (a local one, a test double); null for Telegram's.</summary>
    public string? ApiBaseUrl { get; set; }

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>The public HTTPS URL Telegram posts updates to, in webhook mode.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent by Telegram in X-Telegram-Bot-Api-Secret-Token, in webhook mode: 1..256 of A-Z a-z 0-9 _ -.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How long one send may take before it counts as a transient failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long any other Bot API call (getMe, getChatMember, answerCallbackQuery, editMessageText,
    /// setMyCommands, ...) may take before it fails with a <see cref="TimeoutException"/>, a transient
    /// failure; long polling and sends keep their own bounds.
    /// </summary>
    public TimeSpan ApiCallTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
