using ScheduledMessages.Bench.Measuring;
using ScheduledMessages.Bench.Setup;
using ScheduledMessages.Bench.Telegram;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Bench.Scenarios;

/// <summary>
/// Telegram's limits on, at both ends (the bot's limiter; the loopback API answering 429 beyond
/// them): a backlog to distinct chats measures the rate against 30/s, and a few chats with many
/// messages each show the 1/s per chat. With <c>--instances 2</c> each keeps to half the global limit.
/// </summary>
public static class LimitsScenario
{
    public static async Task RunAsync(BenchArguments arguments)
    {
        var chats = arguments.Number("chats", 1200);
        var instances = arguments.Number("instances", 1);
        var busyChats = arguments.Number("busy-chats", instances == 1 ? 10 : 0);
        var perBusyChat = arguments.Number("per-busy-chat", 10);
        Report.Heading($"limits: {chats} messages to distinct chats + {busyChats} chats x {perBusyChat} messages, {instances} instance(s), limits on");
        await using var database = await BenchDatabase.CreateAsync(arguments.Text("postgres"));
        var log = new DeliveryLog();
        await using var api = await LoopbackBotApi.StartAsync(BotApiLimits.Telegram, log);
        var due = DateTimeOffset.UtcNow.AddSeconds(-1);
        await database.SeedDueAsync(chats, due, TimeSpan.Zero, chats, firstChat: 4_000_000);
        if (busyChats > 0)
        {
            await database.SeedDueAsync(busyChats * perBusyChat, due, TimeSpan.Zero, busyChats, firstChat: 5_000_000, firstNumber: 1_000_000);
        }

        var settings = InstanceSettings.For(database.ConnectionString, api.BaseUrl, arguments).With("Telegram:Limits:Instances", instances);
        Report.Line($"settings: {Report.Describe(settings)}");
        var running = new List<BotInstance>();
        for (var i = 0; i < instances; i++)
        {
            running.Add(await BotInstance.StartAsync(settings, InstanceRole.Dispatcher, null));
        }

        var total = chats + (busyChats * perBusyChat);
        var complete = await log.WaitForAsync(total, TimeSpan.FromSeconds((total / 20.0) + 60));
        foreach (var instance in running)
        {
            await instance.DisposeAsync();
        }

        var deliveries = log.Snapshot();
        var summary = DeliverySummary.Of(deliveries);
        var busy = DeliverySummary.Of([.. deliveries.Where(d => d.ChatId >= 5_000_000)]);
        if (!complete)
        {
            Report.Line($"INCOMPLETE: {summary.Count} of {total} arrived");
        }

        Report.Figure("messages/s overall (first to last)", summary.FirstToLastSeconds > 0 ? (summary.Count - 1) / summary.FirstToLastSeconds : 0, "F1");
        Report.Figure("most messages received in any 1 s", MostInAnySecond(deliveries), "F0");
        Report.Figure("429 answers", log.Rejected, "F0");
        Report.Figure("duplicates", summary.Duplicates, "F0");
        if (busy.MinGapPerChatMs is { } gap)
        {
            Report.Figure("shortest gap between two sends to one chat ms", gap, "F0");
        }
    }

    private static int MostInAnySecond(IReadOnlyList<Delivery> deliveries)
    {
        var times = deliveries.Select(d => d.ReceivedUnixMs).Order().ToArray();
        var most = 0;
        var start = 0;
        for (var end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= 1000)
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return most;
    }
}
