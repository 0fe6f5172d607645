using CsCheck;
using NodaTime;
using ScheduledMessages.Domain.Common;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;
using static ScheduledMessages.Unit.Domain.Zones;

namespace ScheduledMessages.Unit.Domain;

public sealed class ScheduledMessageTests
{
    private const long ChatId = 4242;

    // Monday 4 May 2026, 08:00 in Berlin (CEST).
    private static readonly Instant Now = Berlin.Local(2026, 5, 4, 8);
    private static readonly Instant NineOClock = Berlin.Local(2026, 5, 4, 9);
    private static readonly DailyRecurrence DailyAtNine = new(1, Time(9));

    private static Result<ScheduledMessage> TryCreate(
        string content = "Take your pills",
        Recurrence? recurrence = null,
        Instant? first = null,
        int priority = ScheduledMessage.DefaultPriority,
        Duration? window = null,
        long chatId = ChatId) =>
        ScheduledMessage.Create(
            Guid.NewGuid(), chatId, 7, content, recurrence ?? Recurrence.OneTime, first ?? NineOClock, Now, priority, window, "Europe/Berlin");

    private static ScheduledMessage OneTime(Duration? window = null) => TryCreate(window: window).Value;

    private static ScheduledMessage Daily(Duration? window = null) => TryCreate(recurrence: DailyAtNine, window: window).Value;

    private static void FailTransiently(ScheduledMessage message, Instant at, BackoffPolicy? policy = null) =>
        Assert.True(message.RecordTransientFailure(at, "500", "Internal Server Error", policy ?? BackoffPolicy.Default, Berlin).IsSuccess);

    // ---- the factory ----

    [Fact]
    public void A_new_message_is_pending_at_its_first_occurrence()
    {
        var id = Guid.NewGuid();

        var message = ScheduledMessage.Create(id, ChatId, 7, "Hello", DailyAtNine, NineOClock, Now, timeZoneId: "Europe/Berlin").Value;

        Assert.Equal(id, message.Id);
        Assert.Equal(ChatId, message.ChatId);
        Assert.Equal(7, message.CreatedBy);
        Assert.Equal("Hello", message.Content);
        Assert.Equal(MessageStatus.Pending, message.Status);
        Assert.True(message.IsActive);
        Assert.Equal(NineOClock, message.ScheduledTime);
        Assert.Equal(NineOClock, message.OccurrenceTime);
        Assert.Equal(Now, message.CreatedAt);
        Assert.Equal(0, message.Attempts);
        Assert.Null(message.LastAttemptTime);
        Assert.Equal(3, message.Priority);
        Assert.Null(message.DeliveryWindow);
        Assert.Equal(DailyAtNine, message.Recurrence);
        Assert.True(message.IsRecurring);
        Assert.Equal("Europe/Berlin", message.TimeZoneId);
        Assert.Empty(message.Errors);
        Assert.Equal(0, message.Deliveries);
        Assert.Null(message.UnreadableReason);
    }

    [Fact]
    public void A_message_without_a_zone_of_its_own_uses_the_chats()
    {
        var message = ScheduledMessage.Create(Guid.NewGuid(), ChatId, null, "Hello", Recurrence.OneTime, NineOClock, Now).Value;

        Assert.Null(message.TimeZoneId);
        Assert.Null(message.CreatedBy);
    }

    [Fact]
    public void An_empty_id_is_a_programming_error_not_a_fresh_id() =>
        // The caller chooses the id (a random one, see ADR 0501); the aggregate never makes one up.
        Assert.Throws<ArgumentOutOfRangeException>(
            () => ScheduledMessage.Create(Guid.Empty, ChatId, null, "Hello", Recurrence.OneTime, NineOClock, Now));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\t  ")]
    public void Blank_content_is_refused(string content) =>
        AssertRefused(ScheduledMessageErrors.EmptyContent, TryCreate(content));

