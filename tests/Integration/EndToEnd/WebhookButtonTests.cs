using System.Net;
using System.Text.Json.Nodes;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>Button presses arriving by webhook are carried out, the message edited in place and the press answered.</summary>
public sealed class WebhookButtonTests(WebhookBotFixture bot) : IClassFixture<WebhookBotFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => bot.Api.WaitUntilAsync(d => d.WebhookUrl is not null, BotFixture.ReplyTimeout);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_pause_press_posted_to_the_webhook_pauses_the_message_and_edits_the_reply()
    {
        var chat = ChatIds.NextPrivate();
        using (var scheduled = await bot.PostUpdateAsync(bot.Api.CreateMessageUpdate(chat, "/schedule daily 09:00 Via webhook"), WebhookBotFixture.Secret))
        {
            Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        }

        var reply = await bot.NextMessageAsync(chat, 0);
        var id = BotFixture.IdIn(reply);
        var pause = reply.InlineButtons.Single(b => b.Text == "Pause").CallbackData!;

        // The double opens the query (so it can be answered); the update itself is posted as Telegram would.
        var queryId = bot.Api.EnqueueCallbackQuery(chat, reply.MessageId, pause);
        using var response = await bot.PostUpdateAsync(CallbackUpdate(queryId, chat, reply.MessageId, reply.Text, pause), WebhookBotFixture.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.Api.WaitUntilAsync(d => d.AnsweredCallbacks.Any(a => a.CallbackQueryId == queryId), BotFixture.ReplyTimeout);
        Assert.Equal("Paused.", Assert.Single(bot.Api.AnsweredCallbacks, a => a.CallbackQueryId == queryId).Text);
        var edit = Assert.Single(bot.Api.Edits, e => e.ChatId == chat && e.MessageId == reply.MessageId);
        Assert.StartsWith("Paused every day at 09:00: Via webhook", edit.Text, StringComparison.Ordinal);
        Assert.Equal("paused", (await ScheduledMessageRows.ReadAsync(bot.Database, id)).Status);
    }

    private static JsonObject CallbackUpdate(string queryId, long chatId, int messageId, string text, string data) => new()
    {
        ["update_id"] = Random.Shared.Next(1_000_000, 2_000_000),
        ["callback_query"] = new JsonObject
        {
            ["id"] = queryId,
            ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Tester" },
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Tester" },
                ["from"] = new JsonObject { ["id"] = Telegram.BotApiDouble.BotId, ["is_bot"] = true, ["first_name"] = "Bot", ["username"] = Telegram.BotApiDouble.BotUsername },
                ["text"] = text,
            },
            ["chat_instance"] = $"ci{chatId}",
            ["data"] = data,
        },
    };
}
