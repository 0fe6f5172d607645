using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>The /schedule reply's Cancel and Pause buttons, pressed over long polling.</summary>
public sealed class ScheduleButtonTests(PollingBotFixture bot) : IClassFixture<PollingBotFixture>
{
    [Fact]
    public async Task The_schedule_reply_has_Cancel_and_Pause_buttons_naming_the_whole_id()
    {
        var chat = ChatIds.NextPrivate();

        var reply = await bot.AskAsync(chat, "/schedule daily 09:00 Good morning!");

        var id = BotFixture.IdIn(reply);
        Assert.Contains($"ID: {id} (short: {MessageIds.ShortForm(id)})", reply.Text, StringComparison.Ordinal);
        Assert.Equal(
            [("Cancel", $"c:{MessageIds.Compact(id)}"), ("Pause", $"p:{MessageIds.Compact(id)}")],
            reply.InlineButtons.Select(b => (b.Text, b.CallbackData!)));
    }

    [Fact]
    public async Task Pause_then_Resume_then_Cancel_edit_the_reply_in_place_and_change_the_message()
    {
        var chat = ChatIds.NextPrivate();
        var reply = await bot.AskAsync(chat, "/schedule daily 09:00 Good morning!");
        var id = BotFixture.IdIn(reply);

        var (paused, pausedEdit) = await ButtonPresses.PressAsync(bot, chat, reply.MessageId, reply.InlineButtons, "Pause");

        Assert.Equal("Paused.", paused.Text);
        Assert.StartsWith("Paused every day at 09:00: Good morning!", pausedEdit!.Text, StringComparison.Ordinal);
        Assert.Equal(["Cancel", "Resume"], pausedEdit.InlineButtons.Select(b => b.Text));
        Assert.Equal("paused", (await ScheduledMessageRows.ReadAsync(bot.Database, id)).Status);

        var (resumed, resumedEdit) = await ButtonPresses.PressAsync(bot, chat, reply.MessageId, pausedEdit.InlineButtons, "Resume");

        Assert.Equal("Resumed.", resumed.Text);
        Assert.StartsWith("Resumed every day at 09:00.", resumedEdit!.Text, StringComparison.Ordinal);
        Assert.Equal(["Cancel", "Pause"], resumedEdit.InlineButtons.Select(b => b.Text));
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(bot.Database, id)).Status);

        var (cancelled, cancelledEdit) = await ButtonPresses.PressAsync(bot, chat, reply.MessageId, resumedEdit.InlineButtons, "Cancel");

        Assert.Equal("Cancelled.", cancelled.Text);
        Assert.Equal($"Cancelled every day at 09:00: Good morning!\nID: {id}", cancelledEdit!.Text);
        Assert.Empty(cancelledEdit.InlineButtons);
        Assert.Equal("cancelled", (await ScheduledMessageRows.ReadAsync(bot.Database, id)).Status);
        Assert.Single(bot.Api.SentTo(chat));
    }

    [Fact]
    public async Task A_button_of_another_chats_message_changes_nothing_and_is_answered()
    {
        var owner = ChatIds.NextPrivate();
        var stranger = ChatIds.NextPrivate();
        var reply = await bot.AskAsync(owner, "/schedule daily 09:00 Not yours");
        var id = BotFixture.IdIn(reply);

        var (answer, edit) = await ButtonPresses.PressAsync(bot, owner, reply.MessageId, reply.InlineButtons, "Cancel", pressedIn: stranger);

        Assert.Equal("There is no scheduled message with that id in this chat.", answer.Text);
        Assert.Null(edit);
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(bot.Database, id)).Status);
    }

    [Fact]
    public async Task Pausing_a_message_that_was_already_sent_is_answered_with_the_reason()
    {
        var chat = ChatIds.NextPrivate();
        var reply = await bot.AskAsync(chat, "/schedule daily 09:00 Done soon");
        var id = BotFixture.IdIn(reply);
        await bot.Database.ExecuteAsync("UPDATE scheduled_messages SET status = 'sent' WHERE id = $1", id);

        var (answer, edit) = await ButtonPresses.PressAsync(bot, chat, reply.MessageId, reply.InlineButtons, "Pause");

        Assert.Equal("This message was already sent, so it can no longer be paused.", answer.Text);
        Assert.Null(edit);
    }
}
