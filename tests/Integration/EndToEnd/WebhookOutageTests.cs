using System.Net;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>
/// Webhook mode while the database is unreachable: the update cannot be written to the inbox, so it
/// is not acknowledged (5xx) and Telegram sends it again; once the database is back the resent
/// update is stored, acknowledged and carried out once.
/// </summary>
public sealed class WebhookOutageTests(WebhookBotFixture bot) : IClassFixture<WebhookBotFixture>
{
    [Fact]
    public async Task An_update_that_fails_because_the_database_is_down_is_answered_5xx_and_works_when_resent()
    {
        await bot.Api.WaitUntilAsync(d => d.WebhookUrl is not null, BotFixture.ReplyTimeout);
        var chat = ChatIds.NextPrivate();
        var update = bot.Api.CreateMessageUpdate(chat, "/schedule daily 09:00 Written once");

        await DatabaseOutage.SetAvailableAsync(bot.Database, available: false);
        try
        {
            using var refused = await bot.PostUpdateAsync(update, WebhookBotFixture.Secret);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Empty(bot.Api.SentTo(chat));

            using var ready = await bot.Host.Http.GetAsync(new Uri("health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var live = await bot.Host.Http.GetAsync(new Uri("health/live", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await DatabaseOutage.SetAvailableAsync(bot.Database, available: true);
        }

        using var resent = await bot.PostUpdateAsync(update, WebhookBotFixture.Secret);

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var reply = await bot.NextMessageAsync(chat, 0);
        Assert.Single(bot.Api.SentTo(chat));
        Assert.StartsWith("Scheduled every day at 09:00.", reply.Text, StringComparison.Ordinal);
        Assert.Single(await bot.RowsOfChatAsync(chat));
    }
}
