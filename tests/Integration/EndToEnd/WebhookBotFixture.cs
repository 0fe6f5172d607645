using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ScheduledMessages.Bot.Telegram;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>The bot in webhook mode: Telegram (the test) posts updates to its /telegram/webhook.</summary>
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

    /// <summary>Posts an update to the bot's webhook as Telegram does, with <paramref name="secret"/> in the header when given.</summary>
    public async Task<HttpResponseMessage> PostUpdateAsync(JsonObject update, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(TelegramWebhookEndpoint.Path.TrimStart('/'), UriKind.Relative))
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        }

        return await Host.Http.SendAsync(request);
    }
}
