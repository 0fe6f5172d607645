using ScheduledMessages.Bench.Measuring;
using ScheduledMessages.Bench.Setup;
using ScheduledMessages.Bench.Telegram;
using ScheduledMessages.Infrastructure.Persistence.Notifications;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Bench.Scenarios;

/// <summary>
/// Due-to-sent lateness with the bot's default settings and Telegram's limits on, two dispatching
/// instances on one database. Part 1: rows already in the table fall due one after another (the
/// workers wake at the next due time). Part 2: a third instance, with no worker of its own,
/// schedules messages due a second later through the real use case (its NOTIFY wakes the others).
/// </summary>
public static class LatencyScenario
{
    public static async Task RunAsync(BenchArguments arguments)
    {
        var stored = arguments.Number("stored", 400);
        var scheduled = arguments.Number("scheduled", 100);
        var rate = arguments.Number("rate", 20);
        Report.Heading($"latency: bot defaults, limits on, 2 dispatching instances; {stored} stored messages falling due at {rate}/s, then {scheduled} scheduled by a third instance, each due 1 s later");
        await using var database = await BenchDatabase.CreateAsync(arguments.Text("postgres"));
        var log = new DeliveryLog();
        await using var api = await LoopbackBotApi.StartAsync(BotApiLimits.Telegram, log);
        var settings = InstanceSettings.For(database.ConnectionString, api.BaseUrl, arguments);
        Report.Line($"settings: {Report.Describe(settings)}");

        await using var first = await BotInstance.StartAsync(settings, InstanceRole.Dispatcher, null);
        await using var second = await BotInstance.StartAsync(settings, InstanceRole.Dispatcher, null);
        await using var front = await BotInstance.StartAsync(settings, InstanceRole.Scheduler, null);

        // Part 1: rows another tool inserted, and told the workers of as the README asks such tools to
        // (NOTIFY): from then on the workers know the next due time. Without the NOTIFY the first rows
        // would wait for a worker's poll, up to Scheduler:PollInterval, whatever its phase.
        var firstDue = DateTimeOffset.UtcNow.AddSeconds(3);
        await database.SeedDueAsync(stored, firstDue, TimeSpan.FromSeconds(1.0 / rate), stored, firstChat: 2_000_000, priority: 3);
        await database.ExecuteAsync("SELECT pg_notify(@channel, '')", ("channel", PostgreSqlDispatchNotifications.Channel));
        var storedDone = await log.WaitForAsync(stored, TimeSpan.FromSeconds(30) + (TimeSpan.FromSeconds(1.0 / rate) * stored));
        var storedSummary = DeliverySummary.Of(log.Snapshot());
        Report.Line($"part 1, stored rows falling due{(storedDone ? string.Empty : " (INCOMPLETE)")}: {storedSummary.Count} sent, {storedSummary.LatencyLine()}");

        // Part 2: new schedules from an instance that does not dispatch; the others learn of them by NOTIFY.
        log.Clear();
        for (var i = 0; i < scheduled; i++)
        {
            var due = DateTimeOffset.UtcNow.AddSeconds(1);
            await front.ScheduleOnceAsync(3_000_000 + i, DeliveryLog.Text(100_000 + i, due), due);

            await Task.Delay(TimeSpan.FromSeconds(1.0 / 10));
        }

        var scheduledDone = await log.WaitForAsync(scheduled, TimeSpan.FromSeconds(30));
        var scheduledSummary = DeliverySummary.Of(log.Snapshot());
        Report.Line($"part 2, scheduled by another instance{(scheduledDone ? string.Empty : " (INCOMPLETE)")}: {scheduledSummary.Count} sent, {scheduledSummary.LatencyLine()}");
        Report.Figure("p99 due-to-sent ms, stored", storedSummary.LatencyP99Ms, "F0");
        Report.Figure("p99 due-to-sent ms, scheduled elsewhere", scheduledSummary.LatencyP99Ms, "F0");
        Report.Figure("429 answers", log.Rejected, "F0");
    }
}
