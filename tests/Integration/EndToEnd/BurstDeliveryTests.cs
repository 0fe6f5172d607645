namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>Many messages due at once in one chat: all delivered, none refused by Telegram's limits.</summary>
public sealed class BurstDeliveryTests(BurstBotFixture bot) : IClassFixture<BurstBotFixture>
{
    private const int Count = 60;

    [Fact]
    public async Task Sixty_messages_due_at_once_in_one_chat_are_all_delivered_without_a_single_429()
    {
        var chat = ChatIds.NextPrivate();
        var texts = Enumerable.Range(1, Count).Select(i => $"Burst {i:00}").ToList();
        foreach (var text in texts)
        {
            bot.Api.EnqueueMessage(chat, $"/schedule in 1h {text}");
        }

        await bot.Api.WaitUntilAsync(d => d.SentTo(chat).Count >= Count, BotFixture.ReplyTimeout);
        Assert.All(bot.Api.SentTo(chat).Take(Count), reply => Assert.StartsWith("Scheduled once.", reply.Text, StringComparison.Ordinal));

        // All fall due at once (ADR 0704).
        var ids = (await bot.RowsOfChatAsync(chat)).Select(row => (Guid)row["id"]!).ToArray();
        Assert.Equal(Count, ids.Length);
        var due = (await bot.MakeDueAsync(ids)).ToDateTimeOffset();
        await bot.Api.WaitUntilAsync(d => d.SentTo(chat).Count >= 2 * Count, BotFixture.ReplyTimeout);

        var delivered = bot.Api.SentTo(chat).Skip(Count).ToList();
        Assert.Equal(texts, delivered.Select(m => m.Text).Order(StringComparer.Ordinal));
        Assert.All(delivered, m => Assert.True(m.At >= due, $"{m.Text} was sent at {m.At:O}, before it was due at {due:O}."));
        Assert.Equal(0, bot.Api.TooManyRequestsCount);

        // A row's outcome is written just after its send: wait for each.
        foreach (var id in ids)
        {
            await bot.WaitForRowAsync(id, r => r.Status != "pending");
        }

        Assert.All(await bot.RowsOfChatAsync(chat), row => Assert.Equal("sent", row["status"]));
    }
}
