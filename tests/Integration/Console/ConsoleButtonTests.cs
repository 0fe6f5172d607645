using System.Text.RegularExpressions;

namespace ScheduledMessages.Integration.Console;

/// <summary>The console has no buttons: each is printed as the command that does the same, and typing it does.</summary>
public sealed partial class ConsoleButtonTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(20);
    private readonly string _directory = Directory.CreateTempSubdirectory("console-buttons-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_schedule_replys_buttons_print_as_commands_that_work_when_typed()
    {
        await using var bot = ConsoleBotProcess.Start(Path.Combine(_directory, "scheduler.db"));
        await bot.WaitForAsync("Store:", StartTimeout);

        await bot.SendAsync("/schedule daily 09:00 Good morning!");
        await bot.WaitForAsync("[Pause: /pause ", ReplyTimeout);
        var buttons = Buttons().Match(bot.Output);
        Assert.True(buttons.Success, bot.Output);
        Assert.Equal(buttons.Groups["a"].Value, buttons.Groups["b"].Value);

        await bot.SendAsync($"/pause {buttons.Groups["a"].Value}");
        await bot.WaitForAsync("Paused every day at 09:00: Good morning!", ReplyTimeout);
        await bot.WaitForAsync($"[Resume: /resume {buttons.Groups["a"].Value}]", ReplyTimeout);

        await bot.SendAsync("/cancel_schedule all");
        await bot.WaitForAsync("[Yes, cancel it: /cancel_schedule all confirm]  [No, keep them]", ReplyTimeout);
        await bot.SendAsync("/cancel_schedule all confirm");
        await bot.WaitForAsync("Cancelled 1 message.", ReplyTimeout);
        Assert.Equal(0, await bot.EndInputAsync(TimeSpan.FromSeconds(30)));
    }

    [GeneratedRegex(@"\[Cancel: /cancel_schedule (?<a>[0-9a-f]{8})\]  \[Pause: /pause (?<b>[0-9a-f]{8})\]")]
    private static partial Regex Buttons();
}
