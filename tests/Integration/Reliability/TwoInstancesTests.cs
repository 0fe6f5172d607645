using ScheduledMessages.Integration.Fixtures;
using ScheduledMessages.Integration.Telegram;
using Xunit.Abstractions;

namespace ScheduledMessages.Integration.Reliability;

/// <summary>
/// Two bot processes on one database drain 2,000 due messages together. Each talks to its own Bot
/// API double, so the doubles tell which instance sent what: both take part, and no message is
/// sent twice.
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Messages = 2_000;
    private const string Prefix = "pair-";

    private readonly PostgresFixture _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private Dictionary<string, string?> Settings(BotApiDouble api) =>
        BotProcess.Settings(api, _database.ConnectionString, [
            new("Telegram:Mode", "Webhook"),
            new("Telegram:WebhookUrl", "https://bot.example.test/telegram/webhook"),
            new("Telegram:WebhookSecret", "pair-test-secret"),
            new("Scheduler:BatchSize", "20"),
            new("Telegram:RequestTimeout", "00:05:00"),
        ]);

    [Fact]
    public async Task Two_instances_draining_2000_messages_from_one_database_send_each_exactly_once()
    {
        await using var apiA = await BotApiDouble.StartAsync(BotApiLimits.Off);
        await using var apiB = await BotApiDouble.StartAsync(BotApiLimits.Off);
        await using var a = BotProcess.Start("bot-a", Settings(apiA));
        await using var b = BotProcess.Start("bot-b", Settings(apiB));
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());

        // Both are up and polling the table before the messages come due, so they compete for them.
        // Neither may drain it alone, however the machine schedules them: each double holds its
        // instance's sends after a tenth of the messages until both instances have sent some.
        apiA.HoldSendsAfter(Messages / 10);
        apiB.HoldSendsAfter(Messages / 10);
        await Rows.InsertAsync(_database.ConnectionString, Messages, Prefix, firstChat: 8_200_000, chats: 40, dueIn: TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(
            () => apiA.SentMessages.Count > 0 && apiB.SentMessages.Count > 0,
            TimeSpan.FromSeconds(120),
            () => $"Not both sending: a {apiA.SentMessages.Count}, b {apiB.SentMessages.Count}.\nbot-a:\n{a.Tail()}\nbot-b:\n{b.Tail()}");
        apiA.ReleaseHeldSends();
        apiB.ReleaseHeldSends();
        await Eventually.HoldsAsync(
            async () => (await Rows.CountByStatusAsync(_database.ConnectionString, Prefix)).GetValueOrDefault("sent") == Messages,
            TimeSpan.FromSeconds(120),
            () => $"Not all sent: a {apiA.SentMessages.Count}, b {apiB.SentMessages.Count}.\nbot-a:\n{a.Tail()}\nbot-b:\n{b.Tail()}");

        var byA = apiA.SentMessages.Select(m => m.Text).ToList();
        var byB = apiB.SentMessages.Select(m => m.Text).ToList();
        var all = byA.Concat(byB).ToList();
        output.WriteLine($"messages: {Messages}; sent by instance a: {byA.Count}, by instance b: {byB.Count}; total sends: {all.Count}, distinct: {all.Distinct().Count()}, duplicates: {all.Count - all.Distinct().Count()}");

        Assert.Equal(Messages, all.Count);
        Assert.Equal(Messages, all.Distinct().Count());
        Assert.True(byA.Count > 0 && byB.Count > 0, $"One instance did all the work (a {byA.Count}, b {byB.Count}); the test proves nothing.");
    }
}
