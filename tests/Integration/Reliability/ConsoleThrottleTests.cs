using ScheduledMessages.Integration.Console;

namespace ScheduledMessages.Integration.Reliability;

/// <summary>The local console's one user is the person running the bot: a script of commands piped in is not throttled.</summary>
public sealed class ConsoleThrottleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("scheduler_console_").FullName;

    [Fact]
    public async Task The_console_answers_more_commands_a_minute_than_the_Telegram_throttle_allows()
    {
        const int commands = 40;
        await using var bot = ConsoleBotProcess.Start(Path.Combine(_directory, "bot.db"));

        for (var i = 0; i < commands; i++)
        {
            await bot.SendAsync("/help");
        }

        await bot.SendAsync("/frobnicate");
        await bot.WaitForAsync("I don't know the command /frobnicate", TimeSpan.FromSeconds(60));

        Assert.Equal(commands, CountOf(bot.Output, "I send messages to this chat"));
        Assert.DoesNotContain("Too many commands", bot.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
