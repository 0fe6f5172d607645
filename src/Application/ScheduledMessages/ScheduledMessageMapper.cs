using Mapster;
using NodaTime;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>Turns the aggregate into <see cref="ScheduledMessageDto"/> (Mapster for the fields, the zone for the times).</summary>
public sealed class ScheduledMessageMapper
{
    public const int UpcomingCount = 3;

    private readonly TypeAdapterConfig _config;

    public ScheduledMessageMapper(TypeAdapterConfig config) => _config = config;

    /// <summary>Registers the aggregate-to-DTO mapping.</summary>
    public static void Register(TypeAdapterConfig config)
    {
        // NodaTime values are immutable structs: copy them as they are.
        config.NewConfig<Instant, Instant>().MapWith(value => value);
        config.NewConfig<Duration, Duration>().MapWith(value => value);
        config.NewConfig<LocalDateTime, LocalDateTime>().MapWith(value => value);

        config.NewConfig<ScheduledMessage, ScheduledMessageDto>()
            .Map(d => d.Kind, s => s.Recurrence.Kind)
            .Map(d => d.Description, s => s.Recurrence.Describe())
            .Map(d => d.NextSendTime, s => s.ScheduledTime)
            .Map(d => d.LastError, s => s.Errors.IsEmpty ? null : s.Errors[s.Errors.Count - 1].Description)
            .Ignore(d => d.TimeZoneId)
            .Ignore(d => d.NextSendLocal)
            .Ignore(d => d.UpcomingSendTimes);
    }

    /// <summary>The message as the chat sees it, its times in its own zone.</summary>
    /// <param name="message">The aggregate.</param>
    /// <param name="chatZone">The chat's zone, used when the message carries none of its own.</param>
    public ScheduledMessageDto ToDto(ScheduledMessage message, DateTimeZone chatZone)
    {
        var zone = TimeZones.FindOr(message.TimeZoneId, chatZone);
        return message.Adapt<ScheduledMessageDto>(_config) with
        {
            TimeZoneId = zone.Id,
            NextSendLocal = message.ScheduledTime.InZone(zone).LocalDateTime,
            UpcomingSendTimes = Upcoming(message, zone, UpcomingCount),
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
