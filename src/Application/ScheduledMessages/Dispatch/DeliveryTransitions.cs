using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Dispatch;

/// <summary>
/// What a dispatch round does to a claimed message, as transitions of the aggregate and nothing
/// else (no store, no sender, no clock): before sending, settle a message that must not be sent;
/// after sending, apply the <see cref="SendOutcome"/>.
/// </summary>
public static class DeliveryTransitions
{
    /// <summary>The error code of a message failed because its stored schedule could not be read.</summary>
    public const string UnreadableScheduleCode = "metadata_unreadable";

    /// <summary>
    /// Settles a message that must not be sent at <paramref name="now"/>: one whose schedule is
    /// unreadable fails (its recurrence is unknown, so sending could repeat it wrongly; the row's
    /// data is kept), one past its delivery window is skipped. Null when it is to be sent.
    /// </summary>
    public static DeliveryResult? SettleUnsendable(ScheduledMessage message, Instant now, DateTimeZone zone)
    {
        if (message.UnreadableReason is { } reason)
        {
            message.RecordPermanentFailure(now, UnreadableScheduleCode, $"Its metadata could not be read: {reason}");
            return DeliveryResult.Unreadable;
        }

        if (message.IsPastDeliveryWindow(now))
        {
            message.SkipExpired(now, zone);
            return DeliveryResult.Expired;
        }

        return null;
    }

    /// <summary>
    /// Applies how the send went at <paramref name="now"/>: delivered; rate limited (due again after
    /// the platform's wait, no attempt counted); a transient failure (retried after
    /// <paramref name="backoff"/>'s delay, or given up after the last retry); a permanent failure.
    /// </summary>
    public static DeliveryResult Apply(ScheduledMessage message, SendOutcome outcome, Instant now, BackoffPolicy backoff, DateTimeZone zone)
    {
        switch (outcome)
        {
            case DeliveredOutcome:
                message.MarkDelivered(now, zone);
                return DeliveryResult.Delivered;
            case RateLimitedOutcome limited:
                message.Defer(now + Duration.FromTimeSpan(limited.RetryAfter));
                return DeliveryResult.Deferred;
            case TransientErrorOutcome transient:
                message.RecordTransientFailure(now, transient.Code, transient.Description, backoff, zone);
                return message.Status == MessageStatus.Rescheduled ? DeliveryResult.Retried : DeliveryResult.Failed;
            case PermanentErrorOutcome permanent:
                message.RecordPermanentFailure(now, permanent.Code, permanent.Description);
                return DeliveryResult.Failed;
            default:
                throw new InvalidOperationException($"Unknown send outcome {outcome}.");
        }
    }
}
