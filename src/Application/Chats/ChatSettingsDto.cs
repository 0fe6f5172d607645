using NodaTime;

namespace ScheduledMessages.Application.Chats;

/// <summary>A chat's settings as shown to it.</summary>
/// <param name="ChatId">The chat.</param>
/// <param name="TimeZoneId">The IANA zone its wall-clock times are read in.</param>
/// <param name="IsDefault">True when the chat chose no zone and the configured default applies.</param>
/// <param name="LocalNow">The current wall-clock time in the zone, to confirm the choice.</param>
public sealed record ChatSettingsDto(long ChatId, string TimeZoneId, bool IsDefault, LocalDateTime LocalNow);
