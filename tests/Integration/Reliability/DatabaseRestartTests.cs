using System.Net;
using ScheduledMessages.Integration.Telegram;
using Xunit.Abstractions;

namespace ScheduledMessages.Integration.Reliability;

/// <summary>
/// PostgreSQL stopped for 20 s under a running bot process (webhook mode) and started again. The
/// server is private to this test (the shared one serves other tests in parallel); without the local
/// PostgreSQL binaries to start one the test is skipped, saying so.
/// </summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private const int Messages = 300;
    private const string Prefix = "restart-";
    private const string Secret = "restart-test-secret";
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [PrivatePostgresFact]
    public async Task With_PostgreSQL_down_for_20_s_the_bot_recovers_by_itself_loses_no_message_and_handles_each_refused_update_once_when_resent()
    {
        await using var cluster = await PrivatePostgresCluster.StartAsync(PrivatePostgresCluster.FindBinaries(out _)!);
        await using var api = await BotApiDouble.StartAsync(BotApiLimits.Off);
        await using var bot = BotProcess.Start("bot", BotProcess.Settings(api, cluster.ConnectionString, [
            new("Telegram:Mode", "Webhook"),
            new("Telegram:WebhookUrl", "https://bot.example.test/telegram/webhook"),
            new("Telegram:WebhookSecret", Secret),
            new("Scheduler:BatchSize", "10"),
            new("Scheduler:LeaseDuration", "00:00:05"),
        ]));
        await bot.WaitUntilReadyAsync();

        // Due over the next 30 s: some before the outage, many during it, a few after.
        await Rows.InsertAsync(cluster.ConnectionString, Messages, Prefix, firstChat: 8_300_000, chats: 30, spread: TimeSpan.FromSeconds(30));
        await Eventually.HoldsAsync(() => api.SentMessages.Count >= 20, TimeSpan.FromSeconds(60), () => $"Nothing sent. Output:\n{bot.Tail()}");

        var chats = Enumerable.Range(1, 5).Select(i => 8_390_000L + i).ToList();
        var updates = chats.Select(chat => api.CreateMessageUpdate(chat, $"/schedule daily 09:00 outage {chat}")).ToList();
        var refused = new List<HttpStatusCode>();
        var down = DateTime.UtcNow;
        await cluster.StopServerAsync();
        var sentWhenStopped = api.SentMessages.Count;
        try
        {
            foreach (var update in updates)
            {
                using var response = await bot.PostUpdateAsync(update.ToJsonString(), Secret);
                refused.Add(response.StatusCode);
            }

            using var ready = await bot.Http.GetAsync(new Uri("health/ready", UriKind.Relative));
            using var live = await bot.Http.GetAsync(new Uri("health/live", UriKind.Relative));
            Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK), (ready.StatusCode, live.StatusCode));

            // The outage itself lasts its full length: this wait is the fault being simulated, not a check.
            var left = Outage - (DateTime.UtcNow - down);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left);
            }
        }
        finally
        {
            await cluster.StartServerAsync();
        }

        var upAgain = DateTime.UtcNow;
        Assert.All(refused, status => Assert.False((int)status is >= 200 and < 300, $"An update was answered {status} while the database was down."));
        Assert.All(chats, chat => Assert.Empty(api.SentTo(chat)));

        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var recovered = DateTime.UtcNow - upAgain;

        // Telegram resends every update that was not answered 2xx.
        foreach (var update in updates)
        {
            using var response = await bot.PostUpdateAsync(update.ToJsonString(), Secret);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Eventually.HoldsAsync(
            async () => (await Rows.CountByStatusAsync(cluster.ConnectionString, Prefix)).GetValueOrDefault("sent") == Messages,
            TimeSpan.FromSeconds(90),
            () => $"Not all sent after the restart ({api.SentMessages.Count} sends). Output:\n{bot.Tail(80)}");

        // Stored and acknowledged, each update is carried out from the inbox and answered after it.
        await api.WaitUntilAsync(d => chats.All(chat => d.SentTo(chat).Count > 0), TimeSpan.FromSeconds(60));
        var sent = api.SentMessages.Where(m => m.Text.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        var distinct = sent.Select(m => m.Text).Distinct().Count();
        output.WriteLine($"private PostgreSQL on port {cluster.Port}, down for {Outage.TotalSeconds:0} s; updates answered while down: {string.Join(", ", refused.Select(s => (int)s))}");
        output.WriteLine($"ready again {recovered.TotalSeconds:0.0} s after the server was back; messages: {Messages}, sent before the stop: {sentWhenStopped}, delivered: {sent.Count} sends, {distinct} distinct, duplicates: {sent.Count - distinct}");

        Assert.Equal(Messages, distinct);
        foreach (var chat in chats)
        {
            var reply = Assert.Single(api.SentTo(chat));
            Assert.StartsWith("Scheduled every day at 09:00.", reply.Text, StringComparison.Ordinal);
            Assert.Equal(1, await Rows.CountInChatAsync(cluster.ConnectionString, chat));
        }

        Assert.All(api.SentMessages, m => Assert.Null(m.ParseMode));
        Assert.DoesNotContain(api.Token, bot.Output, StringComparison.Ordinal);
    }
}
