using NodaTime;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>A row of <c>chat_settings</c>: what one chat chose.</summary>
public sealed class ChatSettingsRecord
{
    public long ChatId { get; set; }

    public string TimeZoneId { get; set; } = "UTC";

    public Instant UpdatedAt { get; set; }
}
