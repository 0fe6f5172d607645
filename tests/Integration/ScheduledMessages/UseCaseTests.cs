using NodaTime;
using ScheduledMessages.Application.Chats.GetSettings;
using ScheduledMessages.Application.Chats.SetTimeZone;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Application.ScheduledMessages.Cancel;
using ScheduledMessages.Application.ScheduledMessages.List;
using ScheduledMessages.Application.ScheduledMessages.Create;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>
/// The chat's use cases through the mediator, on a real database: one contract, run against
/// PostgreSQL (<see cref="PostgreSqlUseCaseTests"/>) and SQLite (<see cref="SqliteUseCaseTests"/>).
/// </summary>
public abstract class UseCaseTests : IAsyncLifetime
{
    private const long Chat = 555;
    private const long OtherChat = 666;

    // Monday 2030-01-07 10:00 UTC.
    private static readonly Instant Now = Instant.FromUtc(2030, 1, 7, 10, 0);

    private readonly TestStore _db;

    protected UseCaseTests(TestStore db) => _db = db;

    public Task InitializeAsync() => _db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Scheduling_a_one_time_message_stores_it_at_the_chats_wall_clock_time_and_describes_it()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        await host.SendAsync(new SetChatTimeZone(Chat, "Europe/Berlin"));

        var result = await host.SendAsync(new CreateScheduledMessage(Chat, 9, "Hello", Recurrence.OneTime, new LocalDateTime(2030, 1, 8, 9, 30), Priority: 2));

