using NodaTime;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>A scheduled message as the chat sees it.</summary>
public sealed record ScheduledMessageDto
{
    public Guid Id { get; init; }

    public long ChatId { get; init; }

    public long? CreatedBy { get; init; }

    public string Content { get; init; } = string.Empty;

    public MessageStatus Status { get; init; }

    /// <summary>once, daily, weekly, monthly or custom.</summary>
    public string Kind { get; init; } = RecurrenceKinds.Once;

    /// <summary>The recurrence in plain words, e.g. "every week on Mon, Wed at 08:00".</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>1 (highest) to 5 (lowest).</summary>
    public int Priority { get; init; }

    public Duration? DeliveryWindow { get; init; }

    /// <summary>When it is next due (for a finished message: when it last was).</summary>
    public Instant NextSendTime { get; init; }

    /// <summary>The IANA zone its wall-clock times are in.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary><see cref="NextSendTime"/> on the wall clock of <see cref="TimeZoneId"/>.</summary>
    public LocalDateTime NextSendLocal { get; init; }

    /// <summary>The next few send times, starting with <see cref="NextSendTime"/>; empty when no longer active.</summary>
    public IReadOnlyList<Instant> UpcomingSendTimes { get; init; } = [];

    public Instant CreatedAt { get; init; }

    /// <summary>Failed attempts of the current occurrence.</summary>
    public int Attempts { get; init; }

    /// <summary>The latest delivery error's description, if any.</summary>
    public string? LastError { get; init; }
}
