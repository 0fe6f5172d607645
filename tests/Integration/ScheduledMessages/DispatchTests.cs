using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>
/// The worker's rules (docs/architecture.md#the-worker) on a real database, under a fake clock: one contract,
/// run against PostgreSQL (<see cref="PostgreSqlDispatchTests"/>) and SQLite (<see cref="SqliteDispatchTests"/>).
/// </summary>
public abstract class DispatchTests : IAsyncLifetime
{
    private const long Chat = 4242;

    // A Monday.
    private static readonly Instant T0 = Instant.FromUtc(2030, 1, 7, 10, 0);

    private readonly TestStore _db;

    protected DispatchTests(TestStore db) => _db = db;

    public Task InitializeAsync() => _db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_row_written_by_another_tool_in_the_seed_format_is_sent_and_moves_to_its_next_weekday()
    {
        var id = await ScheduledMessageRows.InsertAsync(
            _db, Chat, "stand-up", T0, """{"recurrence":{"type":"weekly","interval":1,"days":[0,2,4]},"source":"legacy-cron"}""");
        await using var host = new SchedulerTestHost(_db, T0 + Duration.FromSeconds(5));

        var report = await host.DispatchAsync();

        Assert.Equal(1, report.Delivered);
        Assert.Equal([(Chat, "stand-up")], host.Sender.Sends);
        var row = await ScheduledMessageRows.ReadAsync(_db, id);
        Assert.Equal("pending", row.Status);
        Assert.Equal(Instant.FromUtc(2030, 1, 9, 10, 0), row.ScheduledTime);
        Assert.Equal(0, row.Attempts);
        Assert.Null(row.LockedBy);
        Assert.Null(row.LockedUntil);
        Assert.Equal("weekly", row.RecurrenceKind);
        var recurrence = row.MetadataJson["recurrence"]!.AsObject();
        Assert.Equal("weekly", (string?)recurrence["type"]);
        Assert.Equal(1, (int?)recurrence["interval"]);
        Assert.Equal([0, 2, 4], recurrence["days"]!.AsArray().Select(d => (int)d!));
        Assert.Equal("legacy-cron", (string?)row.MetadataJson["source"]);

        host.Clock.Reset(Instant.FromUtc(2030, 1, 9, 10, 0, 1));
        await host.DispatchAsync();

        Assert.Equal(Instant.FromUtc(2030, 1, 11, 10, 0), (await ScheduledMessageRows.ReadAsync(_db, id)).ScheduledTime);
        Assert.Equal(2, host.Sender.Sends.Count);
    }

