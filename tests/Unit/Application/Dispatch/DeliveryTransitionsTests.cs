using System.Reflection;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Unit.Application.Dispatch;

public sealed class DeliveryTransitionsTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    // Monday 4 May 2026: created at 08:00, due at 09:00 Berlin time (CEST, UTC+2).
    private static readonly Instant Created = Instant.FromUtc(2026, 5, 4, 6, 0);
    private static readonly Instant Nine = Instant.FromUtc(2026, 5, 4, 7, 0);
    private static readonly Instant NineTomorrow = Instant.FromUtc(2026, 5, 5, 7, 0);
    private static readonly BackoffPolicy Backoff = new(Duration.FromMinutes(5), 2);

    private static ScheduledMessage OneTime(Duration? window = null) =>
        ScheduledMessage.Create(Guid.NewGuid(), 42, 7, "Take your pills", Recurrence.OneTime, Nine, Created, deliveryWindow: window).Value;

    private static ScheduledMessage Daily() =>
        ScheduledMessage.Create(Guid.NewGuid(), 42, 7, "Take your pills", new DailyRecurrence(1, new LocalTime(9, 0)), Nine, Created).Value;

    /// <summary>
    /// A message as the store materializes a row whose schedule another tool wrote in a shape this
    /// model cannot read (the aggregate offers no way to make one, as nothing but the store should).
    /// </summary>
    private static ScheduledMessage Unreadable()
    {
        var message = OneTime();
        typeof(ScheduledMessage).GetMethod("RestoreUnreadableSchedule", BindingFlags.Instance | BindingFlags.NonPublic)!
            .Invoke(message, ["'recurrence' is not an object"]);
        Assert.NotNull(message.UnreadableReason);
        return message;
    }

    private static DeliveryResult Apply(ScheduledMessage message, SendOutcome outcome, Instant? at = null) =>
        DeliveryTransitions.Apply(message, outcome, at ?? Nine, Backoff, Berlin);

    [Fact]
    public void A_delivered_one_time_message_is_sent()
    {
        var message = OneTime();

        Assert.Equal(DeliveryResult.Delivered, Apply(message, SendOutcome.Delivered));

        Assert.Equal((MessageStatus.Sent, 0, Nine), (message.Status, message.Attempts, message.LastAttemptTime));
    }

    [Fact]
    public void A_delivered_recurring_message_moves_to_its_next_occurrence_in_its_zone()
    {
        var message = Daily();

        Assert.Equal(DeliveryResult.Delivered, Apply(message, SendOutcome.Delivered));

        Assert.Equal((MessageStatus.Pending, NineTomorrow), (message.Status, message.ScheduledTime));
    }

    [Fact]
    public void A_rate_limited_send_is_deferred_by_the_platforms_wait_without_counting_an_attempt()
    {
        var message = OneTime();

        Assert.Equal(DeliveryResult.Deferred, Apply(message, SendOutcome.RateLimited(TimeSpan.FromSeconds(30))));

        Assert.Equal((MessageStatus.Pending, 0, Nine + Duration.FromSeconds(30)), (message.Status, message.Attempts, message.ScheduledTime));
        Assert.Equal(Nine, message.OccurrenceTime);
    }

    [Fact]
    public void A_transient_failure_is_retried_after_the_backoff_and_failed_once_retries_are_used_up()
    {
        var message = OneTime();
        var failure = SendOutcome.Transient("500", "Internal Server Error");

        Assert.Equal(DeliveryResult.Retried, Apply(message, failure));
        Assert.Equal((MessageStatus.Rescheduled, 1, Nine + Duration.FromMinutes(5)), (message.Status, message.Attempts, message.ScheduledTime));

        Assert.Equal(DeliveryResult.Retried, Apply(message, failure, message.ScheduledTime));
        Assert.Equal((MessageStatus.Rescheduled, 2), (message.Status, message.Attempts));

        Assert.Equal(DeliveryResult.Failed, Apply(message, failure, message.ScheduledTime));
        Assert.Equal((MessageStatus.Failed, 3), (message.Status, message.Attempts));
        Assert.Equal("500", message.Errors[^1].Code);
    }

    [Fact]
    public void A_recurring_message_out_of_retries_counts_as_failed_and_moves_to_its_next_occurrence()
    {
        var message = Daily();
        var failure = SendOutcome.Transient("timeout", "No answer");
        Apply(message, failure);
        Apply(message, failure, message.ScheduledTime);

        Assert.Equal(DeliveryResult.Failed, Apply(message, failure, message.ScheduledTime));

        Assert.Equal((MessageStatus.Pending, NineTomorrow, 0), (message.Status, message.ScheduledTime, message.Attempts));
    }

    [Fact]
    public void A_permanent_failure_fails_the_message_at_once_with_its_code()
    {
        var message = Daily();

        Assert.Equal(DeliveryResult.Failed, Apply(message, SendOutcome.Permanent("403", "Forbidden: bot was blocked by the user")));

        Assert.Equal((MessageStatus.Failed, 1), (message.Status, message.Attempts));
        Assert.Equal(("403", "Forbidden: bot was blocked by the user"), (message.Errors[^1].Code, message.Errors[^1].Description));
    }

    [Fact]
    public void An_unknown_outcome_is_refused_rather_than_guessed()
    {
        Assert.Throws<InvalidOperationException>(() => Apply(OneTime(), new UnknownOutcome()));
    }

    [Fact]
    public void A_message_within_its_window_is_left_to_be_sent()
    {
        var message = OneTime(window: Duration.FromMinutes(10));

        Assert.Null(DeliveryTransitions.SettleUnsendable(message, Nine + Duration.FromMinutes(10), Berlin));

        Assert.Equal((MessageStatus.Pending, 0), (message.Status, message.Attempts));
        Assert.Empty(message.Errors);
    }

    [Fact]
    public void A_message_past_its_delivery_window_expires_unsent()
    {
        var message = OneTime(window: Duration.FromMinutes(10));

        Assert.Equal(DeliveryResult.Expired, DeliveryTransitions.SettleUnsendable(message, Nine + Duration.FromMinutes(11), Berlin));

        Assert.Equal((MessageStatus.Failed, 0), (message.Status, message.Attempts));
        Assert.Equal(ScheduledMessage.DeliveryWindowMissedCode, message.Errors[^1].Code);
    }

    [Fact]
    public void A_message_whose_schedule_cannot_be_read_fails_unsent_with_the_reason()
    {
        var message = Unreadable();
        var reason = message.UnreadableReason;

        Assert.Equal(DeliveryResult.Unreadable, DeliveryTransitions.SettleUnsendable(message, Nine, Berlin));

        Assert.Equal((MessageStatus.Failed, 1), (message.Status, message.Attempts));
        Assert.Equal(DeliveryTransitions.UnreadableScheduleCode, message.Errors[^1].Code);
        Assert.Equal($"Its metadata could not be read: {reason}", message.Errors[^1].Description);
    }

    [Fact]
    public void A_readable_message_has_no_unreadable_reason()
    {
        Assert.Null(OneTime().UnreadableReason);
    }

    private sealed record UnknownOutcome : SendOutcome;
}