    [Fact]
    public void Content_of_4096_characters_is_accepted_and_4097_refused()
    {
        Assert.True(TryCreate(new string('x', 4096)).IsSuccess);
        AssertRefused(ScheduledMessageErrors.ContentTooLong, TryCreate(new string('x', 4097)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Priorities_1_to_5_are_accepted(int priority) =>
        Assert.Equal(priority, TryCreate(priority: priority).Value.Priority);

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Priorities_outside_1_to_5_are_refused(int priority) =>
        AssertRefused(ScheduledMessageErrors.PriorityOutOfRange, TryCreate(priority: priority));

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void A_delivery_window_that_is_not_positive_is_refused(int seconds) =>
        AssertRefused(ScheduledMessageErrors.DeliveryWindowNotPositive, TryCreate(window: Duration.FromSeconds(seconds)));

    [Fact]
    public void A_positive_delivery_window_is_kept() =>
        Assert.Equal(Duration.FromSeconds(1), TryCreate(window: Duration.FromSeconds(1)).Value.DeliveryWindow);

    [Fact]
    public void The_first_occurrence_must_be_strictly_in_the_future()
    {
        AssertRefused(ScheduledMessageErrors.FirstOccurrenceNotInFuture, TryCreate(first: Now));
        AssertRefused(ScheduledMessageErrors.FirstOccurrenceNotInFuture, TryCreate(first: Now - Duration.FromMinutes(1)));
        Assert.True(TryCreate(first: Now + Duration.FromNanoseconds(1)).IsSuccess);
    }

    [Fact]
    public void A_chat_is_required_and_group_chats_have_negative_ids()
    {
        AssertRefused(ScheduledMessageErrors.MissingChat, TryCreate(chatId: 0));
        Assert.True(TryCreate(chatId: -1001234567890).IsSuccess);
    }

    [Fact]
    public void Refusals_carry_a_code_and_words_for_the_chat()
    {
        var errors = new[]
        {
            ScheduledMessageErrors.EmptyContent, ScheduledMessageErrors.ContentTooLong, ScheduledMessageErrors.PriorityOutOfRange,
            ScheduledMessageErrors.DeliveryWindowNotPositive, ScheduledMessageErrors.FirstOccurrenceNotInFuture,
            ScheduledMessageErrors.MissingChat, ScheduledMessageErrors.NotExpired, ScheduledMessageErrors.NotPending(MessageStatus.Sent),
        };

        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Code) || string.IsNullOrWhiteSpace(e.Message)));
        Assert.Equal(errors.Length, errors.Select(e => e.Code).Distinct().Count());
    }

    // ---- delivered ----

    [Fact]
    public void A_delivered_one_time_message_is_sent()
    {
        var message = OneTime();
        var at = NineOClock + Duration.FromSeconds(2);

        Assert.True(message.MarkDelivered(at, Berlin).IsSuccess);

        Assert.Equal(MessageStatus.Sent, message.Status);
        Assert.False(message.IsActive);
        Assert.Equal(at, message.LastAttemptTime);
        Assert.Equal(1, message.Deliveries);
    }

    [Fact]
    public void A_delivered_recurring_message_moves_to_its_next_occurrence_with_attempts_reset()
    {
        var message = Daily();
        FailTransiently(message, NineOClock);
        FailTransiently(message, NineOClock + Duration.FromMinutes(5));

        Assert.True(message.MarkDelivered(NineOClock + Duration.FromMinutes(15), Berlin).IsSuccess);

        Assert.Equal(MessageStatus.Pending, message.Status);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(Berlin.Local(2026, 5, 5, 9), message.ScheduledTime);
        Assert.Equal(message.ScheduledTime, message.OccurrenceTime);
        Assert.Equal(1, message.Deliveries);
    }

    [Fact]
    public void A_late_retry_does_not_shift_the_schedule_of_a_pattern_without_a_time_of_day()
    {
        // A row from another tool: daily, no "time"; the time of day is the occurrence's (09:00), not the retry's.
        var message = TryCreate(recurrence: new DailyRecurrence(1, null)).Value;
        FailTransiently(message, NineOClock);
        FailTransiently(message, NineOClock + Duration.FromMinutes(5));

        message.MarkDelivered(NineOClock + Duration.FromMinutes(17), Berlin);

        Assert.Equal(Berlin.Local(2026, 5, 5, 9), message.ScheduledTime);
    }

