using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>Several ids in one /cancel_schedule, /cancel_schedule all behind a confirmation button, several schedules in one message.</summary>
public sealed class BulkTests(PollingBotFixture bot) : IClassFixture<PollingBotFixture>
{
    [Fact]
    public async Task Several_ids_in_one_cancel_are_each_answered()
    {
        var chat = ChatIds.NextPrivate();
        var stranger = ChatIds.NextPrivate();
        var first = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule daily 09:00 First"));
        var second = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule every 2h Second"));
        var theirs = BotFixture.IdIn(await bot.AskAsync(stranger, "/schedule daily 09:00 Theirs"));

        var reply = await bot.AskAsync(chat, $"/cancel_schedule {MessageIds.ShortForm(first)} {second} {theirs} nonsense");

        var lines = reply.Text.Split('\n');
        Assert.Equal("Cancelled 2 of 4:", lines[0]);
        Assert.Equal($"{MessageIds.ShortForm(first)}: cancelled every day at 09:00: First", lines[1]);
        Assert.Equal($"{second}: cancelled every 2 hours: Second", lines[2]);
        Assert.Equal($"{theirs}: There is no scheduled message with that id in this chat.", lines[3]);
        Assert.Equal("nonsense: not a message id.", lines[4]);
        Assert.Equal("cancelled", (await ScheduledMessageRows.ReadAsync(bot.Database, first)).Status);
        Assert.Equal("cancelled", (await ScheduledMessageRows.ReadAsync(bot.Database, second)).Status);
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(bot.Database, theirs)).Status);
    }

    [Fact]
    public async Task Cancel_all_asks_first_and_cancels_the_chats_open_messages_only_when_confirmed()
    {
        var chat = ChatIds.NextPrivate();
        var other = ChatIds.NextPrivate();
        var daily = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule daily 09:00 Daily"));
        var paused = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule weekly mon 10:00 Weekly"));
        await bot.AskAsync(chat, $"/pause {paused}");
        var elsewhere = BotFixture.IdIn(await bot.AskAsync(other, "/schedule daily 09:00 Elsewhere"));

        var question = await bot.AskAsync(chat, "/cancel_schedule all");

        Assert.StartsWith("Cancel all 2 messages still to be sent in this chat (paused ones too)?", question.Text, StringComparison.Ordinal);
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(bot.Database, daily)).Status);

        // "No" keeps them.
        var (no, noEdit) = await ButtonPresses.PressAsync(bot, chat, question.MessageId, question.InlineButtons, "No");
        Assert.Equal("Nothing was cancelled.", noEdit?.Text);
        Assert.Equal("Nothing was cancelled.", no.Text);
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(bot.Database, daily)).Status);

        var again = await bot.AskAsync(chat, "/cancel_schedule all");
        var (yes, yesEdit) = await ButtonPresses.PressAsync(bot, chat, again.MessageId, again.InlineButtons, "Yes, cancel all 2");

        Assert.Equal("Cancelled 2 messages. Nothing is scheduled in this chat now.", yesEdit?.Text);
        Assert.Empty(yesEdit!.InlineButtons);
        Assert.Equal(yesEdit.Text, yes.Text);
        Assert.Equal("cancelled", (await ScheduledMessageRows.ReadAsync(bot.Database, daily)).Status);
        Assert.Equal("cancelled", (await ScheduledMessageRows.ReadAsync(bot.Database, paused)).Status);
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(bot.Database, elsewhere)).Status);
    }

    [Fact]
    public async Task A_confirmation_pressed_in_another_chat_cancels_only_that_chats_messages()
    {
        var chat = ChatIds.NextPrivate();
        var other = ChatIds.NextPrivate();
        var mine = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule daily 09:00 Mine"));
        var question = await bot.AskAsync(chat, "/cancel_schedule all");
        var data = question.InlineButtons.First(b => b.Text.StartsWith("Yes", StringComparison.Ordinal)).CallbackData!;

        // The same button data sent from a chat with nothing scheduled (a forged press).
        var (answer, _) = await ButtonPresses.PressDataAsync(bot, other, question.MessageId, data);

        Assert.Equal("Nothing was left to cancel in this chat.", answer.Text);
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(bot.Database, mine)).Status);
    }

    [Fact]
    public async Task Cancel_all_in_a_chat_with_nothing_scheduled_says_so_without_a_button()
    {
        var reply = await bot.AskAsync(ChatIds.NextPrivate(), "/cancel_schedule all");

        Assert.Equal("Nothing is scheduled in this chat, so there is nothing to cancel.", reply.Text);
        Assert.Empty(reply.InlineButtons);
    }

    [Fact]
    public async Task Schedule_alone_on_its_first_line_takes_one_schedule_a_line_and_answers_each()
    {
        var chat = ChatIds.NextPrivate();

        var reply = await bot.AskAsync(chat, "/schedule\ndaily 09:00 Stand-up\nweekly fri 25:00 Drinks\n\nevery 2h Water\n/schedule monthly last 18:00 Books");

        Assert.StartsWith("Scheduled 3 of 4:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("1. Scheduled every day at 09:00, next ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("2. \"weekly fri 25:00 Drinks\": \"25:00\" is not a time of day: hours go from 0 to 23.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("3. Scheduled every 2 hours, next ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("4. Scheduled every month ", reply.Text, StringComparison.Ordinal);
        var rows = await bot.RowsOfChatAsync(chat);
        Assert.Equal(["Stand-up", "Water", "Books"], rows.Select(r => (string)r["message_content"]!));
        Assert.Equal(rows.Select(r => (Guid)r["id"]!), ButtonPresses.IdsIn(reply.Text));
    }

    [Fact]
    public async Task Lines_starting_with_schedule_are_separate_schedules_and_other_lines_continue_the_text()
    {
        var chat = ChatIds.NextPrivate();

        var reply = await bot.AskAsync(chat, "/schedule daily 09:00 Shopping list:\nmilk\n/schedule every 30m Break");

        Assert.StartsWith("Scheduled 2 of 2:", reply.Text, StringComparison.Ordinal);
        Assert.Equal(["Shopping list:\nmilk", "Break"], (await bot.RowsOfChatAsync(chat)).Select(r => (string)r["message_content"]!));
    }

    [Fact]
    public async Task A_multi_line_text_without_further_schedule_lines_stays_one_message()
    {
        var chat = ChatIds.NextPrivate();

        var reply = await bot.AskAsync(chat, "/schedule daily 09:00 Line one\ndaily 10:00 is still text");

        Assert.StartsWith("Scheduled every day at 09:00.", reply.Text, StringComparison.Ordinal);
        Assert.Equal("Line one\ndaily 10:00 is still text", Assert.Single(await bot.RowsOfChatAsync(chat))["message_content"]);
    }
}
