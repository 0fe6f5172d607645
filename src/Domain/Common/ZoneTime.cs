using NodaTime;
using NodaTime.TimeZones;

namespace ScheduledMessages.Domain.Common;

/// <summary>Turns wall-clock times into instants the way people expect across DST changes.</summary>
public static class ZoneTime
{
    /// <summary>
    /// A skipped time (spring-forward gap) moves forward by the gap's length; an ambiguous time
    /// (fall-back) takes the earlier instant. This is NodaTime's lenient resolver.
    /// </summary>
    public static Instant Resolve(LocalDateTime local, DateTimeZone zone) =>
        zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();

    public static Instant Resolve(LocalDate date, LocalTime time, DateTimeZone zone) =>
        Resolve(date + time, zone);
}