    [Fact]
    public void After_a_long_outage_a_recurring_message_fires_once_then_resumes_on_schedule()
    {
        var daily = Daily();
        var hourly = TryCreate(recurrence: new IntervalRecurrence(60)).Value;
        var backAt = Berlin.Local(2026, 5, 20, 14, 20);

        daily.MarkDelivered(backAt, Berlin);
        hourly.MarkDelivered(backAt, Berlin);

        Assert.Equal(Berlin.Local(2026, 5, 21, 9), daily.ScheduledTime);
        Assert.Equal(Berlin.Local(2026, 5, 20, 15), hourly.ScheduledTime);
    }

    [Fact]
    public void Delivered_exactly_at_the_next_occurrence_moves_past_it()
    {
        var hourly = TryCreate(recurrence: new IntervalRecurrence(60)).Value;
        var tenOClock = NineOClock + Duration.FromHours(1);

        hourly.MarkDelivered(tenOClock, Berlin);

        Assert.Equal(tenOClock + Duration.FromHours(1), hourly.ScheduledTime);
    }

    [Fact]
    public void A_daily_message_on_the_autumn_night_is_sent_once_and_on_the_spring_night_an_hour_later()
    {
        // 02:30 happens twice in Berlin on 25 October 2026 and not at all on 29 March 2026.
        var autumn = ScheduledMessage.Create(Guid.NewGuid(), ChatId, null, "x", new DailyRecurrence(1, Time(2, 30)), Zones.At(2026, 10, 25, 2, 30, Hours(2)), Now).Value;
        var spring = ScheduledMessage.Create(Guid.NewGuid(), ChatId, null, "x", new DailyRecurrence(1, Time(2, 30)), Zones.At(2026, 3, 28, 2, 30, Hours(1)), Utc(2026, 3, 1)).Value;

        autumn.MarkDelivered(autumn.ScheduledTime + Duration.FromSeconds(1), Berlin);
        spring.MarkDelivered(spring.ScheduledTime + Duration.FromSeconds(1), Berlin);
        var springNight = spring.ScheduledTime;
        spring.MarkDelivered(springNight + Duration.FromSeconds(1), Berlin);

        Assert.Equal(Clock(2026, 10, 26, 2, 30, Hours(1)), autumn.ScheduledTime.In(Berlin));
        Assert.Equal(Clock(2026, 3, 29, 3, 30, Hours(2)), springNight.In(Berlin));
        Assert.Equal(Clock(2026, 3, 30, 2, 30, Hours(2)), spring.ScheduledTime.In(Berlin));
    }

    [Fact]
    public void Delivered_recurring_messages_always_move_strictly_into_the_future_in_phase() =>
        Gen.Select(RecurrenceGen.Recurring, RecurrenceGen.Zone, RecurrenceGen.AnyInstant, Gen.Long[0, 400L * 24 * 60 * 60]).Sample(
            (pattern, zone, created, lateBySeconds) =>
            {
                var first = pattern.FirstAfter(created, zone)!.Value;
                var message = ScheduledMessage.Create(Guid.NewGuid(), ChatId, null, "x", pattern, first, created).Value;
                var now = first + Duration.FromSeconds(lateBySeconds);

                Assert.True(message.MarkDelivered(now, zone).IsSuccess);

                Assert.Equal(MessageStatus.Pending, message.Status);
                Assert.Equal(0, message.Attempts);
                Assert.True(message.ScheduledTime > now);
                Assert.Equal(pattern.NextAfter(first, now, zone), message.ScheduledTime);
            },
            iter: 500);

    // ---- transient failures ----

    [Fact]
    public void Transient_failures_back_off_5_10_20_minutes_then_a_one_time_message_fails()
    {
        var message = OneTime();
        var at = NineOClock;
        foreach (var minutes in new[] { 5, 10, 20 })
        {
            FailTransiently(message, at);
            Assert.Equal(MessageStatus.Rescheduled, message.Status);
            Assert.Equal(at + Duration.FromMinutes(minutes), message.ScheduledTime);
            Assert.Equal(NineOClock, message.OccurrenceTime);
            Assert.True(message.IsActive);
            at = message.ScheduledTime;
        }

        FailTransiently(message, at);

        Assert.Equal(MessageStatus.Failed, message.Status);
        Assert.Equal(4, message.Attempts);
        Assert.Equal(at, message.LastAttemptTime);
        Assert.Equal([1, 2, 3, 4], message.Errors.Select(e => e.Attempt));
        Assert.All(message.Errors, e => Assert.Equal("500", e.Code));
    }

