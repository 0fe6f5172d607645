using System.Text;

namespace ScheduledMessages.Bench;

/// <summary>What the benchmark accepts (its scenarios and their options) and the help text made from it.</summary>
public static class Usage
{
    public const string Postgres = "postgres";

    /// <summary>Options every scenario that starts bot instances passes on to them.</summary>
    private static readonly BenchOption[] BotOptions =
    [
        new("batch", "200", "Scheduler:BatchSize, messages claimed at once"),
        new("concurrency", "16", "Scheduler:SendConcurrency, messages of a batch sent at once"),
        new("poll", "00:00:05", "Scheduler:PollInterval"),
        new("set", "none", "any other settings, as Key=Value pairs separated by ';' (e.g. Scheduler:LaneTimeBudget=00:00:01)"),
    ];

    private static readonly BenchOption Database =
        new(Postgres, "SCHEDULER_TEST_POSTGRES, else the local scheduler_test role", "the server the bench database is created on");

    public static IReadOnlyList<BenchScenario> Scenarios { get; } =
    [
        new("throughput", "drains a backlog: messages/s, duplicates, peak memory", Throughput(instances: "1")),
        new("scaleout", "throughput with two instances by default: zero duplicates across instances", Throughput(instances: "2")),
        new("latency", "bot defaults, limits on, 2 instances: due-to-sent p50/p95/p99 (at the due time; after NOTIFY from another instance)",
        [
            new("stored", "400", "stored rows falling due"),
            new("rate", "20", "of them falling due per second"),
            new("scheduled", "100", "messages then scheduled by a third instance, due 1 s later"),
            .. BotOptions, Database,
        ]),
        new("limits", "limits on, strict global window: messages/s against 30/s, 429s, the shortest gap within one chat, lone messages' latency while busy chats drain",
        [
            new("chats", "1000", "distinct chats, one message each"),
            new("busy-chats", "10 (0 with several instances)", "chats with several messages due at once"),
            new("per-busy-chat", "10", "messages each busy chat has due (at least 20 while the lone messages go)"),
            new("lone", "5", "lone messages to quiet chats scheduled while busy chats drain, 2 s apart"),
            new("instances", "1", "bot instances sharing the global limit through their heartbeats"),
            .. BotOptions, Database,
        ]),
        new("claim", "claim time per table size",
        [
            new("rows", "10000,1000000", "table sizes, comma-separated"),
            new("due", "2000", "rows due in each table"),
            new("due-priority", "3", "priority of the due rows"),
            new("due-chats", "the number due", "chats the due rows are spread over (fewer: busy chats)"),
            new("batch", "200", "messages claimed at once"),
            new("per-chat", "3", "Scheduler:MaxPerChatPerRound, messages of one chat claimed at once"),
            new("repeats", "30", "claims timed per table size"),
            Database,
        ]),
        new("micro", "BenchmarkDotNet: command parsing and the next occurrence, time and allocations", []),
    ];

    /// <summary>Any of these, anywhere on the command line, asks for this text.</summary>
    public static IReadOnlyList<string> HelpWords { get; } = ["help", "--help", "-h"];

    public static string Text { get; } = Write();

    public static BenchScenario? Find(string scenario) =>
        Scenarios.FirstOrDefault(s => string.Equals(s.Name, scenario, StringComparison.OrdinalIgnoreCase));

    private static BenchOption[] Throughput(string instances) =>
    [
        new("messages", "100000", "due messages to drain"),
        new("instances", instances, "bot instances sharing the database"),
        new("sender", "http", "http (the loopback Bot API) or noop (an in-process sender that does nothing)"),
        new("limits", "off", "on or off: Telegram's limits, kept by the bot and enforced by the Bot API"),
        new("chats", "10000", "distinct chats the messages go to"),
        new("timeout-minutes", "10", "stops waiting for the last messages after this long"),
        .. BotOptions,
        Database,
    ];

    private static string Write()
    {
        var text = new StringBuilder("""
            Scheduled Messages benchmark: the real dispatcher against a real PostgreSQL (a database of
            its own, created and dropped) and a loopback Bot API. Figures are printed, never asserted.

              dotnet run -c Release --project bench -- <scenario> [--name value ...]
              dotnet run -c Release --project bench -- help

            Scenarios and their options (default in brackets):
            """);
        text.Append('\n');
        foreach (var scenario in Scenarios)
        {
            text.Append('\n').Append("  ").Append(scenario.Name).Append("  ").Append(scenario.Summary).Append('\n');
            foreach (var option in scenario.Options)
            {
                text.Append("    --").Append(option.Name.PadRight(17)).Append(option.Meaning).Append(" [").Append(option.Default).Append("]\n");
            }
        }

        return text.ToString();
    }
}
