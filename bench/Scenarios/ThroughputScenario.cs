using System.Diagnostics;
using System.Globalization;
using ScheduledMessages.Bench.Measuring;
using ScheduledMessages.Bench.Setup;
using ScheduledMessages.Bench.Telegram;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Bench.Scenarios;

/// <summary>
/// Drains a backlog of due messages with the real dispatcher: messages/s, duplicates, peak memory.
/// <c>--sender http</c> sends through the Telegram sender to the loopback Bot API; <c>noop</c> to an
/// in-process sender that does nothing. <c>--instances 2</c> is the scale-out run.
/// </summary>
public static class ThroughputScenario
{
    public static async Task RunAsync(BenchArguments arguments, string name)
    {
        var messages = arguments.Number("messages", 100_000);
        var instances = arguments.Number("instances", name == "scaleout" ? 2 : 1);
        var sender = arguments.Text("sender", "http");
        var limits = arguments.Switch("limits", false);
        var chats = arguments.Number("chats", 10_000);
        var http = sender switch
        {
            "http" => true,
            "noop" => false,
            _ => throw new ArgumentException($"--sender must be http or noop (got '{sender}')."),
        };

        Report.Heading($"{name}: {messages:N0} due messages, {instances} instance(s), sender {sender}, Telegram limits {(limits ? "on" : "off")}, {chats:N0} chats");
        await using var database = await BenchDatabase.CreateAsync(arguments.Text("postgres"));
        var log = new DeliveryLog();
        await using var api = http ? await LoopbackBotApi.StartAsync(limits ? BotApiLimits.Telegram : BotApiLimits.Off, log) : null;

        await database.SeedDueAsync(messages, DateTimeOffset.UtcNow.AddMinutes(-10), TimeSpan.FromMinutes(10) / messages, chats);
        await database.VacuumAnalyzeAsync();
        var settings = InstanceSettings.For(database.ConnectionString, api?.BaseUrl, arguments)
            .With("Telegram:Limits:Enabled", limits);
        Report.Line($"settings: {Report.Describe(settings)}");

        using var memory = new MemorySampler();
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var running = new List<BotInstance>();
        for (var i = 0; i < instances; i++)
        {
            running.Add(await BotInstance.StartAsync(settings, InstanceRole.Dispatcher, http ? null : log));
        }

        var complete = await log.WaitForAsync(messages, TimeSpan.FromMinutes(arguments.Number("timeout-minutes", 10)));
        var drained = clock.Elapsed;

        // Let any straggler (a duplicate) arrive before counting.
        await Task.Delay(TimeSpan.FromSeconds(1));
        foreach (var instance in running)
        {
            await instance.DisposeAsync();
        }

        var deliveries = log.Snapshot();
        var summary = DeliverySummary.Of(deliveries);
        var sent = await database.ScalarAsync("SELECT count(*) FROM scheduled_messages WHERE status = 'sent'");
        var leased = await database.ScalarAsync("SELECT count(*) FROM scheduled_messages WHERE locked_by IS NOT NULL");
        var fromStart = deliveries.Count == 0 ? 0 : (deliveries.Max(d => d.ReceivedUnixMs) - started) / 1000.0;

        if (!complete)
        {
            Report.Line($"INCOMPLETE: only {summary.Count:N0} of {messages:N0} arrived in time");
        }

        Report.Figure("messages/s (first to last delivery)", summary.FirstToLastSeconds > 0 ? (summary.Count - 1) / summary.FirstToLastSeconds : 0, "F0");
        Report.Figure("messages/s (including start-up)", fromStart > 0 ? summary.Count / fromStart : 0, "F0");
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"drained {summary.Count:N0} in {drained.TotalSeconds:F1} s; rows sent {sent:N0}, still leased {leased:N0}"));
        Report.Figure("duplicates", summary.Duplicates, "F0");
        Report.Figure("429 answers", log.Rejected, "F0");
        Report.Figure("peak working set MB", memory.PeakWorkingSetMb, "F0");
        Report.Figure("peak managed heap MB", memory.PeakManagedMb, "F0");
    }
}
