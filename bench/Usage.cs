namespace ScheduledMessages.Bench;

/// <summary>The benchmark's help text.</summary>
public static class Usage
{
    public const string Text = """
        Scheduled Messages benchmark: the real dispatcher, a real PostgreSQL (a database of its own,
        dropped at the end; SCHEDULER_TEST_POSTGRES or --postgres, else the local default) and a
        loopback Bot API.

          dotnet run -c Release --project bench -- <scenario> [--name value ...]

        scenarios
          throughput  drain a backlog: --messages 100000 --sender http|noop --instances 1 --limits off
                      --chats 10000 [--batch N --concurrency N]   messages/s, duplicates, peak memory
          scaleout    the same with --instances 2 (default): zero duplicates across instances
          latency     bot defaults, limits on, 2 instances: --stored 400 --rate 20 --scheduled 100
                      due-to-sent p50/p95/p99 (wake at due time; NOTIFY from another instance)
          limits      limits on: --chats 1200 --busy-chats 10 --per-busy-chat 10 --instances 1
                      messages/s against 30/s, 429s, the shortest gap within one chat
          claim       --rows 10000,1000000 --due 2000 [--batch N] --repeats 30   claim time per table size
          micro       BenchmarkDotNet: ScheduleParser.Parse and Recurrence.NextAfter, time and allocations
        """;
}
