using NodaTime;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>The seed examples, typed verbatim into a chat of the real bot.</summary>
public sealed class SeedExampleTests(PollingBotFixture bot) : IClassFixture<PollingBotFixture>
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb[PollingBotFixture.ZoneId];

    /// <summary>Each seed example (the one-time one moved to a future year), what it reads as, and its text.</summary>
    public static TheoryData<string, string, string> Seeds => new()
    {
        { "/schedule 2030-12-31T12:00:00 Happy New Year!", "once", "Happy New Year!" },
        { "/schedule daily 09:00 Good morning!", "every day at 09:00", "Good morning!" },
        { "/schedule weekly mon,wed,fri 08:00 Weekly reminder", "every week on Mon, Wed, Fri at 08:00", "Weekly reminder" },
        { "/schedule weekly mon 09:45 Team meeting", "every week on Mon at 09:45", "Team meeting" },
        { "/schedule monthly 1 10:00 Monthly report", "every month on the 1st at 10:00", "Monthly report" },
        { "/schedule every 30m Time for a break", "every 30 minutes", "Time for a break" },
        { "/schedule every 2h Drink water", "every 2 hours", "Drink water" },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task A_seed_example_is_scheduled_and_the_reply_shows_full_id_plain_description_and_next_send_time(
        string command, string description, string text)
    {
        var chat = ChatIds.NextPrivate();
        var before = Now();

        var reply = await bot.AskAsync(chat, command);

        var after = Now();
        Assert.Contains($"Scheduled {description}.", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"Text: {text}", reply.Text, StringComparison.Ordinal);
        var (shown, zone) = ExpectedTimes.NextSend(reply.Text);
        Assert.Equal(PollingBotFixture.ZoneId, zone);
        Assert.InRange(shown, ExpectedTimes.ToMinute(Expected(command, before)), ExpectedTimes.ToMinute(Expected(command, after)));

        var row = await ScheduledMessageRows.ReadAsync(bot.Database, BotFixture.IdIn(reply));
        Assert.Equal("pending", row.Status);
        Assert.Equal(shown, ExpectedTimes.ToMinute(row.ScheduledTime.InZone(Zone).LocalDateTime));
        var stored = Assert.Single(await bot.RowsOfChatAsync(chat));
        Assert.Equal(text, stored["message_content"]);
    }

    [Fact]
    public async Task The_seed_example_dated_2023_is_refused_as_being_in_the_past()
    {
        var chat = ChatIds.NextPrivate();

        var reply = await bot.AskAsync(chat, "/schedule 2023-12-31T12:00:00 Happy New Year!");

        Assert.Contains("2023-12-31 12:00", reply.Text, StringComparison.Ordinal);
        Assert.Contains("already past", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Usage: /schedule", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.RowsOfChatAsync(chat));
    }

    [Fact]
    public async Task Scheduled_lists_every_seed_with_its_id_description_and_next_send_time_in_the_chat_zone()
    {
        var chat = ChatIds.NextPrivate();
        var scheduled = new List<(Guid Id, string Description, LocalDateTime Shown)>();
        foreach (var seed in Seeds)
        {
            var reply = await bot.AskAsync(chat, (string)seed[0]);
            scheduled.Add((BotFixture.IdIn(reply), (string)seed[1], ExpectedTimes.NextSend(reply.Text).Local));
        }

        var list = await bot.AskAsync(chat, "/scheduled");

        Assert.Contains($"Scheduled messages in this chat ({scheduled.Count})", list.Text, StringComparison.Ordinal);
        var lines = list.Text.Split('\n');
        foreach (var (id, description, shown) in scheduled)
        {
            var at = Array.FindIndex(lines, l => l.Trim() == id.ToString());
            Assert.True(at >= 0, $"{id} is not listed:\n{list.Text}");
            // Times with seconds (every 30m from now) show them; the minute is what the test knows.
            Assert.StartsWith($"{description}; next {ExpectedTimes.Format(shown)}", lines[at + 1].Trim(), StringComparison.Ordinal);
        }
    }

    private static ZonedDateTime Now() => SystemClock.Instance.GetCurrentInstant().InZone(Zone);

    /// <summary>When each seed is next due, by the test's own arithmetic.</summary>
    private static LocalDateTime Expected(string command, ZonedDateTime now) => command.Split(' ')[1] switch
    {
        "2030-12-31T12:00:00" => new LocalDateTime(2030, 12, 31, 12, 0),
        "daily" => ExpectedTimes.NextWallClock(now, _ => true, new LocalTime(9, 0)),
        "weekly" when command.Contains("mon,wed,fri", StringComparison.Ordinal) => ExpectedTimes.NextWallClock(
            now, d => d.DayOfWeek is IsoDayOfWeek.Monday or IsoDayOfWeek.Wednesday or IsoDayOfWeek.Friday, new LocalTime(8, 0)),
        "weekly" => ExpectedTimes.NextWallClock(now, d => d.DayOfWeek == IsoDayOfWeek.Monday, new LocalTime(9, 45)),
        "monthly" => ExpectedTimes.NextWallClock(now, d => d.Day == 1, new LocalTime(10, 0)),
        "every" when command.Contains("30m", StringComparison.Ordinal) => now.LocalDateTime.PlusMinutes(30),
        "every" => now.LocalDateTime.PlusHours(2),
        _ => throw new ArgumentException($"No expectation for {command}", nameof(command)),
    };
}
