using System.Collections.Immutable;
using NodaTime;
using ScheduledMessages.Domain.Common;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Domain.ScheduledMessages;

/// <summary>
/// A message to send to a chat once or on a recurrence. State changes only through the methods
/// that name what happened (delivered, failed, expired, cancelled), each refusing what its
/// current status does not allow.
/// </summary>
public sealed class ScheduledMessage
{
    public const int MaxContentLength = 4096;
    public const int HighestPriority = 1;
    public const int LowestPriority = 5;
    public const int DefaultPriority = 3;

    /// <summary>How many failed deliveries <see cref="Errors"/> keeps (the newest).</summary>
    public const int MaxErrors = 10;

    public const string DeliveryWindowMissedCode = "delivery_window_missed";

    // For the persistence layer's materializer, which then restores the schedule (RestoreSchedule).
    private ScheduledMessage()
    {
        Content = string.Empty;
        Recurrence = Recurrence.OneTime;
        Errors = [];
    }

    public Guid Id { get; private set; }

    public long ChatId { get; private set; }

    /// <summary>The Telegram user who scheduled it, when known.</summary>
    public long? CreatedBy { get; private set; }

    public string Content { get; private set; }

    public MessageStatus Status { get; private set; }

    /// <summary>When it is next due (a retry or a deferral moves it; see <see cref="OccurrenceTime"/>).</summary>
    public Instant ScheduledTime { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>Failed send attempts of the current occurrence.</summary>
    public int Attempts { get; private set; }

    public Instant? LastAttemptTime { get; private set; }

    /// <summary>1 (highest) to 5 (lowest).</summary>
    public int Priority { get; private set; }

    /// <summary>How late past its time the message may still be sent; null for no limit.</summary>
    public Duration? DeliveryWindow { get; private set; }

    /// <summary>When it repeats; <see cref="Recurrence.OneTime"/> when it does not.</summary>
    public Recurrence Recurrence { get; private set; }

    /// <summary>The IANA zone the pattern's wall-clock times are in; null means the chat's zone.</summary>
    public string? TimeZoneId { get; private set; }

    /// <summary>When the current occurrence was due, whatever retries and deferrals did to <see cref="ScheduledTime"/>.</summary>
    public Instant OccurrenceTime { get; private set; }

    /// <summary>Occurrences delivered so far.</summary>
    public int Deliveries { get; private set; }

    /// <summary>Failed deliveries, newest last, at most <see cref="MaxErrors"/>.</summary>
    public ImmutableList<DeliveryError> Errors { get; private set; }

    /// <summary>
    /// Why the stored schedule (recurrence, zone, history) could not be read, or null when it was
    /// read fine. Such a message is not sent: its recurrence is unknown (the dispatcher fails it).
    /// </summary>
    public string? UnreadableReason { get; private set; }

    public bool IsRecurring => Recurrence.IsRecurring;

    public bool IsActive => Status is MessageStatus.Pending or MessageStatus.Rescheduled;

    public static Result<ScheduledMessage> Create(
        Guid id,
        long chatId,
        long? createdBy,
        string content,
        Recurrence recurrence,
        Instant firstOccurrence,
        Instant now,
        int priority = DefaultPriority,
        Duration? deliveryWindow = null,
        string? timeZoneId = null)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(id, Guid.Empty);
        if (chatId == 0)
        {
            return ScheduledMessageErrors.MissingChat;
        }

        if (ValidateContent(content) is { } contentError)
        {
            return contentError;
        }

        if (priority is < HighestPriority or > LowestPriority)
        {
            return ScheduledMessageErrors.PriorityOutOfRange;
        }

        if (deliveryWindow is { } window && window <= Duration.Zero)
        {
            return ScheduledMessageErrors.DeliveryWindowNotPositive;
        }

        if (firstOccurrence <= now)
        {
            return ScheduledMessageErrors.FirstOccurrenceNotInFuture;
        }

        return new ScheduledMessage
        {
            Id = id,
            ChatId = chatId,
            CreatedBy = createdBy,
            Content = content,
            Status = MessageStatus.Pending,
            ScheduledTime = firstOccurrence,
            CreatedAt = now,
            Priority = priority,
            DeliveryWindow = deliveryWindow,
            Recurrence = recurrence,
            TimeZoneId = timeZoneId,
            OccurrenceTime = firstOccurrence,
        };
    }

