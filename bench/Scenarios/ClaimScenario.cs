using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Bench.Setup;
using ScheduledMessages.Bot.Composition;

namespace ScheduledMessages.Bench.Scenarios;

/// <summary>
/// How long one claim takes as the table grows: tables of each size (70% sent or cancelled history,
/// the rest daily messages due over the next month, all priorities) with the same number of due
/// rows, in as many chats as asked. Times the bot's fair claim (claim, then release, so every round sees
/// the same rows), its next-due query, and for comparison the seed's claim statement (ADR 0101), rolled back.
/// </summary>
public static class ClaimScenario
{
    private const string SeedClaim = """
        UPDATE scheduled_messages AS m
        SET locked_by = 'seed', locked_until = now() + interval '2 minutes'
        FROM (
            SELECT id FROM scheduled_messages
            WHERE status IN ('pending', 'rescheduled')
              AND scheduled_time <= now()
              AND (locked_until IS NULL OR locked_until < now())
            ORDER BY priority, scheduled_time
            LIMIT @batch
            FOR UPDATE SKIP LOCKED
        ) AS due
        WHERE m.id = due.id
        RETURNING m.*
        """;

    public static async Task RunAsync(BenchArguments arguments)
    {
        var sizes = arguments.Ints("rows", [10_000, 1_000_000]);
        var due = arguments.Number("due", 2_000);
        var batch = arguments.Number("batch", new SchedulerOptions().BatchSize);
        var repeats = arguments.Number("repeats", 30);
        var perChat = arguments.Number("per-chat", new SchedulerOptions().MaxPerChatPerRound);

        // One due row per chat by default; fewer chats make busy chats, each with due / chats rows.
        var dueChats = arguments.Number("due-chats", due);

        // Due rows at the default priority, the rest at all priorities: the seed's claim has to walk
        // past the future rows of priorities 1 and 2 to reach them.
        var duePriority = arguments.Number("due-priority", 3);
        Report.Heading($"claim: tables of {string.Join(", ", sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))} rows, {due:N0} of them due at priority {duePriority} in {dueChats:N0} chats, batch {batch}, at most {perChat} a chat, {repeats} rounds each");
        var results = new List<(int Rows, double Claim, double NextDue, double Seed)>();
        foreach (var rows in sizes)
        {
            await using var database = await BenchDatabase.CreateAsync(arguments.Text("postgres"));
            var rest = Math.Max(0, rows - due);
            var finished = (int)(rest * 0.7);
            await database.SeedBackgroundAsync(finished, rest - finished);
            await database.SeedDueAsync(due, DateTimeOffset.UtcNow.AddHours(-1), TimeSpan.FromHours(1) / due, dueChats, priority: duePriority);
            await database.VacuumAnalyzeAsync();

            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Scheduler"] = database.ConnectionString })
                .Build();
            await using var services = new ServiceCollection().AddScheduler(configuration).BuildServiceProvider();
            var claim = new List<double>();
            var nextDue = new List<double>();
            for (var round = -3; round < repeats; round++)
            {
                await using var scope = services.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<IDispatchStore>();
                var clock = Stopwatch.StartNew();
                var claimed = await store.ClaimDueAsync("bench", SystemClock.Instance.GetCurrentInstant(), Duration.FromMinutes(2), batch, perChat, CancellationToken.None);
                var claimMs = clock.Elapsed.TotalMilliseconds;
                await store.ReleaseAsync([.. claimed.Select(m => m.Id)], "bench", CancellationToken.None);
                clock.Restart();
                await store.NextDueTimeAsync(CancellationToken.None);
                if (round >= 0)
                {
                    claim.Add(claimMs);
                    nextDue.Add(clock.Elapsed.TotalMilliseconds);
                }

                var expected = Math.Min(batch, Math.Min(due, dueChats * perChat));
                if (claimed.Count != expected)
                {
                    throw new InvalidOperationException($"The claim took {claimed.Count} rows, expected {expected}.");
                }
            }

            var seed = await TimeSeedClaimAsync(database.ConnectionString, batch, repeats);
            results.Add((rows, Median(claim), Median(nextDue), Median(seed)));
            Report.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"{rows,10:N0} rows: claim of {batch} median {Median(claim):F2} ms (p95 {Percentile(claim, 0.95):F2}), next due {Median(nextDue):F2} ms, seed's claim {Median(seed):F2} ms"));
        }

        if (results.Count >= 2)
        {
            var small = results[0];
            var large = results[^1];
            Report.Figure($"claim time {large.Rows:N0} / {small.Rows:N0} rows", large.Claim / small.Claim, "F2");
            Report.Figure($"seed's claim time {large.Rows:N0} / {small.Rows:N0} rows", large.Seed / small.Seed, "F2");
        }
    }

    private static async Task<List<double>> TimeSeedClaimAsync(string connectionString, int batch, int repeats)
    {
        var times = new List<double>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        for (var round = -3; round < repeats; round++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand(SeedClaim, connection, transaction);
            command.Parameters.AddWithValue("batch", batch);
            var clock = Stopwatch.StartNew();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                }
            }

            if (round >= 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            await transaction.RollbackAsync();
        }

        return times;
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
