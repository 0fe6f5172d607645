using ScheduledMessages.Integration.Fixtures;
using ScheduledMessages.Integration.Telegram;
using Xunit.Abstractions;

namespace ScheduledMessages.Integration.Reliability;

/// <summary>
/// A bot process killed with SIGKILL in the middle of draining 2,000 due messages, then started
/// again: every message is delivered, and the only duplicates are messages that were in flight
/// (claimed, maybe sent, outcome not yet written) at the kill.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Messages = 2_000;
    private const int BatchSize = 50;
    private const string Prefix = "kill-";

    private readonly PostgresFixture _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Killed_while_draining_2000_messages_and_restarted_none_is_lost_and_duplicates_are_at_most_the_messages_in_flight()
    {
        await using var api = await BotApiDouble.StartAsync(BotApiLimits.Off);
        var settings = BotProcess.Settings(api, _database.ConnectionString, [
            new("Telegram:Mode", "Webhook"),
            new("Telegram:WebhookUrl", "https://bot.example.test/telegram/webhook"),
            new("Telegram:WebhookSecret", "kill-test-secret"),
            new("Scheduler:BatchSize", BatchSize.ToString()),
            new("Scheduler:LeaseDuration", "00:00:05"),
        ]);
        await Rows.InsertAsync(_database.ConnectionString, Messages, Prefix, firstChat: 8_100_000, chats: 40);

        int sentAtKill;
        IReadOnlyList<string> inFlight;
        // The double answers a quarter of the sends and holds the rest: the kill comes mid-drain
        // with sends in flight, however fast or slow the machine is.
        api.HoldSendsAfter(Messages / 4);
        await using (var first = BotProcess.Start("bot-1", settings))
        {
            await Eventually.HoldsAsync(
                () => api.SentMessages.Count >= Messages / 4 || first.HasExited,
                BotProcess.StartTimeout,
                () => $"bot-1 sent {api.SentMessages.Count}. Output:\n{first.Tail()}");
            Assert.False(first.HasExited, first.Tail());

            await first.KillAsync();
            sentAtKill = api.SentMessages.Count;
            inFlight = await Rows.LeasedTextsAsync(_database.ConnectionString, Prefix);
        }

        Assert.Equal(Messages / 4, sentAtKill);
        api.ReleaseHeldSends();
        await using (var second = BotProcess.Start("bot-2", settings))
        {
            await Eventually.HoldsAsync(
                async () => (await Rows.CountByStatusAsync(_database.ConnectionString, Prefix)).GetValueOrDefault("sent") == Messages,
                TimeSpan.FromSeconds(120),
                () => $"Not all sent; the double has {api.SentMessages.Count}. bot-2 output:\n{second.Tail()}");
        }

        var sent = api.SentMessages.Where(m => m.Text.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        var distinct = sent.Select(m => m.Text).Distinct().Count();
        var duplicates = sent.GroupBy(m => m.Text).Where(g => g.Count() > 1).ToList();
        output.WriteLine($"messages: {Messages}, sent before the kill: {sentAtKill}, in flight at the kill: {inFlight.Count} (batch size {BatchSize} x 1 instance)");
        output.WriteLine($"delivered: {sent.Count} sends, {distinct} distinct; duplicates: {sent.Count - distinct} ({string.Join(", ", duplicates.Select(g => $"{g.Key} x{g.Count()}"))})");

        Assert.Equal(Messages, distinct);
        Assert.True(inFlight.Count <= BatchSize, $"{inFlight.Count} messages were in flight, more than one batch ({BatchSize}).");
        Assert.True(sent.Count - distinct <= inFlight.Count, $"{sent.Count - distinct} duplicates, more than the {inFlight.Count} in flight at the kill.");
        Assert.All(duplicates, g =>
        {
            Assert.Contains(g.Key, inFlight);
            Assert.Equal(2, g.Count());
        });
        Assert.All(sent, m => Assert.Null(m.ParseMode));
    }
}