    [Fact]
    public async Task A_one_time_row_without_metadata_is_sent_once_and_marked_sent()
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, Chat, "once", T0, metadataJson: null);
        await using var host = new SchedulerTestHost(_db, T0);

        await host.DispatchAsync();
        host.Clock.AdvanceHours(1);
        var second = await host.DispatchAsync();

        Assert.Equal(0, second.Claimed);
        Assert.Single(host.Sender.Sends);
        var row = await ScheduledMessageRows.ReadAsync(_db, id);
        Assert.Equal("sent", row.Status);
        Assert.Equal("once", row.RecurrenceKind);
    }

    [Fact]
    public async Task A_message_is_not_sent_a_second_before_its_time_and_is_sent_at_it()
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, Chat, "on time", T0);
        await using var host = new SchedulerTestHost(_db, T0 - Duration.FromSeconds(1));

        var early = await host.DispatchAsync();
        host.Clock.AdvanceSeconds(1);
        var onTime = await host.DispatchAsync();

        Assert.Equal((0, (Instant?)T0), (early.Claimed, early.NextDueTime));
        Assert.Equal(1, onTime.Delivered);
        Assert.Equal([(Chat, "on time")], host.Sender.Sends);
        Assert.Equal("sent", (await ScheduledMessageRows.ReadAsync(_db, id)).Status);
    }

    [Fact]
    public async Task Higher_priority_messages_are_sent_first_then_earlier_ones()
    {
        await ScheduledMessageRows.InsertAsync(_db, Chat, "p5", T0 - Duration.FromMinutes(30), priority: 5);
        await ScheduledMessageRows.InsertAsync(_db, Chat, "p1-later", T0 - Duration.FromMinutes(1), priority: 1);
        await ScheduledMessageRows.InsertAsync(_db, Chat, "p1-earlier", T0 - Duration.FromMinutes(2), priority: 1);
        await ScheduledMessageRows.InsertAsync(_db, Chat, "p3", T0 - Duration.FromMinutes(10), priority: 3);
        await ScheduledMessageRows.InsertAsync(_db, Chat, "future-p1", T0 + Duration.FromMinutes(1), priority: 1);
        await using var host = new SchedulerTestHost(_db, T0, o => o.BatchSize = 1);

        for (var round = 0; round < 4; round++)
        {
            var report = await host.DispatchAsync();
            Assert.Equal(1, report.Claimed);
            Assert.True(report.BatchWasFull);
        }

        var last = await host.DispatchAsync();

        Assert.Equal(["p1-earlier", "p1-later", "p3", "p5"], host.Sender.Sends.Select(s => s.Text));
        Assert.Equal(0, last.Claimed);
        Assert.False(last.BatchWasFull);
        Assert.Equal(T0 + Duration.FromMinutes(1), last.NextDueTime);
    }

    [Fact]
    public async Task A_batch_is_sent_in_priority_order_too()
    {
        await ScheduledMessageRows.InsertAsync(_db, Chat, "low", T0 - Duration.FromMinutes(5), priority: 4);
        await ScheduledMessageRows.InsertAsync(_db, Chat, "high", T0, priority: 2);
        await using var host = new SchedulerTestHost(_db, T0);

        await host.DispatchAsync();

        Assert.Equal(["high", "low"], host.Sender.Sends.Select(s => s.Text));
    }

    [Fact]
    public async Task A_one_time_message_past_its_delivery_window_fails_with_the_reason_and_is_not_sent()
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, Chat, "too late", T0, deliveryWindowSeconds: 60);
        await using var host = new SchedulerTestHost(_db, T0 + Duration.FromMinutes(5));

        var report = await host.DispatchAsync();

        Assert.Equal(1, report.Expired);
        Assert.Empty(host.Sender.Sends);
        var row = await ScheduledMessageRows.ReadAsync(_db, id);
        Assert.Equal("failed", row.Status);
        var error = row.Errors[^1]!.AsObject();
        Assert.Equal("delivery_window_missed", (string?)error["code"]);
        Assert.Contains("delivery window", (string?)error["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_within_its_delivery_window_is_sent()
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, Chat, "just in time", T0, deliveryWindowSeconds: 600);
        await using var host = new SchedulerTestHost(_db, T0 + Duration.FromMinutes(5));

        await host.DispatchAsync();

        Assert.Single(host.Sender.Sends);
        Assert.Equal("sent", (await ScheduledMessageRows.ReadAsync(_db, id)).Status);
    }

    [Fact]
    public async Task A_recurring_message_past_its_delivery_window_moves_on_without_sending()
    {
        var id = await ScheduledMessageRows.InsertAsync(
            _db, Chat, "daily, late", T0, """{"recurrence":{"type":"daily","interval":1}}""", deliveryWindowSeconds: 60);
        await using var host = new SchedulerTestHost(_db, T0 + Duration.FromMinutes(5));

        await host.DispatchAsync();

        Assert.Empty(host.Sender.Sends);
        var row = await ScheduledMessageRows.ReadAsync(_db, id);
        Assert.Equal("pending", row.Status);
        Assert.Equal(T0 + Duration.FromDays(1), row.ScheduledTime);
        Assert.Equal("delivery_window_missed", (string?)row.Errors[^1]!["code"]);
    }

    [Fact]
    public async Task Transient_failures_retry_after_5_10_and_20_minutes_then_give_up_keeping_each_error()
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, Chat, "flaky", T0);
        await using var host = new SchedulerTestHost(_db, T0);
        host.Sender.Outcome = (_, _) => SendOutcome.Transient("http_502", "Bad Gateway");

        var expectedWaits = new[] { 5, 10, 20 };
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var report = await host.DispatchAsync();
            Assert.Equal(1, report.Retried);
            var row = await ScheduledMessageRows.ReadAsync(_db, id);
            Assert.Equal("rescheduled", row.Status);
            Assert.Equal(attempt, row.Attempts);
            Assert.Equal(host.Clock.GetCurrentInstant() + Duration.FromMinutes(expectedWaits[attempt - 1]), row.ScheduledTime);
            Assert.Equal(row.ScheduledTime, report.NextDueTime);

            // Not due before its backoff has passed.
            host.Clock.Advance(Duration.FromMinutes(expectedWaits[attempt - 1]) - Duration.FromSeconds(1));
            Assert.Equal(0, (await host.DispatchAsync()).Claimed);
            host.Clock.AdvanceSeconds(1);
        }

        var last = await host.DispatchAsync();
        host.Clock.AdvanceDays(1);
        await host.DispatchAsync();

        Assert.Equal(1, last.Failed);
        Assert.Equal(4, host.Sender.Sends.Count);
        var final = await ScheduledMessageRows.ReadAsync(_db, id);
        Assert.Equal("failed", final.Status);
        Assert.Equal(4, final.Attempts);
        Assert.Equal([1, 2, 3, 4], final.Errors.Select(e => (int)e!["attempt"]!));
        Assert.All(final.Errors, e => Assert.Equal("http_502", (string?)e!["code"]));
    }

    [Fact]
    public async Task A_recurring_message_that_exhausts_its_retries_records_the_failure_and_moves_on()
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, Chat, "daily flaky", T0, """{"recurrence":{"type":"daily","interval":1}}""");
        await using var host = new SchedulerTestHost(_db, T0, o => o.MaxAttempts = 1);
        host.Sender.Outcome = (_, _) => SendOutcome.Transient("timeout", "No answer in 30 s");

        await host.DispatchAsync();
        host.Clock.AdvanceMinutes(5);
        await host.DispatchAsync();

        var row = await ScheduledMessageRows.ReadAsync(_db, id);
        Assert.Equal("pending", row.Status);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(T0 + Duration.FromDays(1), row.ScheduledTime);
        Assert.Equal(2, row.Errors.Count);
    }

    [Fact]
    public async Task A_rate_limited_send_waits_retry_after_and_counts_no_attempt()
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, Chat, "busy", T0);
        await using var host = new SchedulerTestHost(_db, T0);
        host.Sender.Outcome = (_, _) => SendOutcome.RateLimited(TimeSpan.FromSeconds(30));

        var first = await host.DispatchAsync();
        var deferred = await ScheduledMessageRows.ReadAsync(_db, id);
        host.Clock.AdvanceSeconds(10);
        var early = await host.DispatchAsync();
        host.Sender.Outcome = (_, _) => SendOutcome.Delivered;
        host.Clock.AdvanceSeconds(20);
        var retry = await host.DispatchAsync();

        Assert.Equal(1, first.Deferred);
        Assert.Equal("pending", deferred.Status);
        Assert.Equal(0, deferred.Attempts);
        Assert.Equal(T0 + Duration.FromSeconds(30), deferred.ScheduledTime);
        Assert.Empty(deferred.Errors);
        Assert.Equal(0, early.Claimed);
        Assert.Equal(1, retry.Delivered);
        Assert.Equal("sent", (await ScheduledMessageRows.ReadAsync(_db, id)).Status);
    }

    [Fact]
    public async Task A_permanent_failure_fails_at_once_without_retries()
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, Chat, "blocked", T0, """{"recurrence":{"type":"daily","interval":1}}""");
        await using var host = new SchedulerTestHost(_db, T0);
        host.Sender.Outcome = (_, _) => SendOutcome.Permanent("http_403", "Forbidden: bot was blocked by the user");

        var report = await host.DispatchAsync();
        host.Clock.AdvanceDays(2);
        await host.DispatchAsync();

        Assert.Equal(1, report.Failed);
        Assert.Single(host.Sender.Sends);
        var row = await ScheduledMessageRows.ReadAsync(_db, id);
        Assert.Equal("failed", row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal("Forbidden: bot was blocked by the user", (string?)row.Errors.Single()!["description"]);
    }

    [Fact]
    public async Task A_recurring_message_after_a_long_outage_fires_once_then_resumes_on_schedule()
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, Chat, "daily", T0, """{"recurrence":{"type":"daily","interval":1}}""");
        await using var host = new SchedulerTestHost(_db, T0 + Duration.FromDays(5) + Duration.FromHours(2));

        var catchUp = await host.DispatchAsync();
        var again = await host.DispatchAsync();
        var afterCatchUp = await ScheduledMessageRows.ReadAsync(_db, id);
        host.Clock.Reset(T0 + Duration.FromDays(6));
        var onSchedule = await host.DispatchAsync();

        Assert.Equal(1, catchUp.Delivered);
        Assert.Equal(0, again.Claimed);
        Assert.Equal(T0 + Duration.FromDays(6), afterCatchUp.ScheduledTime);
        Assert.Equal(1, onSchedule.Delivered);
        Assert.Equal(2, host.Sender.Sends.Count);
        Assert.Equal(T0 + Duration.FromDays(7), (await ScheduledMessageRows.ReadAsync(_db, id)).ScheduledTime);
    }

    [Fact]
    public async Task A_row_without_a_zone_keeps_its_wall_clock_time_in_the_chats_zone_across_daylight_saving()
    {
        await _db.ExecuteAsync("INSERT INTO chat_settings (chat_id, time_zone_id) VALUES ($1, 'Europe/Berlin')", Chat);

        // 09:00 in Berlin (UTC+1) the day before summer time starts on 31 March 2030.
        var id = await ScheduledMessageRows.InsertAsync(
            _db, Chat, "guten Morgen", Instant.FromUtc(2030, 3, 30, 8, 0), """{"recurrence":{"type":"daily","interval":1}}""");
        await using var host = new SchedulerTestHost(_db, Instant.FromUtc(2030, 3, 30, 8, 0));

        await host.DispatchAsync();

        Assert.Equal(Instant.FromUtc(2030, 3, 31, 7, 0), (await ScheduledMessageRows.ReadAsync(_db, id)).ScheduledTime);
    }

    [Fact]
    public async Task Cancelling_a_round_stops_sending_and_releases_the_unsent_claims()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await ScheduledMessageRows.InsertAsync(_db, Chat, $"m{i}", T0 - Duration.FromMinutes(3 - i)));
        }

        await using var host = new SchedulerTestHost(_db, T0);
        using var shutdown = new CancellationTokenSource();
        host.Sender.BeforeAnswer = () =>
        {
            shutdown.Cancel();
            return Task.CompletedTask;
        };

        var report = await host.DispatchAsync("worker-1", shutdown.Token);
        var rows = await Task.WhenAll(ids.Select(id => ScheduledMessageRows.ReadAsync(_db, id)));
        host.Sender.BeforeAnswer = null;
        var next = await host.DispatchAsync("worker-2");

        Assert.Equal(3, report.Claimed);
        Assert.Equal(1, report.Delivered);
        Assert.Equal(2, report.Released);
        Assert.Equal("sent", rows[0].Status);
        Assert.All(rows[1..], r => Assert.Equal(("pending", (string?)null), (r.Status, r.LockedBy)));
        Assert.Equal(2, next.Delivered);
    }
}
