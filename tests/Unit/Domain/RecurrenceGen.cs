using CsCheck;
using NodaTime;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Unit.Domain;

/// <summary>CsCheck generators of recurrence patterns, zones and instants, biased towards DST transitions.</summary>
internal static class RecurrenceGen
{
    private static readonly Instant From = Instant.FromUtc(2015, 1, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2031, 1, 1, 0, 0);

    // Times that fall in, or next to, the gaps and overlaps of the zones under test.
    private static readonly LocalTime[] TransitionTimes =
    [
        new(0, 0), new(0, 30), new(1, 0), new(1, 30), new(1, 45), new(2, 0), new(2, 15), new(2, 30),
        new(2, 45), new(3, 0), new(3, 15), new(3, 30), new(3, 45), new(23, 0), new(23, 30),
    ];

    private static readonly Dictionary<DateTimeZone, Instant[]> Transitions = Zones.All.ToDictionary(
        zone => zone,
        zone => zone.GetZoneIntervals(From, To).Where(i => i.HasStart && i.Start > From).Select(i => i.Start).ToArray());

    public static readonly Gen<DateTimeZone> Zone = Gen.OneOf(Zones.All);

    public static readonly Gen<LocalTime> AnyTime = Gen.Select(Gen.Int[0, 23], Gen.Int[0, 59], (h, m) => new LocalTime(h, m));

    public static readonly Gen<LocalTime?> TimeOfDay = Gen.Frequency(
        (1, Gen.Const(default(LocalTime?))),
        (2, Gen.OneOf(TransitionTimes).Select(t => (LocalTime?)t)),
        (3, AnyTime.Select(t => (LocalTime?)t)));

    public static readonly Gen<IsoDayOfWeek[]> Weekdays = Gen.Int[1, 127].Select(mask =>
        Enumerable.Range(1, 7).Where(d => (mask & (1 << (d - 1))) != 0).Select(d => (IsoDayOfWeek)d).ToArray());

    public static readonly Gen<MonthDay> MonthDays = Gen.Frequency(
        (3, Gen.Int[1, 31].Select(MonthDay.OnDay)),
        (1, Gen.Const(MonthDay.Last)),
        (2, Gen.Select(Gen.OneOf(1, 2, 3, 4, -1), Gen.Int[1, 7], (week, day) => MonthDay.Nth(week, (IsoDayOfWeek)day))));

    public static readonly Gen<DailyRecurrence> Daily =
        Gen.Select(Gen.Int[1, 10], TimeOfDay, (n, t) => new DailyRecurrence(n, t));

    public static readonly Gen<WeeklyRecurrence> Weekly =
        Gen.Select(Gen.Int[1, 4], Weekdays, TimeOfDay, (n, days, t) => new WeeklyRecurrence(n, days, t));

    public static readonly Gen<MonthlyRecurrence> Monthly =
        Gen.Select(Gen.Int[1, 12], MonthDays, TimeOfDay, (n, day, t) => new MonthlyRecurrence(n, day, t));

    public static readonly Gen<CalendarRecurrence> Calendar = Gen.OneOf<CalendarRecurrence>(
        Daily.Select(r => (CalendarRecurrence)r),
        Weekly.Select(r => (CalendarRecurrence)r),
        Monthly.Select(r => (CalendarRecurrence)r));

    public static readonly Gen<IntervalRecurrence> Custom = Gen.Frequency(
        (2, Gen.Int[1, 240]),
        (2, Gen.OneOf(60, 90, 120, 720, 1440, 10080)),
        (1, Gen.Int[1, 100_000])).Select(m => new IntervalRecurrence(m));

    public static readonly Gen<Recurrence> Recurring = Gen.OneOf<Recurrence>(
        Calendar.Select(r => (Recurrence)r),
        Custom.Select(r => (Recurrence)r));

    /// <summary>Any instant from 2015 to 2030, to the minute.</summary>
    public static readonly Gen<Instant> AnyInstant =
        Gen.Long[0, (long)(To - From).TotalMinutes].Select(m => From + Duration.FromMinutes(m));

    /// <summary>An instant in the zone: often within three days of one of its transitions.</summary>
    public static Gen<Instant> InstantIn(DateTimeZone zone) => Transitions[zone].Length == 0
        ? AnyInstant
        : Gen.Frequency(
            (1, AnyInstant),
            (2, Gen.Select(Gen.OneOf(Transitions[zone]), Gen.Int[-3 * 24 * 60, 3 * 24 * 60], (t, m) => t + Duration.FromMinutes(m))));

    /// <summary>A zone, an anchor and an instant at or after the anchor (sometimes the anchor itself, as when an occurrence was just handled).</summary>
    public static readonly Gen<(DateTimeZone Zone, Instant Anchor, Instant After)> AnchorAndAfter =
        Zone.SelectMany(zone => Gen.Select(
            InstantIn(zone),
            Gen.Frequency((1, Gen.Const(0L)), (3, Gen.Long[0, 1000L * 24 * 60 * 60])),
            (after, secondsBack) => (zone, after - Duration.FromSeconds(secondsBack), after)));
}
