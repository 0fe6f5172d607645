using System.Globalization;
using System.Text.RegularExpressions;

namespace ScheduledMessages.Integration.Console;

/// <summary>The zero-setup local run (issue 5): the console chat on the embedded store, driven as a process.</summary>
public sealed partial class ConsoleChatTests : IDisposable
{
    /// <summary>How long a wait for the process's output may take before the test fails: generous, it returns at the output.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("console-chat-").FullName;

    private string DatabasePath => Path.Combine(_directory, "scheduler.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_banner_names_the_console_transport_the_sqlite_file_and_how_to_connect_telegram_and_postgresql()
    {
        await using var bot = ConsoleBotProcess.Start(DatabasePath);

        await bot.WaitForAsync("Store: SQLite file " + DatabasePath, Patience);

        Assert.Contains("Transport: local console chat", bot.Output, StringComparison.Ordinal);
        Assert.Contains("Telegram__BotToken", bot.Output, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Scheduler", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_scheduled_a_few_seconds_ahead_is_printed_once_its_time_has_come()
    {
        await using var bot = ConsoleBotProcess.Start(DatabasePath);
        await bot.WaitForAsync("Store:", Patience);

        await bot.SendAsync("/schedule in 3s Time to stand up");
        await bot.WaitForAsync("Scheduled once.", Patience);
        var due = DateTime.ParseExact(
            NextSend().Match(bot.Output).Groups[1].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        // The time line and the text arrive as separate lines: wait for both.
        var delivery = await bot.WaitForMatchAsync(Delivered(), Patience);
        var sentAt = DateTime.ParseExact(delivery.Groups[1].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        // Both times are shown to the second; how late it may be is the machine's business, not this test's.
        Assert.True(sentAt >= due.AddSeconds(-1), $"sent {sentAt:O} before its time {due:O}");
    }

    [Theory]
    [InlineData("/schedule daily 25:00 Too late", "Usage: /schedule")]
    [InlineData("/schedule weekly funday 09:00 Hmm", "Usage: /schedule")]
    [InlineData("/schedule every 0m Never", "Usage: /schedule")]
    [InlineData("/cancel_schedule not-an-id", "/cancel_schedule <id>")]
    [InlineData("/frobnicate", "Send /help")]
    public async Task A_bad_command_gets_what_is_wrong_and_the_usage(string command, string usage)
    {
        await using var bot = ConsoleBotProcess.Start(DatabasePath);
        await bot.WaitForAsync("Store:", Patience);

        await bot.SendAsync(command);

        await bot.WaitForAsync(usage, Patience);
    }

    [Fact]
    public async Task A_restart_keeps_the_schedules_and_end_of_input_exits_cleanly()
    {
        string id;
        await using (var first = ConsoleBotProcess.Start(DatabasePath))
        {
            await first.WaitForAsync("Store:", Patience);
            await first.SendAsync("/schedule daily 09:00 Good morning!");
            await first.WaitForAsync("Scheduled every day at 09:00.", Patience);
            id = IdLine().Match(first.Output).Groups[1].Value;

            Assert.Equal(0, await first.EndInputAsync(Patience));
            Assert.Contains("End of input", first.Output, StringComparison.Ordinal);
        }

        await using var second = ConsoleBotProcess.Start(DatabasePath);
        await second.WaitForAsync("Store:", Patience);
        await second.SendAsync("/scheduled");

        await second.WaitForAsync(id, Patience);
        Assert.Contains("Good morning!", second.Output, StringComparison.Ordinal);
        await second.SendAsync($"/cancel_schedule {id}");
        await second.WaitForAsync("Cancelled every day at 09:00", Patience);
        Assert.Equal(0, await second.EndInputAsync(Patience));
    }

    [GeneratedRegex(@"Next send: \w{3} (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})")]
    private static partial Regex NextSend();

    [GeneratedRegex(@"\[(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) [^\]]*\] message for chat 1:\nTime to stand up")]
    private static partial Regex Delivered();

    [GeneratedRegex(@"ID: ([0-9a-f-]{36})")]
    private static partial Regex IdLine();
}
