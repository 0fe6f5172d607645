using System.Globalization;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>Scheduled messages reaching Telegram: on time, after a passing failure, and not at all to a blocked chat.</summary>
public sealed class DeliveryTests(DeliveryBotFixture bot) : IClassFixture<DeliveryBotFixture>
{
    private static readonly TimeSpan OnTime = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_one_time_message_arrives_at_its_time_and_not_before()
    {
        var chat = ChatIds.NextPrivate();
        var due = WholeSecondsFromNow(4);

        var reply = await bot.AskAsync(chat, $"/schedule {Command(due)} Time to stretch");
        var delivered = await bot.NextMessageAsync(chat, 1, TimeSpan.FromSeconds(20));

        var id = BotFixture.IdIn(reply);
        Assert.Equal("Time to stretch", delivered.Text);
        Assert.InRange(delivered.At, due, due + OnTime);
        Assert.Equal("sent", (await bot.WaitForRowAsync(id, r => r.Status != "pending")).Status);
    }

    [Fact]
    public async Task A_message_whose_send_fails_with_a_5xx_is_delivered_after_the_backoff()
    {
        var chat = ChatIds.NextPrivate();
        var due = WholeSecondsFromNow(4);
        var id = BotFixture.IdIn(await bot.AskAsync(chat, $"/schedule {Command(due)} Survives a hiccup"));
        bot.Api.InjectFault(BotApiFault.ServerError(502), times: 1, chatId: chat);

        var delivered = await bot.NextMessageAsync(chat, 1, TimeSpan.FromSeconds(20));

        Assert.Equal("Survives a hiccup", delivered.Text);
        // A call is logged just after its answer is written; the failed one was answered seconds ago.
        var failed = Assert.Single(bot.Api.Calls, c => c.ChatId == chat && c.Method == "sendMessage" && c.StatusCode != 200);
        Assert.Equal(502, failed.StatusCode);
        Assert.Equal(2, bot.Api.SentTo(chat).Count);
        Assert.True(failed.At >= due, $"The first attempt was made at {failed.At:O}, before its time {due:O}.");
        Assert.True(
            delivered.At - failed.At >= DeliveryBotFixture.RetryBaseDelay,
            $"The retry came {delivered.At - failed.At} after the failure, before the backoff of {DeliveryBotFixture.RetryBaseDelay}.");
        var row = await bot.WaitForRowAsync(id, r => r.Status == "sent");
        var error = Assert.Single(row.Errors);
        Assert.Equal("http_502", error!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_message_to_a_chat_that_blocked_the_bot_fails_at_once_without_retries()
    {
        var chat = ChatIds.NextPrivate();
        var witness = ChatIds.NextPrivate();
        var due = WholeSecondsFromNow(4);
        var id = BotFixture.IdIn(await bot.AskAsync(chat, $"/schedule {Command(due)} Nobody will read this"));

        // Sent after the backoff would have retried twice, so a retry of the blocked one would show by then.
        var witnessDue = due + (3 * DeliveryBotFixture.RetryBaseDelay) + TimeSpan.FromSeconds(1);
        await bot.AskAsync(witness, $"/schedule {Command(witnessDue)} Witness");
        bot.Api.InjectPermanentFault(BotApiFault.BotBlocked, chatId: chat);

        await bot.NextMessageAsync(witness, 1, TimeSpan.FromSeconds(30));

        var row = await bot.WaitForRowAsync(id, r => r.Status != "pending");
        Assert.Equal("failed", row.Status);
        Assert.Equal("blocked", Assert.Single(row.Errors)!["code"]!.GetValue<string>());
        var attempts = bot.Api.Calls.Where(c => c.ChatId == chat && c.Method == "sendMessage" && c.StatusCode == 403).ToList();
        Assert.Single(attempts);
        Assert.True(attempts[0].At >= due, $"It was attempted at {attempts[0].At:O}, before its time {due:O}.");
    }

    [Fact]
    public async Task A_delivered_one_time_message_leaves_the_list()
    {
        var chat = ChatIds.NextPrivate();
        var due = WholeSecondsFromNow(3);
        var id = BotFixture.IdIn(await bot.AskAsync(chat, $"/schedule {Command(due)} Once only"));
        Assert.Contains(id.ToString(), (await bot.AskAsync(chat, "/scheduled")).Text, StringComparison.Ordinal);

        await bot.Api.WaitUntilAsync(d => d.SentTo(chat).Any(m => m.Text == "Once only"), TimeSpan.FromSeconds(20));
        await bot.WaitForRowAsync(id, r => r.Status == "sent");

        Assert.StartsWith("Nothing is scheduled", (await bot.AskAsync(chat, "/scheduled")).Text, StringComparison.Ordinal);
        Assert.Equal(
            "This message was already sent, so it can no longer be cancelled.",
            (await bot.AskAsync(chat, $"/cancel_schedule {id}")).Text);
    }

    [Fact]
    public async Task The_delivered_text_is_exactly_what_was_written_lines_and_markup_characters_included()
    {
        var chat = ChatIds.NextPrivate();
        var due = WholeSecondsFromNow(3);
        const string text = "Shopping list:\n- *milk* & <b>bread</b>\n  - _eggs_ [x](y) `code`  \nDone! 🎉";

        await bot.AskAsync(chat, $"/schedule {Command(due)} {text}");
        var delivered = await bot.NextMessageAsync(chat, 1, TimeSpan.FromSeconds(20));

        Assert.Equal(text, delivered.Text);
        Assert.Null(delivered.ParseMode);
    }

    /// <summary>A moment a few seconds ahead, on a whole second (the command has no finer unit).</summary>
    private static DateTimeOffset WholeSecondsFromNow(int seconds)
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddSeconds(seconds + 1);
    }

    /// <summary>The date-time as a chat in UTC writes it: 2030-12-31T12:00:05.</summary>
    private static string Command(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
