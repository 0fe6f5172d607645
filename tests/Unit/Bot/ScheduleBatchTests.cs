using ScheduledMessages.Bot.Commands;

namespace ScheduledMessages.Unit.Bot;

public sealed class ScheduleBatchTests
{
    [Fact]
    public void One_schedule_keeps_a_text_over_several_lines()
    {
        const string text = "/schedule daily 09:00 Line one\nLine two\ndaily 10:00 still text";

        Assert.Equal(["daily 09:00 Line one\nLine two\ndaily 10:00 still text"], ScheduleBotCommand.Items(text, "daily 09:00 Line one\nLine two\ndaily 10:00 still text"));
    }

    [Fact]
    public void Schedule_alone_on_the_first_line_takes_one_schedule_a_line_skipping_blank_ones()
    {
        const string text = "/schedule\ndaily 09:00 A\n\n  every 2h B  \n/schedule@SomeBot weekly mon 10:00 C";

        Assert.Equal(["daily 09:00 A", "every 2h B", "weekly mon 10:00 C"], ScheduleBotCommand.Items(text, "ignored"));
    }

    [Fact]
    public void Lines_starting_with_schedule_start_new_schedules_and_other_lines_continue_the_text()
    {
        const string text = "/schedule daily 09:00 List:\nmilk\r\n/schedule every 30m Break\n/SCHEDULE in 1h Tea";

        Assert.Equal(["daily 09:00 List:\nmilk", "every 30m Break", "in 1h Tea"], ScheduleBotCommand.Items(text, "ignored"));
    }

    [Fact]
    public void A_line_with_another_command_is_text_not_a_schedule()
    {
        const string text = "/schedule daily 09:00 Remember\n/scheduled is the list";

        Assert.Equal(["daily 09:00 Remember\n/scheduled is the list"], ScheduleBotCommand.Items(text, "daily 09:00 Remember\n/scheduled is the list"));
    }
}
