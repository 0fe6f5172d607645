using NodaTime;

namespace ScheduledMessages.Unit.Domain;

/// <summary>The time zones with odd rules the domain tests run in, and ways to write instants in them.</summary>
internal static class Zones
{
    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    public static readonly DateTimeZone LordHowe = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];
    public static readonly DateTimeZone Chatham = DateTimeZoneProviders.Tzdb["Pacific/Chatham"];
    public static readonly DateTimeZone Kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];
    public static readonly DateTimeZone SaoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    public static readonly DateTimeZone[] All = [Berlin, NewYork, London, LordHowe, Chatham, Kolkata, SaoPaulo, DateTimeZone.Utc];

    /// <summary>A wall-clock time that exists exactly once in the zone (throws otherwise, so a test cannot pick a gap by accident).</summary>
    public static Instant Local(this DateTimeZone zone, int year, int month, int day, int hour, int minute = 0) =>
        zone.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    /// <summary>An instant written the way a person reads it off a clock: local time plus the offset in force.</summary>
    public static Instant At(int year, int month, int day, int hour, int minute, Offset offset) =>
        new OffsetDateTime(new LocalDateTime(year, month, day, hour, minute), offset).ToInstant();

    /// <summary>What a clock in a zone shows: local date-time and offset (compared exactly by equality).</summary>
    public static OffsetDateTime Clock(int year, int month, int day, int hour, int minute, Offset offset) =>
        new(new LocalDateTime(year, month, day, hour, minute), offset);

    public static Instant Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        Instant.FromUtc(year, month, day, hour, minute);

    public static Offset Hours(int hours, int minutes = 0) => Offset.FromHoursAndMinutes(hours, minutes);

    public static LocalTime Time(int hour, int minute = 0) => new(hour, minute);

    /// <summary>The instant as a local date-time with its offset, so failures read like clocks.</summary>
    public static OffsetDateTime In(this Instant instant, DateTimeZone zone) => instant.InZone(zone).ToOffsetDateTime();

    /// <summary>The instant of a recurrence's answer, failing the test when there is none.</summary>
    public static OffsetDateTime In(this Instant? instant, DateTimeZone zone) =>
        (instant ?? throw new Xunit.Sdk.XunitException("Expected an occurrence, got none.")).In(zone);
}