    [Fact]
    public void A_recurring_message_that_exhausts_its_retries_moves_on_to_its_next_occurrence()
    {
        var message = Daily();
        var at = NineOClock;
        for (var i = 0; i < 4; i++)
        {
            FailTransiently(message, at);
            at = message.ScheduledTime;
        }

        Assert.Equal(MessageStatus.Pending, message.Status);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(Berlin.Local(2026, 5, 5, 9), message.ScheduledTime);
        Assert.Equal(4, message.Errors.Count);
        Assert.Equal(0, message.Deliveries);
    }

    [Fact]
    public void The_backoff_policy_is_the_callers()
    {
        var quick = new BackoffPolicy(Duration.FromMinutes(1), 1);
        var message = OneTime();

        FailTransiently(message, NineOClock, quick);
        Assert.Equal(NineOClock + Duration.FromMinutes(1), message.ScheduledTime);

        FailTransiently(message, message.ScheduledTime, quick);
        Assert.Equal(MessageStatus.Failed, message.Status);
    }

    [Fact]
    public void With_no_retries_the_first_transient_failure_gives_up()
    {
        var message = OneTime();

        FailTransiently(message, NineOClock, new BackoffPolicy(Duration.FromMinutes(5), 0));

        Assert.Equal(MessageStatus.Failed, message.Status);
    }

    // ---- permanent failures ----

    [Fact]
    public void A_permanent_failure_fails_at_once_without_retries()
    {
        var oneTime = OneTime();
        var daily = Daily();

        Assert.True(oneTime.RecordPermanentFailure(NineOClock, "403", "Forbidden: bot was blocked by the user").IsSuccess);
        Assert.True(daily.RecordPermanentFailure(NineOClock, "400", "Bad Request: chat not found").IsSuccess);

        Assert.Equal(MessageStatus.Failed, oneTime.Status);
        Assert.Equal(MessageStatus.Failed, daily.Status);
        Assert.Equal(1, oneTime.Attempts);
        Assert.Equal(new DeliveryError(NineOClock, 1, "403", "Forbidden: bot was blocked by the user"), Assert.Single(oneTime.Errors));
    }

    // ---- the delivery window ----

    [Fact]
    public void The_delivery_window_is_inclusive_of_its_end()
    {
        var message = OneTime(Duration.FromMinutes(10));

        Assert.False(message.IsPastDeliveryWindow(NineOClock + Duration.FromMinutes(10)));
        Assert.True(message.IsPastDeliveryWindow(NineOClock + Duration.FromMinutes(10) + Duration.FromSeconds(1)));
        Assert.False(OneTime().IsPastDeliveryWindow(NineOClock + Duration.FromDays(365)));
    }

