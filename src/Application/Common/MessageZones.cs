using NodaTime;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.Common;

/// <summary>
/// The one rule for the zone a message's wall-clock times (its recurrence, its template's dates)
/// are in: the zone it was scheduled in, when it names a known one, else its chat's.
/// </summary>
public static class MessageZones
{
    /// <summary>The message's own zone; null when it names none (or an unknown one) and so follows its chat's.</summary>
    public static DateTimeZone? Own(ScheduledMessage message) => TimeZones.Find(message.TimeZoneId);

    /// <summary>The message's zone: its own, else <paramref name="chatZone"/>.</summary>
    public static DateTimeZone Of(ScheduledMessage message, DateTimeZone chatZone) => Own(message) ?? chatZone;
}
