using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ScheduledMessages.Integration.EndToEnd;

namespace ScheduledMessages.Integration.Inbox;

/// <summary>
/// The durable inbox end to end (webhook mode, PostgreSQL): an update is stored once however often
/// it arrives, its effects and its "done" commit together (a failure halfway through a 20-line
/// /schedule leaves nothing behind, and the retry stores each line once), a chat's updates keep
/// their order, and an update that keeps failing ends failed without holding up other chats.
/// </summary>
public sealed class InboxTests(InboxBotFixture bot) : IClassFixture<InboxBotFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => bot.Api.WaitUntilAsync(d => d.WebhookUrl is not null, BotFixture.ReplyTimeout);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_same_update_posted_twice_is_stored_once_and_answered_once()
    {
        var chat = ChatIds.NextPrivate();
        var update = bot.Api.CreateMessageUpdate(chat, "/schedule daily 09:00 Posted twice");

        using (var first = await PostAsync(update))
        using (var second = await PostAsync(update))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        }

        var reply = await bot.NextMessageAsync(chat, 0);
        using (var third = await PostAsync(update))
        {
            Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        }

        // A chat's updates are handled in order: once a later one is answered, a second handling
        // of the first would have been answered before it.
        await AskByWebhookAsync(chat, "/scheduled", before: 1);

        Assert.StartsWith("Scheduled every day at 09:00.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, bot.Api.SentTo(chat).Count);
        Assert.Single(await bot.RowsOfChatAsync(chat));
        Assert.Equal("done", (await bot.InboxRowAsync(UpdateId(update)))!["status"]);
        Assert.Equal(2, (await bot.Database.QueryAsync("SELECT update_id FROM inbound_updates WHERE chat_id = $1", chat)).Count);
    }

    [Fact]
    public async Task A_database_error_on_the_11th_line_of_a_20_line_schedule_rolls_the_update_back_and_its_retry_stores_each_line_once()
    {
        var chat = ChatIds.NextPrivate();
        var marker = $"line-{chat}-";
        bot.Faults.Fail(text => text.StartsWith(marker, StringComparison.Ordinal), skip: 10, times: 1);
        var lines = Enumerable.Range(1, 20).Select(i => $"daily 09:{i:00} {marker}{i:00}");
        var update = bot.Api.CreateMessageUpdate(chat, "/schedule\n" + string.Join('\n', lines));
        var updateId = UpdateId(update);

        using (var response = await PostAsync(update))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The first try failed on line 11 and waits for its retry: nothing of it is stored or answered.
        var failed = await bot.WaitForInboxRowAsync(updateId, row => (int)row["attempts"]! == 1 && row["last_error"] is not null && (bool)row["waiting"]!);
        Assert.Equal("pending", failed["status"]);
        Assert.Contains(ScheduledInsertFaults.Message, (string)failed["last_error"]!, StringComparison.Ordinal);
        Assert.Empty(await bot.RowsOfChatAsync(chat));
        Assert.Empty(bot.Api.SentTo(chat));

        // Telegram resends it meanwhile (it is stored once), and the retry falls due.
        using (var resent = await PostAsync(update))
        {
            Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        }

        await bot.MakeRetryDueAsync(updateId);
        var reply = await bot.NextMessageAsync(chat, 0);

        Assert.StartsWith("Scheduled 20 of 20:", reply.Text, StringComparison.Ordinal);
        var rows = await bot.RowsOfChatAsync(chat);
        Assert.Equal(20, rows.Count);
        Assert.Equal(20, rows.Select(r => (string)r["message_content"]!).Distinct().Count());
        var done = await bot.InboxRowAsync(updateId);
        Assert.Equal(("done", 2), ((string)done!["status"]!, (int)done["attempts"]!));
        Assert.Single(bot.Api.SentTo(chat));
    }

    [Fact]
    public async Task An_update_that_keeps_failing_ends_failed_with_its_error_without_holding_up_other_chats_while_its_own_chat_waits_behind_it()
    {
        var poisoned = ChatIds.NextPrivate();
        var other = ChatIds.NextPrivate();
        var marker = $"poison-{poisoned}";
        bot.Faults.Fail(text => text.Contains(marker, StringComparison.Ordinal), times: int.MaxValue);
        var poison = bot.Api.CreateMessageUpdate(poisoned, $"/schedule daily 09:00 {marker}");
        var poisonId = UpdateId(poison);
        using (var response = await PostAsync(poison))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await bot.WaitForInboxRowAsync(poisonId, row => (int)row["attempts"]! == 1 && (bool)row["waiting"]!);

        // The poisoned chat's next update waits behind the failing one; another chat's is answered now.
        var behind = bot.Api.CreateMessageUpdate(poisoned, "/schedule daily 10:00 After the poison");
        using (var response = await PostAsync(behind))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var otherReply = await AskByWebhookAsync(other, "/schedule daily 11:00 Not held up", before: 0);
        Assert.StartsWith("Scheduled every day at 11:00.", otherReply.Text, StringComparison.Ordinal);
        Assert.Equal("pending", (await bot.InboxRowAsync(UpdateId(behind)))!["status"]);
        Assert.Empty(bot.Api.SentTo(poisoned));

        // Its last try fails as well: it is given up, the error kept, and the chat moves on.
        await bot.MakeRetryDueAsync(poisonId);
        var reply = await bot.NextMessageAsync(poisoned, 0);

        Assert.StartsWith("Scheduled every day at 10:00.", reply.Text, StringComparison.Ordinal);
        var failed = await bot.InboxRowAsync(poisonId);
        Assert.Equal(("failed", 2), ((string)failed!["status"]!, (int)failed["attempts"]!));
        Assert.Contains(ScheduledInsertFaults.Message, (string)failed["last_error"]!, StringComparison.Ordinal);
        Assert.NotNull(failed["finished_at"]);
        var stored = Assert.Single(await bot.RowsOfChatAsync(poisoned));
        Assert.Equal("After the poison", stored["message_content"]);
        Assert.Single(bot.Api.SentTo(poisoned));
    }

    [Fact]
    public async Task A_chats_updates_are_handled_in_the_order_they_were_sent()
    {
        var chat = ChatIds.NextPrivate();
        var updates = Enumerable.Range(1, 12).Select(i => bot.Api.CreateMessageUpdate(chat, $"/schedule daily 09:00 In order {i:00}")).ToList();

        // Posted one after another, as they are sent, while the first ones are being handled already.
        foreach (var update in updates)
        {
            using var response = await PostAsync(update);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await bot.Api.WaitUntilAsync(d => d.SentTo(chat).Count == updates.Count, BotFixture.ReplyTimeout);

        var texts = bot.Api.SentTo(chat).Select(m => Regex.Match(m.Text, @"In order \d\d").Value).ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"In order {i:00}"), texts);
        var rows = await bot.RowsOfChatAsync(chat);
        Assert.Equal(texts, rows.Select(r => (string)r["message_content"]!));
    }

    private static long UpdateId(JsonObject update) => update["update_id"]!.GetValue<long>();

    private Task<HttpResponseMessage> PostAsync(JsonObject update) => bot.PostUpdateAsync(update, WebhookBotFixture.Secret);

    private async Task<Telegram.SentMessage> AskByWebhookAsync(long chat, string text, int before)
    {
        using (var response = await PostAsync(bot.Api.CreateMessageUpdate(chat, text)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return await bot.NextMessageAsync(chat, before);
    }
}
