namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>
/// Long polling while the database is unreachable: the update cannot be written to the inbox, so
/// its offset is not confirmed and it is fetched again; once the database is back it is stored,
/// confirmed and carried out once.
/// </summary>
public sealed class PollingOutageTests(PollingBotFixture bot) : IClassFixture<PollingBotFixture>
{
    [Fact]
    public async Task An_update_that_fails_because_the_database_is_down_is_fetched_again_and_carried_out_once_it_is_back()
    {
        var chat = ChatIds.NextPrivate();
        await DatabaseOutage.SetAvailableAsync(bot.Database, available: false);
        int polls;
        try
        {
            polls = GetUpdatesCalls();
            bot.Api.EnqueueMessage(chat, "/schedule daily 09:00 Written once");

            // Fetched, not stored, and asked for again: the update is still unconfirmed at the double.
            await bot.Api.WaitUntilAsync(_ => GetUpdatesCalls() >= polls + 2, BotFixture.ReplyTimeout);
            Assert.Equal(1, bot.Api.PendingUpdateCount);
            Assert.Empty(bot.Api.SentTo(chat));
        }
        finally
        {
            await DatabaseOutage.SetAvailableAsync(bot.Database, available: true);
        }

        var reply = await bot.NextMessageAsync(chat, 0);

        Assert.StartsWith("Scheduled every day at 09:00.", reply.Text, StringComparison.Ordinal);
        Assert.Single(await bot.RowsOfChatAsync(chat));
        Assert.Single(bot.Api.SentTo(chat));
    }

    private int GetUpdatesCalls() => bot.Api.Calls.Count(c => string.Equals(c.Method, "getUpdates", StringComparison.OrdinalIgnoreCase));
}
