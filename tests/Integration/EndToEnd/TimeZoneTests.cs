using System.Text.RegularExpressions;
using NodaTime;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>/timezone: shown, set, suggested when unknown; times read and shown in the chat's zone, DST keeping 09:00 at 09:00.</summary>
public sealed partial class TimeZoneTests(PollingBotFixture bot) : IClassFixture<PollingBotFixture>
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    [Fact]
    public async Task Timezone_alone_shows_the_default_zone_and_the_time_there()
    {
        var before = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb[PollingBotFixture.ZoneId]).LocalDateTime;

        var reply = await bot.AskAsync(ChatIds.NextPrivate(), "/timezone");

        Assert.StartsWith($"This chat's time zone is {PollingBotFixture.ZoneId} (the default;", reply.Text, StringComparison.Ordinal);
        var shown = ShownNow(reply.Text);
        Assert.InRange(shown, ExpectedTimes.ToMinute(before), before.PlusMinutes(1));
    }

    [Fact]
    public async Task Timezone_with_a_zone_sets_it_and_timezone_then_shows_it()
    {
        var chat = ChatIds.NextPrivate();

        var set = await bot.AskAsync(chat, "/timezone europe/berlin");
        var shown = await bot.AskAsync(chat, "/timezone");

        Assert.StartsWith("Time zone set to Europe/Berlin. It is now ", set.Text, StringComparison.Ordinal);
        Assert.StartsWith("This chat's time zone is Europe/Berlin. It is now ", shown.Text, StringComparison.Ordinal);
        var now = SystemClock.Instance.GetCurrentInstant().InZone(Berlin).LocalDateTime;
        Assert.InRange(ShownNow(shown.Text), ExpectedTimes.ToMinute(now.PlusMinutes(-1)), now);
        var settings = await bot.Database.QueryAsync("SELECT time_zone_id FROM chat_settings WHERE chat_id = $1", chat);
        Assert.Equal("Europe/Berlin", Assert.Single(settings)["time_zone_id"]);
    }

    [Theory]
    [InlineData("/timezone Europe/Berln", "Europe/Berlin")]
    [InlineData("/timezone berlin", "Europe/Berlin")]
    [InlineData("/timezone America/New_Yrok", "America/New_York")]
    public async Task An_unknown_zone_is_refused_with_suggestions_and_the_usage(string command, string suggestion)
    {
        var chat = ChatIds.NextPrivate();

        var reply = await bot.AskAsync(chat, command);

        Assert.Contains("is not a time zone I know. Did you mean", reply.Text, StringComparison.Ordinal);
        Assert.Contains(suggestion, reply.Text, StringComparison.Ordinal);
        Assert.Contains("/timezone <IANA zone>", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith($"This chat's time zone is {PollingBotFixture.ZoneId} (the default;", (await bot.AskAsync(chat, "/timezone")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Times_are_read_and_shown_in_the_zone_the_chat_chose()
    {
        var chat = ChatIds.NextPrivate();
        await bot.AskAsync(chat, "/timezone Europe/Berlin");
        var before = SystemClock.Instance.GetCurrentInstant().InZone(Berlin).Date.PlusDays(1);

        var reply = await bot.AskAsync(chat, "/schedule tomorrow 09:00 Berlin morning");

        // Midnight may pass in Berlin while the bot answers: then either day is right.
        var after = SystemClock.Instance.GetCurrentInstant().InZone(Berlin).Date.PlusDays(1);
        var (local, zone) = ExpectedTimes.NextSend(reply.Text);
        Assert.Equal("Europe/Berlin", zone);
        Assert.Contains(local.Date, new[] { before, after });
        Assert.Equal(new LocalTime(9, 0), local.TimeOfDay);
        var tomorrow = local.Date;
        var row = await ScheduledMessageRows.ReadAsync(bot.Database, BotFixture.IdIn(reply));
        Assert.Equal((tomorrow + new LocalTime(9, 0)).InZoneStrictly(Berlin).ToInstant(), row.ScheduledTime);
    }

    [Fact]
    public async Task A_daily_0900_in_Berlin_stays_0900_local_across_the_March_change_to_summer_time()
    {
        var chat = ChatIds.NextPrivate();
        await bot.AskAsync(chat, "/timezone Europe/Berlin");
        var year = SystemClock.Instance.GetCurrentInstant().InUtc().Year + 1;
        var change = LastSundayOfMarch(year);
        var friday = change.PlusDays(-2);

        var reply = await bot.AskAsync(chat, $"/schedule daily 09:00 from={Iso(friday)} Good morning");
        var onTheDay = await bot.AskAsync(chat, $"/schedule daily 09:00 from={Iso(change)} Good morning");

        // The chat sees 09:00 on each of the three days around the change...
        Assert.Contains($"Next send: {ExpectedTimes.Format(friday + new LocalTime(9, 0))} (Europe/Berlin)", reply.Text, StringComparison.Ordinal);
        Assert.Contains(
            $"Then: {ExpectedTimes.Format(friday.PlusDays(1) + new LocalTime(9, 0))}, {ExpectedTimes.Format(change + new LocalTime(9, 0))}",
            reply.Text,
            StringComparison.Ordinal);

        // ...which are different hours of UTC: 08:00 in winter time, 07:00 in summer time.
        var before = await ScheduledMessageRows.ReadAsync(bot.Database, BotFixture.IdIn(reply));
        var after = await ScheduledMessageRows.ReadAsync(bot.Database, BotFixture.IdIn(onTheDay));
        Assert.Equal(Instant.FromUtc(friday.Year, friday.Month, friday.Day, 8, 0), before.ScheduledTime);
        Assert.Equal(Instant.FromUtc(change.Year, change.Month, change.Day, 7, 0), after.ScheduledTime);
        Assert.Contains("Europe/Berlin", before.Metadata, StringComparison.Ordinal);

        var list = await bot.AskAsync(chat, "/scheduled");
        Assert.Contains($"every day at 09:00; next {ExpectedTimes.Format(friday + new LocalTime(9, 0))}", list.Text, StringComparison.Ordinal);
        Assert.Contains($"every day at 09:00; next {ExpectedTimes.Format(change + new LocalTime(9, 0))}", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schedule_keeps_its_zone_after_the_chat_changes_zone_and_the_list_names_it()
    {
        var chat = ChatIds.NextPrivate();
        await bot.AskAsync(chat, "/timezone Europe/Berlin");
        await bot.AskAsync(chat, "/schedule daily 09:00 Made in Berlin");

        await bot.AskAsync(chat, "/timezone America/New_York");
        var list = await bot.AskAsync(chat, "/scheduled");

        Assert.Matches(@"every day at 09:00; next \w{3} \d{4}-\d{2}-\d{2} 09:00 \(Europe/Berlin\)", list.Text);
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture);

    private static LocalDate LastSundayOfMarch(int year)
    {
        var day = new LocalDate(year, 3, 31);
        while (day.DayOfWeek != IsoDayOfWeek.Sunday)
        {
            day = day.PlusDays(-1);
        }

        return day;
    }

    private static LocalDateTime ShownNow(string reply)
    {
        var match = NowLine().Match(reply);
        Assert.True(match.Success, reply);
        return NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("yyyy'-'MM'-'dd HH':'mm").Parse(match.Groups[1].Value).Value;
    }

    [GeneratedRegex(@"It is now \w{3} (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) there")]
    private static partial Regex NowLine();
}
