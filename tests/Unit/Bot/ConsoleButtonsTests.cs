using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Bot.Commands;
using ScheduledMessages.Bot.Console;
using ScheduledMessages.Bot.Conversations;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Unit.Bot;

public sealed class ConsoleButtonsTests
{
    [Fact]
    public void Buttons_print_as_the_commands_that_do_the_same()
    {
        var message = new ScheduledMessageDto { Id = Guid.Parse("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"), Status = MessageStatus.Pending };

        var printed = ConsoleChat.Render(MessageButtons.Reply("Scheduled.", message));

        Assert.Equal("Scheduled.\n[Cancel: /cancel_schedule 1a2b3c4d]  [Pause: /pause 1a2b3c4d]", printed);
    }

    [Fact]
    public void Rows_print_on_their_own_lines_and_a_button_with_nothing_to_type_prints_its_label()
    {
        var reply = new BotReply("Sure?", [[new ReplyButton("Yes", "ca:y", "/cancel_schedule all confirm"), new ReplyButton("No", "ca:n")], [new ReplyButton("Next »", "l:2:", "/scheduled 2")]]);

        Assert.Equal("Sure?\n[Yes: /cancel_schedule all confirm]  [No]\n[Next »: /scheduled 2]", ConsoleChat.Render(reply));
    }

    [Fact]
    public void A_reply_without_buttons_prints_as_it_is() =>
        Assert.Equal("Hello", ConsoleChat.Render("Hello"));

    [Fact]
    public void A_paused_message_offers_resume_and_a_finished_one_nothing()
    {
        var id = Guid.NewGuid();

        Assert.Equal(
            ["Cancel", "Resume"],
            MessageButtons.For(new ScheduledMessageDto { Id = id, Status = MessageStatus.Paused })!.SelectMany(r => r).Select(b => b.Label));
        Assert.Null(MessageButtons.For(new ScheduledMessageDto { Id = id, Status = MessageStatus.Sent }));
        Assert.All(
            MessageButtons.For(new ScheduledMessageDto { Id = id, Status = MessageStatus.Pending })!.SelectMany(r => r),
            b => Assert.EndsWith(MessageIds.Compact(id), b.CallbackData, StringComparison.Ordinal));
    }
}
