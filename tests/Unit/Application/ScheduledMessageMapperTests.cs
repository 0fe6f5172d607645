using NodaTime;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Unit.Application;

public sealed class ScheduledMessageMapperTests
{
    private static readonly Instant Now = Instant.FromUtc(2030, 1, 7, 10, 0);

    [Fact]
    public void Every_field_is_carried_and_times_are_shown_in_the_messages_zone()
    {
        var first = Instant.FromUtc(2030, 1, 8, 8, 0);
        var message = ScheduledMessage.Create(
            Guid.NewGuid(), 12, 34, "text", new DailyRecurrence(1, new LocalTime(9, 0)), first, Now, 2, Duration.FromMinutes(10), "Europe/Berlin").Value;

        var dto = ScheduledMessageMapper.ToDto(message, DateTimeZone.Utc);

        Assert.Equal((message.Id, 12L, (long?)34, "text", MessageStatus.Pending), (dto.Id, dto.ChatId, dto.CreatedBy, dto.Content, dto.Status));
        Assert.Equal(("daily", "every day at 09:00", 2, (Duration?)Duration.FromMinutes(10)), (dto.Kind, dto.Description, dto.Priority, dto.DeliveryWindow));
        Assert.Equal((first, "Europe/Berlin", new LocalDateTime(2030, 1, 8, 9, 0)), (dto.NextSendTime, dto.TimeZoneId, dto.NextSendLocal));
        Assert.Equal([first, first + Duration.FromDays(1), first + Duration.FromDays(2)], dto.UpcomingSendTimes);
        Assert.Equal((Now, 0, (string?)null), (dto.CreatedAt, dto.Attempts, dto.LastError));
    }

    [Fact]
    public void A_message_without_its_own_zone_uses_the_chats_and_shows_its_last_error()
    {
        var message = ScheduledMessage.Create(Guid.NewGuid(), 12, null, "text", Recurrence.OneTime, Now + Duration.FromHours(1), Now).Value;
        message.RecordTransientFailure(Now + Duration.FromHours(1), "http_500", "Internal Server Error", BackoffPolicy.Default, DateTimeZone.Utc);

        var dto = ScheduledMessageMapper.ToDto(message, DateTimeZoneProviders.Tzdb["Asia/Tokyo"]);

        Assert.Equal("Asia/Tokyo", dto.TimeZoneId);
        Assert.Equal("Internal Server Error", dto.LastError);
        Assert.Equal(1, dto.Attempts);
        Assert.Equal([dto.NextSendTime], dto.UpcomingSendTimes);
    }
}