    /// <summary>
    /// Sets the schedule the store holds for this message, right after the persistence layer
    /// materialized it (its columns are set; the schedule lives in a column of its own format).
    /// </summary>
    internal void RestoreSchedule(
        Recurrence recurrence,
        string? timeZoneId,
        Instant occurrenceTime,
        int deliveries,
        ImmutableList<DeliveryError> errors)
    {
        Recurrence = recurrence;
        TimeZoneId = timeZoneId;
        OccurrenceTime = occurrenceTime;
        Deliveries = deliveries;
        Errors = errors;
        UnreadableReason = null;
    }

    /// <summary>
    /// The store holds a schedule the persistence layer could not read: the message keeps the
    /// defaults of a one-time message at its scheduled time and says why (<see cref="UnreadableReason"/>).
    /// </summary>
    internal void RestoreUnreadableSchedule(string reason)
    {
        RestoreSchedule(Recurrence.OneTime, null, ScheduledTime, 0, []);
        UnreadableReason = reason;
    }

    /// <summary>The message was delivered: a one-time message is done, a recurring one moves on.</summary>
    public Result MarkDelivered(Instant now, DateTimeZone zone)
    {
        if (!IsActive)
        {
            return ScheduledMessageErrors.NotPending(Status);
        }

        LastAttemptTime = now;
        Deliveries++;
        if (IsRecurring)
        {
            MoveToNextOccurrence(now, zone);
        }
        else
        {
            Status = MessageStatus.Sent;
        }

        return Result.Success();
    }

    /// <summary>
    /// A send failed for a reason that may pass (5xx, timeout, network): retry after the policy's
    /// backoff, or give up the occurrence once retries are exhausted.
    /// </summary>
    public Result RecordTransientFailure(Instant now, string code, string description, BackoffPolicy backoff, DateTimeZone zone)
    {
        if (!IsActive)
        {
            return ScheduledMessageErrors.NotPending(Status);
        }

        Attempts++;
        LastAttemptTime = now;
        AddError(new DeliveryError(now, Attempts, code, description));

        if (backoff.RetryDelay(Attempts) is { } delay)
        {
            Status = MessageStatus.Rescheduled;
            ScheduledTime = now + delay;
        }
        else if (IsRecurring)
        {
            MoveToNextOccurrence(now, zone);
        }
        else
        {
            Status = MessageStatus.Failed;
        }

        return Result.Success();
    }

    /// <summary>A send failed for a reason that will not pass (blocked, chat not found): failed at once.</summary>
    public Result RecordPermanentFailure(Instant now, string code, string description)
    {
        if (!IsActive)
        {
            return ScheduledMessageErrors.NotPending(Status);
        }

        Attempts++;
        LastAttemptTime = now;
        AddError(new DeliveryError(now, Attempts, code, description));
        Status = MessageStatus.Failed;
        return Result.Success();
    }

    /// <summary>True when <paramref name="now"/> is past the current occurrence's delivery window.</summary>
    public bool IsPastDeliveryWindow(Instant now) =>
        DeliveryWindow is { } window && now > OccurrenceTime + window;

    /// <summary>
    /// The occurrence is too late to send: a one-time message fails with the reason, a recurring
    /// one moves on to its next occurrence.
    /// </summary>
    public Result SkipExpired(Instant now, DateTimeZone zone)
    {
        if (!IsActive)
        {
            return ScheduledMessageErrors.NotPending(Status);
        }

        if (!IsPastDeliveryWindow(now))
        {
            return ScheduledMessageErrors.NotExpired;
        }

        var late = now - OccurrenceTime;
        AddError(new DeliveryError(
            now,
            Attempts,
            DeliveryWindowMissedCode,
            $"Not sent: {FormatLateness(late)} late, past its delivery window of {FormatLateness(DeliveryWindow!.Value)}."));

        if (IsRecurring)
        {
            MoveToNextOccurrence(now, zone);
        }
        else
        {
            Status = MessageStatus.Failed;
        }

        return Result.Success();
    }

