namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>Every malformed command gets a reply that says what is wrong and how the command is used; nothing is stored.</summary>
public sealed class MalformedCommandTests(PollingBotFixture bot) : IClassFixture<PollingBotFixture>
{
    private const string ScheduleUsage = "Usage: /schedule <when> [options] <text>";
    private const string CancelUsage = "/cancel_schedule <id> - the id is shown by /schedule and /scheduled";
    private const string ScheduledUsage = "/scheduled - this chat's scheduled messages, soonest first";

    [Theory]
    [InlineData("/schedule", "Tell me when and what to send.", ScheduleUsage)]
    [InlineData("/schedule daily", "Missing the time of day after \"daily\"", ScheduleUsage)]
    [InlineData("/schedule daily 09:00", "Missing the message text after \"daily 09:00\"", ScheduleUsage)]
    [InlineData("/schedule 2030-12-31T12:00:00", "Missing the message text", ScheduleUsage)]
    [InlineData("/schedule weekly 08:00 Weekly reminder", "Missing the weekdays after \"weekly\"", ScheduleUsage)]
    [InlineData("/schedule monthly 10:00 Monthly report", "Missing the day of the month after \"monthly\"", ScheduleUsage)]
    [InlineData("/schedule every", "Missing what comes after \"every\"", ScheduleUsage)]
    [InlineData("/schedule daily 25:00 Good morning!", "\"25:00\" is not a time of day: hours go from 0 to 23.", ScheduleUsage)]
    [InlineData("/schedule daily 09:60 Good morning!", "\"09:60\" is not a time of day: minutes go from 00 to 59.", ScheduleUsage)]
    [InlineData("/schedule weekly mon,wed,fry 08:00 Weekly reminder", "\"fry\" is not a weekday", ScheduleUsage)]
    [InlineData("/schedule weekly funday 08:00 Weekly reminder", "\"funday\" is not a weekday", ScheduleUsage)]
    [InlineData("/schedule monthly 32 10:00 Monthly report", "Day 32 is not a day of the month: use 1 to 31, or last.", ScheduleUsage)]
    [InlineData("/schedule monthly 0 10:00 Monthly report", "Day 0 is not a day of the month", ScheduleUsage)]
    [InlineData("/schedule every 0m Time for a break", "The interval must be at least 1 minute", ScheduleUsage)]
    [InlineData("/schedule every 0h Drink water", "The interval must be at least 1 minute", ScheduleUsage)]
    [InlineData("/schedule 2023-12-31T12:00:00 Happy New Year!", "is already past", ScheduleUsage)]
    [InlineData("/schedule 2030-02-30 09:00 Nope", "2030-02-30 is not a date: February 2030 has 28 days", ScheduleUsage)]
    [InlineData("/schedule soon Hello", "I don't understand \"soon\" as a time", ScheduleUsage)]
    [InlineData("/cancel_schedule", "Which message? Give its id.", CancelUsage)]
    [InlineData("/cancel_schedule 12345", "'12345' is not a message id.", CancelUsage)]
    [InlineData("/cancel_schedule 0193a1b2-3c4d-7e5f-8a9b", "is not a message id.", CancelUsage)]
    [InlineData("/scheduled first", "'first' is not a page number.", ScheduledUsage)]
    public async Task A_malformed_command_is_answered_with_the_problem_and_the_usage(string command, string problem, string usage)
    {
        var chat = ChatIds.NextPrivate();

        var reply = await bot.AskAsync(chat, command);

        Assert.Contains(problem, reply.Text, StringComparison.Ordinal);
        Assert.Contains(usage, reply.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.RowsOfChatAsync(chat));
    }

    [Fact]
    public async Task A_text_over_4096_characters_is_refused_with_its_length_and_the_usage()
    {
        var chat = ChatIds.NextPrivate();

        var reply = await bot.AskAsync(chat, "/schedule daily 09:00 " + new string('x', 4097));

        Assert.Contains("The message text is 4097 characters long; Telegram allows at most 4096.", reply.Text, StringComparison.Ordinal);
        Assert.Contains(ScheduleUsage, reply.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.RowsOfChatAsync(chat));
    }

    [Fact]
    public async Task A_text_of_exactly_4096_characters_is_accepted()
    {
        var chat = ChatIds.NextPrivate();

        var reply = await bot.AskAsync(chat, "/schedule daily 09:00 " + new string('x', 4096));

        Assert.StartsWith("Scheduled every day at 09:00.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(4096, ((string)Assert.Single(await bot.RowsOfChatAsync(chat))["message_content"]!).Length);
    }

    [Theory]
    [InlineData("/schedule ")]
    [InlineData("/schedule daily ")]
    [InlineData("/schedule weekly ")]
    [InlineData("/cancel_schedule ")]
    [InlineData("/scheduled ")]
    [InlineData("/help ")]
    [InlineData("/")]
    public async Task A_malformed_command_with_a_very_long_word_still_gets_an_answer_within_Telegram_limits(string start)
    {
        var chat = ChatIds.NextPrivate();

        // A long word echoed back whole would make the answer too long for Telegram, and it would be lost.
        var reply = await bot.AskAsync(chat, start + new string('w', 4000));

        Assert.InRange(reply.Text.Length, 1, 4096);
        Assert.Empty(await bot.RowsOfChatAsync(chat));
    }
}
