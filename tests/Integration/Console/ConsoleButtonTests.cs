using System.Text.RegularExpressions;

namespace ScheduledMessages.Integration.Console;

/// <summary>The console has no buttons: each is printed as the command that does the same, and typing it does.</summary>
public sealed partial class ConsoleButtonTests : IDisposable
{
    /// <summary>How long a wait for the process's output may take before the test fails: generous, it returns at the output.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("console-buttons-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_schedule_replys_buttons_print_as_commands_that_work_when_typed()
    {
        await using var bot = ConsoleBotProcess.Start(Path.Combine(_directory, "scheduler.db"));
        await bot.WaitForAsync("Store:", Patience);

        await bot.SendAsync("/schedule daily 09:00 Good morning!");
        await bot.WaitForAsync("[Pause: /pause ", Patience);
        var buttons = Buttons().Match(bot.Output);
        Assert.True(buttons.Success, bot.Output);
        Assert.Equal(buttons.Groups["a"].Value, buttons.Groups["b"].Value);

        await bot.SendAsync($"/pause {buttons.Groups["a"].Value}");
        await bot.WaitForAsync("Paused every day at 09:00: Good morning!", Patience);
        await bot.WaitForAsync($"[Resume: /resume {buttons.Groups["a"].Value}]", Patience);

        await bot.SendAsync("/cancel_schedule all");
        await bot.WaitForAsync("[Yes, cancel it: /cancel_schedule all confirm]  [No, keep them]", Patience);
        await bot.SendAsync("/cancel_schedule all confirm");
        await bot.WaitForAsync("Cancelled 1 message.", Patience);
        Assert.Equal(0, await bot.EndInputAsync(Patience));
    }

    [GeneratedRegex(@"\[Cancel: /cancel_schedule (?<a>[0-9a-f]{8})\]  \[Pause: /pause (?<b>[0-9a-f]{8})\]")]
    private static partial Regex Buttons();
}