    [Fact]
    public void A_one_time_message_past_its_window_fails_with_the_reason()
    {
        var message = OneTime(Duration.FromMinutes(10));
        var late = NineOClock + Duration.FromMinutes(25);

        Assert.True(message.SkipExpired(late, Berlin).IsSuccess);

        Assert.Equal(MessageStatus.Failed, message.Status);
        var error = Assert.Single(message.Errors);
        Assert.Equal(ScheduledMessage.DeliveryWindowMissedCode, error.Code);
        Assert.Equal(late, error.Time);
        Assert.Contains("25 min late", error.Description, StringComparison.Ordinal);
        Assert.Contains("10 min", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recurring_message_past_its_window_moves_on_to_its_next_occurrence()
    {
        var message = Daily(Duration.FromMinutes(10));
        var late = Berlin.Local(2026, 5, 6, 12);

        Assert.True(message.SkipExpired(late, Berlin).IsSuccess);

        Assert.Equal(MessageStatus.Pending, message.Status);
        Assert.Equal(Berlin.Local(2026, 5, 7, 9), message.ScheduledTime);
        Assert.Equal(ScheduledMessage.DeliveryWindowMissedCode, Assert.Single(message.Errors).Code);
    }

    [Fact]
    public void A_message_within_its_window_is_not_skipped()
    {
        var message = OneTime(Duration.FromMinutes(10));

        AssertRefused(ScheduledMessageErrors.NotExpired, message.SkipExpired(NineOClock + Duration.FromMinutes(5), Berlin));
        AssertRefused(ScheduledMessageErrors.NotExpired, OneTime().SkipExpired(NineOClock + Duration.FromDays(2), Berlin));

        Assert.Equal(MessageStatus.Pending, message.Status);
        Assert.Empty(message.Errors);
    }

    [Fact]
    public void Retries_and_deferrals_do_not_extend_the_delivery_window()
    {
        // Window 30 min from 09:00: retries at 09:05, 09:15 and 09:35; the last is past 09:30.
        var message = OneTime(Duration.FromMinutes(30));
        FailTransiently(message, NineOClock);
        FailTransiently(message, message.ScheduledTime);
        Assert.False(message.IsPastDeliveryWindow(message.ScheduledTime));
        FailTransiently(message, message.ScheduledTime);

        Assert.Equal(NineOClock + Duration.FromMinutes(35), message.ScheduledTime);
        Assert.True(message.IsPastDeliveryWindow(message.ScheduledTime));

        var deferred = OneTime(Duration.FromMinutes(30));
        deferred.Defer(NineOClock + Duration.FromMinutes(31));
        Assert.True(deferred.IsPastDeliveryWindow(deferred.ScheduledTime));
        Assert.Equal(NineOClock, deferred.OccurrenceTime);
    }

    // ---- deferral (rate limit) ----

    [Fact]
    public void Deferring_moves_the_time_without_counting_an_attempt()
    {
        var message = OneTime();
        var until = NineOClock + Duration.FromSeconds(30);

        Assert.True(message.Defer(until).IsSuccess);

        Assert.Equal(until, message.ScheduledTime);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(MessageStatus.Pending, message.Status);
        Assert.Empty(message.Errors);
        Assert.Equal(NineOClock, message.OccurrenceTime);
    }

    [Fact]
    public void Deferring_a_retry_keeps_it_a_retry_with_its_attempts()
    {
        var message = OneTime();
        FailTransiently(message, NineOClock);

        message.Defer(message.ScheduledTime + Duration.FromSeconds(3));

        Assert.Equal(MessageStatus.Rescheduled, message.Status);
        Assert.Equal(1, message.Attempts);
    }

    // ---- cancel ----

    [Fact]
    public void Cancelling_a_pending_message_cancels_it()
    {
        var message = Daily();

        Assert.True(message.Cancel().IsSuccess);

        Assert.Equal(MessageStatus.Cancelled, message.Status);
        Assert.False(message.IsActive);
    }

    [Fact]
    public void Cancelling_a_retry_cancels_it()
    {
        var message = OneTime();
        FailTransiently(message, NineOClock);

        Assert.True(message.Cancel().IsSuccess);

        Assert.Equal(MessageStatus.Cancelled, message.Status);
    }

    [Fact]
    public void Cancelling_twice_is_a_harmless_no_op()
    {
        var message = OneTime();
        message.Cancel();

        Assert.True(message.Cancel().IsSuccess);
        Assert.Equal(MessageStatus.Cancelled, message.Status);
    }

    [Fact]
    public void A_sent_message_cannot_be_cancelled()
    {
        var message = OneTime();
        message.MarkDelivered(NineOClock, Berlin);

        var result = message.Cancel();

        Assert.Equal("status.not_pending", result.Error?.Code);
        Assert.Contains("sent", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(MessageStatus.Sent, message.Status);
    }

    [Fact]
    public void A_failed_message_cannot_be_cancelled()
    {
        var message = OneTime();
        message.RecordPermanentFailure(NineOClock, "403", "Forbidden");

        var result = message.Cancel();

        Assert.True(result.IsFailure);
        Assert.Contains("failed", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(MessageStatus.Failed, message.Status);
    }

    // ---- illegal transitions ----

    public static TheoryData<string, string> FinishedStatesAndOperations()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in new[] { "sent", "failed", "cancelled" })
        {
            foreach (var operation in new[] { "deliver", "transient", "permanent", "expire", "defer" })
            {
                data.Add(state, operation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FinishedStatesAndOperations))]
    public void A_finished_message_refuses_every_further_transition(string state, string operation)
    {
        var message = OneTime(Duration.FromMinutes(1));
        _ = state switch
        {
            "sent" => message.MarkDelivered(NineOClock, Berlin),
            "failed" => message.RecordPermanentFailure(NineOClock, "403", "Forbidden"),
            _ => message.Cancel(),
        };
        var status = message.Status;
        var scheduled = message.ScheduledTime;
        var attempts = message.Attempts;
        var errors = message.Errors.Count;
        var later = NineOClock + Duration.FromHours(1);

        var result = operation switch
        {
            "deliver" => message.MarkDelivered(later, Berlin),
            "transient" => message.RecordTransientFailure(later, "500", "oops", BackoffPolicy.Default, Berlin),
            "permanent" => message.RecordPermanentFailure(later, "403", "Forbidden"),
            "expire" => message.SkipExpired(later, Berlin),
            _ => message.Defer(later),
        };

        Assert.True(result.IsFailure);
        Assert.Equal(ScheduledMessageErrors.NotPending(status), result.Error);
        Assert.Equal(status, message.Status);
        Assert.Equal(scheduled, message.ScheduledTime);
        Assert.Equal(attempts, message.Attempts);
        Assert.Equal(errors, message.Errors.Count);
    }

    // ---- the occurrence and the count of deliveries ----

    [Fact]
    public void Retries_move_the_scheduled_time_but_not_the_occurrence_time_until_it_is_delivered()
    {
        var message = Daily();

        FailTransiently(message, NineOClock);
        FailTransiently(message, message.ScheduledTime);

        Assert.Equal(NineOClock + Duration.FromMinutes(15), message.ScheduledTime);
        Assert.Equal(NineOClock, message.OccurrenceTime);

        message.MarkDelivered(message.ScheduledTime, Berlin);

        Assert.Equal(Berlin.Local(2026, 5, 5, 9), message.OccurrenceTime);
        Assert.Equal(message.OccurrenceTime, message.ScheduledTime);
    }

    [Fact]
    public void Deliveries_count_every_occurrence_sent_and_not_the_failed_ones()
    {
        var message = Daily();

        message.MarkDelivered(NineOClock, Berlin);
        FailTransiently(message, message.ScheduledTime);
        message.MarkDelivered(message.ScheduledTime, Berlin);
        message.RecordPermanentFailure(message.ScheduledTime, "403", "Forbidden");

        Assert.Equal(2, message.Deliveries);
        Assert.Equal(["500", "403"], message.Errors.Select(e => e.Code));
    }

    // ---- error history ----

    [Fact]
    public void Error_history_keeps_the_newest_errors_last_up_to_the_cap()
    {
        var patient = new BackoffPolicy(Duration.FromMinutes(1), 100);
        var message = OneTime();
        var failures = ScheduledMessage.MaxErrors + 5;
        for (var i = 0; i < failures; i++)
        {
            FailTransiently(message, message.ScheduledTime, patient);
        }

        Assert.Equal(ScheduledMessage.MaxErrors, message.Errors.Count);
        Assert.Equal(Enumerable.Range(6, ScheduledMessage.MaxErrors), message.Errors.Select(e => e.Attempt));
        Assert.Equal(failures, message.Attempts);
    }

    [Fact]
    public void Error_history_of_a_recurring_message_spans_occurrences_and_stays_capped()
    {
        var message = Daily();
        for (var i = 0; i < 12; i++)
        {
            FailTransiently(message, message.ScheduledTime);
        }

        // Three occurrences gave up after 4 failures each; the cap keeps the last ten.
        Assert.Equal(ScheduledMessage.MaxErrors, message.Errors.Count);
        Assert.Equal([3, 4, 1, 2, 3, 4, 1, 2, 3, 4], message.Errors.Select(e => e.Attempt));
        Assert.Equal(Berlin.Local(2026, 5, 7, 9), message.ScheduledTime);
    }

    private static void AssertRefused(DomainError expected, Result result)
    {
        Assert.True(result.IsFailure, $"Expected {expected.Code}, but it succeeded.");
        Assert.Equal(expected, result.Error);
    }
}
