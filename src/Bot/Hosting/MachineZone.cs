using NodaTime;
using NodaTime.TimeZones;

namespace ScheduledMessages.Bot.Hosting;

/// <summary>This machine's time zone as an IANA zone, UTC when the system's cannot be mapped.</summary>
public static class MachineZone
{
    public static DateTimeZone Get()
    {
        try
        {
            return DateTimeZoneProviders.Tzdb.GetSystemDefault();
        }
        catch (DateTimeZoneNotFoundException)
        {
            return DateTimeZone.Utc;
        }
    }
}
