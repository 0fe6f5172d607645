using System.Globalization;
using NodaTime;
using ScheduledMessages.Integration.Fixtures;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>
/// Scheduled messages reaching Telegram: once due, after a passing failure, and not at all to a
/// blocked chat. Messages are scheduled far ahead and made due by the test (ADR 0704); that nothing
/// is sent before its time is the dispatch's own test, on the fake clock.
/// </summary>
public sealed class DeliveryTests(DeliveryBotFixture bot) : IClassFixture<DeliveryBotFixture>
{
    [Fact]
    public async Task A_one_time_message_is_stored_for_its_time_and_arrives_once_due()
    {
        var chat = ChatIds.NextPrivate();
        var due = WholeSecondsFromNow(TimeSpan.FromHours(1));

        var reply = await bot.AskAsync(chat, $"/schedule {Command(due)} Time to stretch");

        var id = BotFixture.IdIn(reply);
        Assert.Equal(Instant.FromDateTimeOffset(due), (await ScheduledMessageRows.ReadAsync(bot.Database, id)).ScheduledTime);
        var madeDue = await bot.MakeDueAsync(id);
        var delivered = await bot.NextMessageAsync(chat, 1);
        Assert.Equal("Time to stretch", delivered.Text);
        Assert.True(delivered.At >= madeDue.ToDateTimeOffset(), $"It was sent at {delivered.At:O}, before it was due at {madeDue}.");
        Assert.Equal("sent", (await bot.WaitForRowAsync(id, r => r.Status != "pending")).Status);
    }

    [Fact]
    public async Task A_message_whose_send_fails_with_a_5xx_is_delivered_after_the_backoff()
    {
        var chat = ChatIds.NextPrivate();
        var id = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule in 1h Survives a hiccup"));
        bot.Api.InjectFault(BotApiFault.ServerError(502), times: 1, chatId: chat);

        await bot.MakeDueAsync(id);
        var delivered = await bot.NextMessageAsync(chat, 1);

        Assert.Equal("Survives a hiccup", delivered.Text);
        var failed = Assert.Single(bot.Api.Calls, c => c.ChatId == chat && c.Method == "sendMessage" && c.StatusCode == 502);
        Assert.Equal(2, bot.Api.SentTo(chat).Count);

        // The double logs a call before answering it and the bot reads its clock after the answer, so
        // the retry (due a backoff after that reading) cannot reach the double sooner than this.
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
        var id = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule in 1h Nobody will read this"));
        bot.Api.InjectPermanentFault(BotApiFault.BotBlocked, chatId: chat);

        await bot.MakeDueAsync(id);

        // Failed is final: the dispatch claims only pending and rescheduled rows, so it is never tried again.
        var row = await bot.WaitForRowAsync(id, r => r.Status != "pending");
        Assert.Equal(("failed", 1), (row.Status, row.Attempts));
        Assert.Equal("blocked", Assert.Single(row.Errors)!["code"]!.GetValue<string>());
        Assert.Single(bot.Api.Calls, c => c.ChatId == chat && c.Method == "sendMessage" && c.StatusCode == 403);
    }

    [Fact]
    public async Task A_delivered_one_time_message_leaves_the_list()
    {
        var chat = ChatIds.NextPrivate();
        var id = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule in 1h Once only"));
        Assert.Contains(id.ToString(), (await bot.AskAsync(chat, "/scheduled")).Text, StringComparison.Ordinal);

        await bot.MakeDueAsync(id);
        await bot.Api.WaitForMessageAsync(chat, m => m.Text == "Once only", BotFixture.ReplyTimeout);
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
        const string text = "Shopping list:\n- *milk* & <b>bread</b>\n  - _eggs_ [x](y) `code`  \nDone! 🎉";

        var id = BotFixture.IdIn(await bot.AskAsync(chat, $"/schedule in 1h {text}"));
        await bot.MakeDueAsync(id);
        var delivered = await bot.NextMessageAsync(chat, 1);

        Assert.Equal(text, delivered.Text);
        Assert.Null(delivered.ParseMode);
    }

    /// <summary>A moment <paramref name="ahead"/> from now, on a whole second (the command has no finer unit).</summary>
    private static DateTimeOffset WholeSecondsFromNow(TimeSpan ahead)
    {
        var now = DateTimeOffset.UtcNow + ahead;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
    }

    /// <summary>The date-time as a chat in UTC writes it: 2030-12-31T12:00:05.</summary>
    private static string Command(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