    /// <summary>
    /// Sending was held back (Telegram's rate limit); due again at <paramref name="until"/> without
    /// counting an attempt, since the limit is not the message's fault.
    /// </summary>
    public Result Defer(Instant until)
    {
        if (!IsActive)
        {
            return ScheduledMessageErrors.NotPending(Status);
        }

        ScheduledTime = until;
        return Result.Success();
    }

    /// <summary>Cancels the message (also when paused). Cancelling a cancelled message is a no-op; a finished one cannot be.</summary>
    public Result Cancel()
    {
        if (Status == MessageStatus.Cancelled)
        {
            return Result.Success();
        }

        if (!IsActive && Status != MessageStatus.Paused)
        {
            return ScheduledMessageErrors.NotPending(Status);
        }

        Status = MessageStatus.Cancelled;
        return Result.Success();
    }

    /// <summary>Holds the message: it is not sent until resumed. Pausing a paused message is a no-op.</summary>
    public Result Pause()
    {
        if (Status == MessageStatus.Paused)
        {
            return Result.Success();
        }

        if (!IsActive)
        {
            return ScheduledMessageErrors.NotPending(Status);
        }

        Status = MessageStatus.Paused;
        return Result.Success();
    }

    /// <summary>
    /// Lets a paused message be sent again. A recurring one skips the occurrences missed while
    /// paused and continues with the next one after now; a one-time one whose time passed meanwhile
    /// is refused (sending it late unasked would surprise).
    /// </summary>
    public Result Resume(Instant now, DateTimeZone zone)
    {
        if (Status != MessageStatus.Paused)
        {
            return ScheduledMessageErrors.NotPaused(Status);
        }

        if (ScheduledTime <= now)
        {
            if (!IsRecurring)
            {
                return ScheduledMessageErrors.PassedWhilePaused(ScheduledTime);
            }

            MoveToNextOccurrence(now, zone);
            return Result.Success();
        }

        Status = Attempts > 0 ? MessageStatus.Rescheduled : MessageStatus.Pending;
        return Result.Success();
    }

    /// <summary>Replaces the text of a message that is still to be sent (or paused).</summary>
    public Result EditContent(string content)
    {
        if (!IsActive && Status != MessageStatus.Paused)
        {
            return ScheduledMessageErrors.CannotChange(Status);
        }

        if (ValidateContent(content) is { } error)
        {
            return error;
        }

        Content = content;
        return Result.Success();
    }

    /// <summary>
    /// The text to send for the current occurrence: template variables ({date}, {time}, {count}, ...)
    /// filled in on <paramref name="zone"/>'s wall clock. A text that is not a valid template (rows by
    /// other tools) is sent as written.
    /// </summary>
    public string RenderContent(DateTimeZone zone) =>
        MessageTemplate.TryRender(Content, new TemplateValues(OccurrenceTime.InZone(zone), Deliveries + 1), out var text)
            ? text
            : Content;

    private static DomainError? ValidateContent(string content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return ScheduledMessageErrors.EmptyContent;
        }

        if (content.Length > MaxContentLength)
        {
            return ScheduledMessageErrors.ContentTooLong;
        }

        return MessageTemplate.Validate(content);
    }

    private void MoveToNextOccurrence(Instant now, DateTimeZone zone)
    {
        var anchor = OccurrenceTime;
        var after = anchor > now ? anchor : now;
        var next = Recurrence.NextAfter(anchor, after, zone)
            ?? throw new InvalidOperationException("A recurring message has a next occurrence.");

        ScheduledTime = next;
        OccurrenceTime = next;
        Status = MessageStatus.Pending;
        Attempts = 0;
    }

    private void AddError(DeliveryError error)
    {
        var errors = Errors.Add(error);
        Errors = errors.Count > MaxErrors ? errors.RemoveRange(0, errors.Count - MaxErrors) : errors;
    }

    private static string FormatLateness(Duration duration) =>
        duration.TotalSeconds < 120 ? $"{(long)duration.TotalSeconds} s"
        : duration.TotalMinutes < 120 ? $"{(long)duration.TotalMinutes} min"
        : $"{(long)duration.TotalHours} h";
}