        Assert.True(result.IsSuccess, result.ToString());
        var dto = result.Value;
        Assert.NotEqual(Guid.Empty, dto.Id);
        Assert.Equal(Instant.FromUtc(2030, 1, 8, 8, 30), dto.NextSendTime);
        Assert.Equal("Europe/Berlin", dto.TimeZoneId);
        Assert.Equal(new LocalDateTime(2030, 1, 8, 9, 30), dto.NextSendLocal);
        Assert.Equal("once", dto.Description);
        Assert.Equal([dto.NextSendTime], dto.UpcomingSendTimes);
        var row = await ScheduledMessageRows.ReadAsync(_db, dto.Id);
        Assert.Equal(("pending", "once"), (row.Status, row.RecurrenceKind));
        Assert.Equal("Europe/Berlin", (string?)row.MetadataJson["timeZone"]);
        Assert.Equal((Chat, 9L, 2, "telegram", "Hello"), (row.ChatId, row.CreatedBy, row.Priority, row.Platform, row.Content));
    }

    [Fact]
    public async Task Scheduling_wakes_the_worker()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var signal = (Application.Abstractions.IDispatchSignal)host.Services.GetService(typeof(Application.Abstractions.IDispatchSignal))!;

        await host.SendAsync(new CreateScheduledMessage(Chat, null, "wake", Recurrence.OneTime, new LocalDateTime(2030, 1, 8, 9, 0)));

        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task A_recurring_schedule_without_a_time_starts_at_the_patterns_first_match_and_lists_the_next_three()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var weekly = new WeeklyRecurrence(1, [IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday], new LocalTime(8, 0));

        var result = await host.SendAsync(new CreateScheduledMessage(Chat, null, "gym", weekly, At: null));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("every week on Mon, Wed at 08:00", result.Value.Description);
        Assert.Equal(
            [Instant.FromUtc(2030, 1, 9, 8, 0), Instant.FromUtc(2030, 1, 14, 8, 0), Instant.FromUtc(2030, 1, 16, 8, 0)],
            result.Value.UpcomingSendTimes);
        var row = await ScheduledMessageRows.ReadAsync(_db, result.Value.Id);
        Assert.Equal("weekly", row.RecurrenceKind);
        Assert.Equal([0, 2], row.MetadataJson["recurrence"]!["days"]!.AsArray().Select(d => (int)d!));
    }

    [Fact]
    public async Task A_recurring_schedule_with_a_start_time_begins_at_its_first_match_from_then()
    {
        await using var host = new SchedulerTestHost(_db, Now);

        var result = await host.SendAsync(new CreateScheduledMessage(Chat, null, "water", new IntervalRecurrence(90), new LocalDateTime(2030, 1, 7, 12, 0)));

        Assert.Equal(
            [Instant.FromUtc(2030, 1, 7, 12, 0), Instant.FromUtc(2030, 1, 7, 13, 30), Instant.FromUtc(2030, 1, 7, 15, 0)],
            result.Value.UpcomingSendTimes);
    }

    [Fact]
    public async Task A_time_in_the_past_is_refused_and_nothing_is_stored()
    {
        await using var host = new SchedulerTestHost(_db, Now);

        var result = await host.SendAsync(new CreateScheduledMessage(Chat, null, "late", Recurrence.OneTime, new LocalDateTime(2030, 1, 7, 9, 59)));

        Assert.Equal(new LocalDateTime(2030, 1, 7, 9, 59), Assert.IsType<UseCaseFailure.TimeInPast>(result.Failure).Time);
        Assert.Empty(await _db.QueryAsync("SELECT id FROM scheduled_messages"));
    }

    [Fact]
    public async Task A_time_more_than_ten_years_ahead_is_refused()
    {
        await using var host = new SchedulerTestHost(_db, Now);

        var result = await host.SendAsync(new CreateScheduledMessage(Chat, null, "far", Recurrence.OneTime, new LocalDateTime(2041, 1, 1, 0, 0)));

        Assert.Equal(new UseCaseFailure.TooFarAhead(new LocalDateTime(2041, 1, 1, 0, 0)), result.Failure);
    }

    [Fact]
    public async Task A_chat_cannot_exceed_its_active_schedule_limit()
    {
        await using var host = new SchedulerTestHost(_db, Now, o => o.MaxActiveSchedulesPerChat = 2);
        var at = new LocalDateTime(2030, 2, 1, 9, 0);
        await host.SendAsync(new CreateScheduledMessage(Chat, null, "1", Recurrence.OneTime, at));
        await host.SendAsync(new CreateScheduledMessage(Chat, null, "2", Recurrence.OneTime, at));

        var third = await host.SendAsync(new CreateScheduledMessage(Chat, null, "3", Recurrence.OneTime, at));
        var otherChat = await host.SendAsync(new CreateScheduledMessage(OtherChat, null, "1", Recurrence.OneTime, at));

        Assert.Equal(new UseCaseFailure.LimitReached(2, 2), third.Failure);
        Assert.True(otherChat.IsSuccess);
    }

    [Fact]
    public async Task An_invalid_request_is_answered_with_every_problem_and_never_reaches_the_table()
    {
        await using var host = new SchedulerTestHost(_db, Now);

        var result = await host.SendAsync(new CreateScheduledMessage(Chat, null, "  ", Recurrence.OneTime, null, Priority: 9));

        Assert.Equal(3, Assert.IsType<UseCaseFailure.Invalid>(result.Failure).Messages.Count);
        Assert.Empty(await _db.QueryAsync("SELECT id FROM scheduled_messages"));
    }

    [Fact]
    public async Task Cancelling_works_only_within_the_requesting_chat_and_twice_is_fine()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var created = (await host.SendAsync(new CreateScheduledMessage(Chat, null, "x", Recurrence.OneTime, new LocalDateTime(2030, 1, 8, 9, 0)))).Value;

        var fromOtherChat = await host.SendAsync(new CancelScheduledMessage(created.Id, OtherChat, null, IsPrivateChat: true));
        var first = await host.SendAsync(new CancelScheduledMessage(created.Id, Chat, null, IsPrivateChat: true));
        var second = await host.SendAsync(new CancelScheduledMessage(created.Id, Chat, null, IsPrivateChat: true));
        var unknown = await host.SendAsync(new CancelScheduledMessage(Guid.NewGuid(), Chat, null, IsPrivateChat: true));

        Assert.IsType<UseCaseFailure.NotFound>(fromOtherChat.Failure);
        Assert.Equal(MessageStatus.Cancelled, first.Value.Status);
        Assert.True(second.IsSuccess);
        Assert.IsType<UseCaseFailure.NotFound>(unknown.Failure);
        Assert.Equal("cancelled", (await ScheduledMessageRows.ReadAsync(_db, created.Id)).Status);
    }

    [Fact]
    public async Task A_sent_or_failed_message_cannot_be_cancelled()
    {
        var sent = await ScheduledMessageRows.InsertAsync(_db, Chat, "done", Now, status: "sent");
        var failed = await ScheduledMessageRows.InsertAsync(_db, Chat, "broken", Now, status: "failed");
        await using var host = new SchedulerTestHost(_db, Now);

        var cancelSent = await host.SendAsync(new CancelScheduledMessage(sent, Chat, null, IsPrivateChat: true));
        var cancelFailed = await host.SendAsync(new CancelScheduledMessage(failed, Chat, null, IsPrivateChat: true));

        Assert.Equal(MessageStatus.Sent, Assert.IsType<UseCaseFailure.WrongState>(cancelSent.Failure).Status);
        Assert.Equal(MessageStatus.Failed, Assert.IsType<UseCaseFailure.WrongState>(cancelFailed.Failure).Status);
        Assert.Equal("sent", (await ScheduledMessageRows.ReadAsync(_db, sent)).Status);
    }

    [Fact]
    public async Task Listing_filters_by_kind_including_rows_written_by_other_tools()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        await host.SendAsync(new CreateScheduledMessage(Chat, null, "daily via bot", new DailyRecurrence(1, new LocalTime(9, 0)), null));
        await host.SendAsync(new CreateScheduledMessage(Chat, null, "once via bot", Recurrence.OneTime, new LocalDateTime(2030, 1, 9, 9, 0)));
        await ScheduledMessageRows.InsertAsync(_db, Chat, "daily via sql", Now + Duration.FromHours(1), """{"recurrence":{"type":"Daily","interval":1}}""");
        await ScheduledMessageRows.InsertAsync(_db, Chat, "custom via sql", Now + Duration.FromHours(2), """{"recurrence":{"type":"custom","minutes":120}}""");
        await ScheduledMessageRows.InsertAsync(_db, OtherChat, "daily elsewhere", Now + Duration.FromHours(1), """{"recurrence":{"type":"daily","interval":1}}""");

        var daily = (await host.SendAsync(new ListScheduledMessages(Chat, Kind: "DAILY"))).Value;
        var once = (await host.SendAsync(new ListScheduledMessages(Chat, Kind: "once"))).Value;
        var custom = (await host.SendAsync(new ListScheduledMessages(Chat, Kind: "custom"))).Value;

        Assert.Equal(["daily via sql", "daily via bot"], daily.Items.Select(i => i.Content));
        Assert.Equal(2, daily.TotalCount);
        Assert.Equal(["once via bot"], once.Items.Select(i => i.Content));
        Assert.Equal("every 2 hours", Assert.Single(custom.Items).Description);
    }

    [Fact]
    public async Task Listing_shows_active_messages_by_default_and_other_statuses_on_request()
    {
        await ScheduledMessageRows.InsertAsync(_db, Chat, "pending", Now + Duration.FromHours(1));
        await ScheduledMessageRows.InsertAsync(_db, Chat, "retrying", Now + Duration.FromHours(2), status: "rescheduled");
        await ScheduledMessageRows.InsertAsync(_db, Chat, "sent", Now - Duration.FromHours(1), status: "sent");
        await ScheduledMessageRows.InsertAsync(_db, Chat, "cancelled", Now + Duration.FromHours(3), status: "cancelled");
        await using var host = new SchedulerTestHost(_db, Now);

        var active = (await host.SendAsync(new ListScheduledMessages(Chat))).Value;
        var sent = (await host.SendAsync(new ListScheduledMessages(Chat, ScheduledMessageStatusFilter.Sent))).Value;
        var all = (await host.SendAsync(new ListScheduledMessages(Chat, ScheduledMessageStatusFilter.All))).Value;

        Assert.Equal(["pending", "retrying"], active.Items.Select(i => i.Content));
        Assert.Equal(["sent"], sent.Items.Select(i => i.Content));
        Assert.Empty(sent.Items[0].UpcomingSendTimes);
        Assert.Equal(4, all.TotalCount);
    }

    [Fact]
    public async Task Listing_sorts_by_next_time_created_or_priority_and_pages_with_a_total()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        await host.SendAsync(new CreateScheduledMessage(Chat, null, "c: 3rd soonest, p1", Recurrence.OneTime, new LocalDateTime(2030, 1, 10, 9, 0), Priority: 1));
        host.Clock.AdvanceSeconds(1);
        await host.SendAsync(new CreateScheduledMessage(Chat, null, "a: soonest, p5", Recurrence.OneTime, new LocalDateTime(2030, 1, 8, 9, 0), Priority: 5));
        host.Clock.AdvanceSeconds(1);
        await host.SendAsync(new CreateScheduledMessage(Chat, null, "b: 2nd soonest, p3", Recurrence.OneTime, new LocalDateTime(2030, 1, 9, 9, 0), Priority: 3));

        var byTime = (await host.SendAsync(new ListScheduledMessages(Chat))).Value;
        var byCreated = (await host.SendAsync(new ListScheduledMessages(Chat, Sort: ScheduledMessageSort.Created))).Value;
        var byPriority = (await host.SendAsync(new ListScheduledMessages(Chat, Sort: ScheduledMessageSort.Priority))).Value;
        var page2 = (await host.SendAsync(new ListScheduledMessages(Chat, Page: 2, PageSize: 2))).Value;

        Assert.Equal(["a: soonest, p5", "b: 2nd soonest, p3", "c: 3rd soonest, p1"], byTime.Items.Select(i => i.Content));
        Assert.Equal(["b: 2nd soonest, p3", "a: soonest, p5", "c: 3rd soonest, p1"], byCreated.Items.Select(i => i.Content));
        Assert.Equal(["c: 3rd soonest, p1", "b: 2nd soonest, p3", "a: soonest, p5"], byPriority.Items.Select(i => i.Content));
        Assert.Equal(["c: 3rd soonest, p1"], page2.Items.Select(i => i.Content));
        Assert.Equal((3, 2, false), (page2.TotalCount, page2.TotalPages, page2.HasNextPage));
    }

    [Fact]
    public async Task A_chat_without_settings_gets_the_default_zone_until_it_sets_one()
    {
        await using var host = new SchedulerTestHost(_db, Now, o => o.DefaultTimeZone = "America/New_York");

        var before = (await host.SendAsync(new GetChatSettings(Chat))).Value;
        var set = await host.SendAsync(new SetChatTimeZone(Chat, "asia/tokyo"));
        var after = (await host.SendAsync(new GetChatSettings(Chat))).Value;
        var changed = await host.SendAsync(new SetChatTimeZone(Chat, "Europe/Paris"));

        Assert.Equal(("America/New_York", true), (before.TimeZoneId, before.IsDefault));
        Assert.Equal(("Asia/Tokyo", new LocalDateTime(2030, 1, 7, 19, 0)), (set.Value.TimeZoneId, set.Value.LocalNow));
        Assert.Equal(("Asia/Tokyo", false), (after.TimeZoneId, after.IsDefault));
        Assert.Equal("Europe/Paris", changed.Value.TimeZoneId);
        Assert.Single(await _db.QueryAsync("SELECT chat_id FROM chat_settings"));
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_with_suggestions()
    {
        await using var host = new SchedulerTestHost(_db, Now);

        var result = await host.SendAsync(new SetChatTimeZone(Chat, "Europe/Berln"));

        Assert.Contains("Did you mean Europe/Berlin", Assert.Single(Assert.IsType<UseCaseFailure.Invalid>(result.Failure).Messages), StringComparison.Ordinal);
        Assert.Empty(await _db.QueryAsync("SELECT chat_id FROM chat_settings"));
    }
}
