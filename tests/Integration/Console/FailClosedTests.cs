using NodaTime;
using ScheduledMessages.Integration.Fixtures;
using ScheduledMessages.Integration.Reliability;

namespace ScheduledMessages.Integration.Console;

/// <summary>
/// The process fails closed (ADR 0800): in Production no token is an error, not a console chat that
/// eats a shared database's messages; a console asked for explicitly delivers only its own chat's.
/// </summary>
public sealed class FailClosedTests(PostgresFixture database) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    /// <summary>Generous: each wait returns as soon as the process has done its part.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private const long ConsoleChat = 1;
    private const long OtherChat = -1001234;

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Due a minute ago, to the whole second: the store keeps microseconds, the clock has ticks.</summary>
    private static Instant AMinuteAgo() =>
        Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds() - 60);

    [Fact]
    public async Task Production_with_no_token_exits_non_zero_naming_the_key_and_marks_nothing_sent()
    {
        var due = AMinuteAgo();
        var other = await ScheduledMessageRows.InsertAsync(database, OtherChat, "For the group", due);

        await using var bot = ConsoleBotProcess.Start("Production", database.Settings);
        var exitCode = await bot.WaitForExitAsync(Patience);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Telegram:BotToken", bot.Errors, StringComparison.Ordinal);
        Assert.Contains("--console", bot.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Transport: local console chat", bot.Output, StringComparison.Ordinal);
        var row = await ScheduledMessageRows.ReadAsync(database, other);
        Assert.Equal(("pending", 0, due, (string?)null), (row.Status, row.Attempts, row.ScheduledTime, row.LockedBy));
    }

    [Fact]
    public async Task Production_on_telegram_with_no_connection_string_exits_non_zero_naming_both_store_keys()
    {
        await using var bot = ConsoleBotProcess.Start("Production", new Dictionary<string, string?> { ["Telegram:BotToken"] = "123456:not-used" });
        var exitCode = await bot.WaitForExitAsync(Patience);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ConnectionStrings:Scheduler", bot.Errors, StringComparison.Ordinal);
        Assert.Contains("Storage:SqlitePath", bot.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("123456:not-used", bot.Errors + bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_delivers_its_own_chats_message_and_leaves_another_chats_due_message_unsent()
    {
        var due = AMinuteAgo();
        var other = await ScheduledMessageRows.InsertAsync(database, OtherChat, "For the group", due);
        var own = await ScheduledMessageRows.InsertAsync(database, ConsoleChat, "For the console", due);

        await using var bot = ConsoleBotProcess.Start("Production", database.Settings, "--console");

        await bot.WaitForAsync("Transport: local console chat (asked for with --console)", Patience);
        await bot.WaitForAsync("For the console", Patience);
        // The console has looked at the other chat's row once its time moved on: held back, not sent.
        await Eventually.HoldsAsync(
            async () => (await ScheduledMessageRows.ReadAsync(database, other)).ScheduledTime > due,
            Patience,
            () => $"The console never held back the other chat's message. Output:\n{bot.Output}\nErrors:\n{bot.Errors}");
        Assert.Equal(0, await bot.EndInputAsync(Patience));

        Assert.Equal("sent", (await ScheduledMessageRows.ReadAsync(database, own)).Status);
        var row = await ScheduledMessageRows.ReadAsync(database, other);
        Assert.Equal(("pending", 0, (Instant?)null, (string?)null), (row.Status, row.Attempts, row.LastAttemptTime, row.LockedBy));
        Assert.Empty(row.Errors);
        Assert.DoesNotContain("For the group", bot.Output, StringComparison.Ordinal);
    }
}
