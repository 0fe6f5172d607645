using System.Net;
using System.Text;
using ScheduledMessages.Bot.Telegram;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>Webhook mode: only Telegram (knowing the secret) gets through, and its updates are answered.</summary>
public sealed class WebhookTests(WebhookBotFixture bot) : IClassFixture<WebhookBotFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => bot.Api.WaitUntilAsync(d => d.WebhookUrl is not null, BotFixture.ReplyTimeout);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_webhook_was_registered_with_its_url_and_secret()
    {
        Assert.Equal(WebhookBotFixture.WebhookUrl, bot.Api.WebhookUrl);
        Assert.Equal(WebhookBotFixture.Secret, bot.Api.WebhookSecret);
    }

    [Fact]
    public void In_webhook_mode_the_bot_does_not_poll()
    {
        Assert.DoesNotContain(bot.Api.Calls, c => string.Equals(c.Method, "getUpdates", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_update_with_the_right_secret_is_answered_200_and_the_reply_is_sent()
    {
        var chat = ChatIds.NextPrivate();

        using var response = await bot.PostUpdateAsync(bot.Api.CreateMessageUpdate(chat, "/schedule daily 09:00 Good morning!"), WebhookBotFixture.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await bot.NextMessageAsync(chat, 0);
        Assert.StartsWith("Scheduled every day at 09:00.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(BotFixture.IdIn(reply), Assert.Single(await bot.RowsOfChatAsync(chat))["id"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret")]
    [InlineData("e2e-Webhook_secret-012345678")]
    [InlineData("e2e-Webhook_secret-01234567890")]
    public async Task An_update_without_the_right_secret_is_refused_401_and_nothing_happens(string? secret)
    {
        var chat = ChatIds.NextPrivate();

        using var response = await bot.PostUpdateAsync(bot.Api.CreateMessageUpdate(chat, "/schedule daily 09:00 Intruder"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        // A chat's updates are processed in order, so once a later update that is let in is
        // answered, the refused one would have been answered before it, had it got in.
        using var allowed = await bot.PostUpdateAsync(bot.Api.CreateMessageUpdate(chat, "/scheduled"), WebhookBotFixture.Secret);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var reply = await bot.NextMessageAsync(chat, 0);
        Assert.StartsWith("Nothing is scheduled", reply.Text, StringComparison.Ordinal);
        Assert.Single(bot.Api.SentTo(chat));
        Assert.Empty(await bot.RowsOfChatAsync(chat));
        Assert.Single(await bot.Database.QueryAsync("SELECT update_id FROM inbound_updates WHERE chat_id = $1", chat));
    }

    [Fact]
    public async Task A_body_that_is_not_an_update_is_refused_400()
    {
        using var content = new StringContent("{not json", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(TelegramWebhookEndpoint.Path.TrimStart('/'), UriKind.Relative)) { Content = content };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, WebhookBotFixture.Secret);

        using var response = await bot.Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
