using Microsoft.Extensions.DependencyInjection;
using ScheduledMessages.Bench.Measuring;
using ScheduledMessages.Bench.Setup;
using ScheduledMessages.Bench.Telegram;
using ScheduledMessages.Bot.Worker;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Bench.Scenarios;

/// <summary>
/// Telegram's limits on, at both ends: the bot's limiter, and the loopback API answering 429 beyond
/// them with a strict global window (never more than 30 in any 1 s, as Telegram may count).
/// Part 1: a backlog to distinct chats plus a few busy chats with many messages each measures the
/// rate against 30/s and the 429s. Part 2 (with busy chats): while busy chats drain at their 1/s,
/// another instance schedules lone messages to quiet chats, each due 1 s later; their due-to-sent
/// latency shows whether busy chats hold anyone else up. With <c>--instances 2</c> the instances
/// alive share the global limit through their heartbeats (ADR 0805).
/// </summary>
public static class LimitsScenario
{
    private const long DistinctChats = 4_000_000;
    private const long BusyChats = 5_000_000;
    private const long QuietChats = 6_000_000;

    public static async Task RunAsync(BenchArguments arguments)
    {
        var chats = arguments.Number("chats", 1000);
        var instances = arguments.Number("instances", 1);
        var busyChats = arguments.Number("busy-chats", instances == 1 ? 10 : 0);
        var perBusyChat = arguments.Number("per-busy-chat", 10);
        var lone = arguments.Number("lone", 5);
        Report.Heading($"limits: {chats} messages to distinct chats + {busyChats} chats x {perBusyChat} messages, {instances} instance(s), limits on, strict global window at the API");
        await using var database = await BenchDatabase.CreateAsync(arguments.Text("postgres"));
        var log = new DeliveryLog();
        await using var api = await LoopbackBotApi.StartAsync(BotApiLimits.StrictGlobal, log);
        var settings = InstanceSettings.For(database.ConnectionString, api.BaseUrl, arguments);
        Report.Line($"settings: {Report.Describe(settings)}");
        var running = new List<BotInstance>();
        for (var i = 0; i < instances; i++)
        {
            running.Add(await BotInstance.StartAsync(settings, InstanceRole.Dispatcher, null));
        }

        // Each instance counted itself at start; one more heartbeat each and all know the whole fleet.
        foreach (var instance in running)
        {
            await instance.Services.GetRequiredService<InstanceHeartbeatService>().BeatAsync(CancellationToken.None);
        }

        await using var front = await BotInstance.StartAsync(settings, InstanceRole.Scheduler, null);
        try
        {
            await BacklogAsync(database, log, chats, busyChats, perBusyChat);
            if (busyChats > 0 && lone > 0)
            {
                log.Clear();
                await LoneMessagesAsync(database, front, log, busyChats, Math.Max(perBusyChat, 20), lone);
            }
        }
        finally
        {
            foreach (var instance in running)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static async Task BacklogAsync(BenchDatabase database, DeliveryLog log, int chats, int busyChats, int perBusyChat)
    {
        var due = DateTimeOffset.UtcNow.AddSeconds(-1);
        if (busyChats > 0)
        {
            await database.SeedDueAsync(busyChats * perBusyChat, due, TimeSpan.Zero, busyChats, firstChat: BusyChats, firstNumber: 1_000_000);
        }

        await database.SeedDueAsync(chats, due, TimeSpan.Zero, chats, firstChat: DistinctChats);
        var total = chats + (busyChats * perBusyChat);
        var complete = await log.WaitForAsync(total, TimeSpan.FromSeconds((total / 20.0) + 60));

        // Let any straggler (a duplicate) arrive before counting.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var deliveries = log.Snapshot();
        var summary = DeliverySummary.Of(deliveries);
        var busy = DeliverySummary.Of([.. deliveries.Where(d => d.ChatId is >= BusyChats and < QuietChats)]);
        Report.Line($"part 1, the backlog{(complete ? string.Empty : $" (INCOMPLETE: {summary.Count} of {total} arrived)")}");
        Report.Figure("messages/s overall (first to last)", summary.FirstToLastSeconds > 0 ? (summary.Count - 1) / summary.FirstToLastSeconds : 0, "F1");
        Report.Figure("most messages received in any 1 s", MostInAnySecond(deliveries), "F0");
        Report.Figure("429 answers", log.Rejected, "F0");
        Report.Figure("duplicates", summary.Duplicates, "F0");
        if (busy.MinGapPerChatMs is { } gap)
        {
            Report.Figure("shortest gap between two sends to one chat ms", gap, "F0");
        }
    }

    private static async Task LoneMessagesAsync(BenchDatabase database, BotInstance front, DeliveryLog log, int busyChats, int perBusyChat, int lone)
    {
        await database.SeedDueAsync(busyChats * perBusyChat, DateTimeOffset.UtcNow.AddSeconds(-1), TimeSpan.Zero, busyChats, firstChat: BusyChats + busyChats, firstNumber: 2_000_000);
        await Task.Delay(TimeSpan.FromSeconds(2));
        for (var i = 0; i < lone; i++)
        {
            var due = DateTimeOffset.UtcNow.AddSeconds(1);
            await front.ScheduleOnceAsync(QuietChats + i, DeliveryLog.Text(3_000_000 + i, due), due);

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var total = (busyChats * perBusyChat) + lone;
        var complete = await log.WaitForAsync(total, TimeSpan.FromSeconds(perBusyChat + 60));
        var deliveries = log.Snapshot();
        var quiet = DeliverySummary.Of([.. deliveries.Where(d => d.ChatId >= QuietChats)]);
        var lastLone = deliveries.Where(d => d.ChatId >= QuietChats).Select(d => d.ReceivedUnixMs).DefaultIfEmpty().Max();
        Report.Line($"part 2, {lone} lone messages to quiet chats, each scheduled by another instance due 1 s later, while {busyChats} chats x {perBusyChat} drain{(complete ? string.Empty : " (INCOMPLETE)")}");
        Report.Line($"busy chats' messages still to go after the last lone message: {deliveries.Count(d => d.ChatId < QuietChats && d.ReceivedUnixMs > lastLone)}");
        Report.Figure("lone message due-to-sent ms, median", quiet.LatencyP50Ms, "F0");
        Report.Figure("lone message due-to-sent ms, max", quiet.LatencyMaxMs, "F0");
        Report.Figure("429 answers", log.Rejected, "F0");
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
