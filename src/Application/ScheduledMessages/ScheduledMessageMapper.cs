using NodaTime;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>Turns the aggregate into <see cref="ScheduledMessageDto"/>: its fields as they are, its times in its own zone.</summary>
public static class ScheduledMessageMapper
{
    public const int UpcomingCount = 3;

    /// <summary>The message as the chat sees it, its times in its own zone.</summary>
    /// <param name="message">The aggregate.</param>
    /// <param name="chatZone">The chat's zone, used when the message carries none of its own.</param>
    public static ScheduledMessageDto ToDto(ScheduledMessage message, DateTimeZone chatZone)
    {
        var zone = MessageZones.Of(message, chatZone);
        var errors = message.Errors;
        return new ScheduledMessageDto
        {
            Id = message.Id,
            ChatId = message.ChatId,
            CreatedBy = message.CreatedBy,
            Content = message.Content,
            Status = message.Status,
            Kind = message.Recurrence.Kind,
            Description = message.Recurrence.Describe(),
            Priority = message.Priority,
            DeliveryWindow = message.DeliveryWindow,
            NextSendTime = message.ScheduledTime,
            TimeZoneId = zone.Id,
            NextSendLocal = message.ScheduledTime.InZone(zone).LocalDateTime,
            UpcomingSendTimes = Upcoming(message, zone, UpcomingCount),
            CreatedAt = message.CreatedAt,
            Attempts = message.Attempts,
            LastError = errors.IsEmpty ? null : errors[errors.Count - 1].Description,
        };
    }

    /// <summary>The next <paramref name="count"/> send times of an active message, starting with its due time.</summary>
    public static IReadOnlyList<Instant> Upcoming(ScheduledMessage message, DateTimeZone zone, int count)
    {
        if (!message.IsActive || count < 1)
        {
            return [];
        }

        var times = new List<Instant>(count) { message.ScheduledTime };
        var anchor = message.OccurrenceTime;
        while (times.Count < count && message.Recurrence.NextAfter(anchor, times[^1], zone) is { } next)
        {
            times.Add(next);
        }

        return times;
    }
}
