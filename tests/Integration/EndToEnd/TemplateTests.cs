using NodaTime;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>Template variables are filled in when a message is sent, in the chat's zone; unknown ones are refused.</summary>
public sealed class TemplateTests(DeliveryBotFixture bot) : IClassFixture<DeliveryBotFixture>
{
    [Fact]
    public async Task Variables_are_filled_in_at_send_time_on_the_chats_wall_clock_and_double_braces_write_one()
    {
        var chat = ChatIds.NextPrivate();
        await bot.AskAsync(chat, "/timezone America/New_York");

        var reply = await bot.AskAsync(chat, "/schedule in 1h {time} #{count} on {weekday} {date} {{ok}} ({zone})");

        var id = BotFixture.IdIn(reply);
        Assert.Equal("{time} #{count} on {weekday} {date} {{ok}} ({zone})", (await ScheduledMessageRows.ReadAsync(bot.Database, id)).Content);
        var due = (await bot.MakeDueAsync(id)).InZone(DateTimeZoneProviders.Tzdb["America/New_York"]);
        var delivered = await bot.NextMessageAsync(chat, 2);
        Assert.Equal(
            $"{due:HH':'mm} #1 on {due.DayOfWeek} {due:yyyy'-'MM'-'dd} {{ok}} (America/New_York)",
            delivered.Text);
    }

    [Fact]
    public async Task An_unknown_variable_is_refused_with_the_list_of_known_ones_and_nothing_is_stored()
    {
        var chat = ChatIds.NextPrivate();

        var reply = await bot.AskAsync(chat, "/schedule daily 09:00 Hello {nmae}");

        Assert.Contains("Unknown variable {nmae}. Variables: {date}, {time}, {datetime}, {weekday}, {day}, {month}, {year}, {zone}, {count}", reply.Text, StringComparison.Ordinal);
        Assert.Contains("write {{ for a brace", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.RowsOfChatAsync(chat));
    }

    [Fact]
    public async Task A_lone_brace_is_refused_and_a_doubled_one_is_accepted()
    {
        var chat = ChatIds.NextPrivate();

        var lone = await bot.AskAsync(chat, "/schedule daily 09:00 Price { 5");
        var doubled = await bot.AskAsync(chat, "/schedule daily 09:00 Price {{ 5 }}");

        Assert.Contains("A { has no closing }", lone.Text, StringComparison.Ordinal);
        Assert.StartsWith("Scheduled every day at 09:00.", doubled.Text, StringComparison.Ordinal);
        Assert.Equal("Price {{ 5 }}", Assert.Single(await bot.RowsOfChatAsync(chat))["message_content"]);
    }
}
