namespace ScheduledMessages.Bot.Telegram;

/// <summary>Removes the bot token from text before it is logged (URLs in errors can carry it).</summary>
public sealed class SecretRedactor(string? secret)
{
    public string Redact(string text) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal);
}
