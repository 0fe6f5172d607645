using ScheduledMessages.Integration.EndToEnd;

namespace ScheduledMessages.Integration.Inbox;

/// <summary>Long polling into the inbox: Telegram serving an update again does not carry it out again.</summary>
public sealed class PollingInboxTests(PollingBotFixture bot) : IClassFixture<PollingBotFixture>
{
    [Fact]
    public async Task An_update_served_again_by_getUpdates_is_stored_once_and_answered_once()
    {
        var chat = ChatIds.NextPrivate();
        var update = bot.Api.CreateMessageUpdate(chat, "/schedule daily 09:00 Served twice");
        bot.Api.EnqueueUpdate(update);
        var reply = await bot.NextMessageAsync(chat, 0);

        bot.Api.ServeAgain(update);
        await bot.Api.WaitUntilAsync(d => d.ServeAgainCount == 0, BotFixture.ReplyTimeout);

        // A chat's updates are handled in order: had the copy been stored as new, it would be answered before this.
        var next = await bot.AskAsync(chat, "/scheduled");

        Assert.StartsWith("Scheduled every day at 09:00.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Served twice", next.Text, StringComparison.Ordinal);
        Assert.Equal(2, bot.Api.SentTo(chat).Count);
        Assert.Single(await bot.RowsOfChatAsync(chat));
        var stored = await bot.Database.QueryAsync("SELECT update_id, status FROM inbound_updates WHERE chat_id = $1 ORDER BY update_id", chat);
        Assert.Equal(2, stored.Count);
        Assert.Equal(update["update_id"]!.GetValue<long>(), (long)stored[0]["update_id"]!);
        Assert.All(stored, row => Assert.Equal("done", row["status"]));
    }
}
