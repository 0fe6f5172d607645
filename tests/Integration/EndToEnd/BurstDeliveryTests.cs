using System.Globalization;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>Many messages due at once in one chat: all delivered, none refused by Telegram's limits.</summary>
public sealed class BurstDeliveryTests(BurstBotFixture bot) : IClassFixture<BurstBotFixture>
{
    private const int Count = 60;

    [Fact]
    public async Task Sixty_messages_due_at_once_in_one_chat_are_all_delivered_without_a_single_429()
    {
        var chat = ChatIds.NextPrivate();
        var now = DateTimeOffset.UtcNow;
        var due = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddSeconds(16);
        var at = due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var texts = Enumerable.Range(1, Count).Select(i => $"Burst {i:00}").ToList();

        foreach (var text in texts)
        {
            bot.Api.EnqueueMessage(chat, $"/schedule {at} {text}");
        }

        await bot.Api.WaitUntilAsync(d => d.SentTo(chat).Count >= Count, TimeSpan.FromSeconds(30));
        Assert.All(bot.Api.SentTo(chat).Take(Count), reply => Assert.StartsWith("Scheduled once.", reply.Text, StringComparison.Ordinal));

        await bot.Api.WaitUntilAsync(d => d.SentTo(chat).Count >= 2 * Count, TimeSpan.FromSeconds(60));

        var delivered = bot.Api.SentTo(chat).Skip(Count).ToList();
        Assert.Equal(texts, delivered.Select(m => m.Text).Order(StringComparer.Ordinal));
        Assert.All(delivered, m => Assert.True(m.At >= due, $"{m.Text} was sent at {m.At:O}, before {due:O}."));
        Assert.Equal(0, bot.Api.TooManyRequestsCount);
        Assert.All(await bot.RowsOfChatAsync(chat), row => Assert.Equal("sent", row["status"]));
    }
}
