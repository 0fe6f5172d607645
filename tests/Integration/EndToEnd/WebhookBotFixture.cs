namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>The bot in webhook mode: Telegram (the test) posts updates to its /telegram/webhook (<see cref="BotFixture.PostUpdateAsync"/>).</summary>
public sealed class WebhookBotFixture : BotFixture
{
    public const string WebhookUrl = "https://bot.example.test/telegram/webhook";

    public const string Secret = "e2e-Webhook_secret-0123456789";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Telegram:Mode", "Webhook"),
        new("Telegram:WebhookUrl", WebhookUrl),
        new("Telegram:WebhookSecret", Secret),
    ];
}
