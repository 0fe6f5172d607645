using CsCheck;
using NodaTime;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Unit.Domain;

/// <summary>
/// Properties that hold for random patterns, anchors, instants and zones. Expectations are computed
/// here from the rules themselves (which dates match, how a wall-clock time maps to an instant),
/// never by calling the code under test a second way.
/// </summary>
public sealed class RecurrencePropertyTests
{
    private const long Iterations = 1500;

    // A DST change moves an occurrence by at most an hour in these zones; allow generously.
    private static readonly Duration DstSlack = Duration.FromHours(3);

    private static readonly Gen<(CalendarRecurrence Pattern, DateTimeZone Zone, Instant Anchor, Instant After)> CalendarCases =
        Gen.Select(RecurrenceGen.Calendar, RecurrenceGen.AnchorAndAfter, (pattern, c) => (pattern, c.Zone, c.Anchor, c.After));

    [Fact]
    public void Next_occurrence_is_strictly_after_the_instant_asked_from() =>
        Gen.Select(RecurrenceGen.Recurring, RecurrenceGen.AnchorAndAfter).Sample(
            (pattern, c) => pattern.NextAfter(c.Anchor, c.After, c.Zone) is { } next && next > c.After,
            iter: Iterations);

    [Fact]
    public void Next_occurrence_is_no_more_than_one_period_away() =>
        CalendarCases.Sample(
            (pattern, zone, anchor, after) =>
            {
                var next = pattern.NextAfter(anchor, after, zone)!.Value;
                var afterDate = after.InZone(zone).Date;
                var nextDate = next.InZone(zone).Date;
                switch (pattern)
                {
                    case DailyRecurrence daily:
                        Assert.InRange(Period.DaysBetween(afterDate, nextDate), 0, daily.Interval);
                        Assert.True(next <= after + Duration.FromDays(daily.Interval) + DstSlack, $"{next} is more than {daily.Interval} days after {after}");
                        break;
                    case WeeklyRecurrence weekly:
                        Assert.InRange(Period.DaysBetween(afterDate, nextDate), 0, 7 * weekly.Interval);
                        Assert.True(next <= after + Duration.FromDays(7 * weekly.Interval) + DstSlack, $"{next} is more than {weekly.Interval} weeks after {after}");
                        break;
                    case MonthlyRecurrence monthly:
                        Assert.InRange(MonthIndex(nextDate) - MonthIndex(afterDate), 0, monthly.Interval);
                        break;
                }
            },
            iter: Iterations);

    [Fact]
    public void Elapsed_time_pattern_is_due_within_one_period_in_phase_with_the_anchor() =>
        Gen.Select(RecurrenceGen.Custom, RecurrenceGen.AnchorAndAfter).Sample(
            (pattern, c) =>
            {
                var next = pattern.NextAfter(c.Anchor, c.After, c.Zone)!.Value;
                Assert.True(next > c.After);
                Assert.True(next - c.After <= pattern.Period, $"{next} is more than {pattern.Minutes} min after {c.After}");
                Assert.Equal(0, (next - c.Anchor).BclCompatibleTicks % pattern.Period.BclCompatibleTicks);
                Assert.Equal(next, pattern.NextAfter(c.Anchor, c.After, DateTimeZone.Utc));
            },
            iter: Iterations);

    [Fact]
    public void Weekly_lands_only_on_chosen_weekdays_in_the_zone() =>
        Gen.Select(RecurrenceGen.Weekly, RecurrenceGen.AnchorAndAfter).Sample(
            (pattern, c) => pattern.Days.Contains(pattern.NextAfter(c.Anchor, c.After, c.Zone)!.Value.InZone(c.Zone).DayOfWeek),
            iter: Iterations);

    [Fact]
    public void Local_time_of_day_is_kept_unless_it_falls_in_a_gap() =>
        CalendarCases.Sample(
            (pattern, zone, anchor, after) =>
            {
                var next = pattern.NextAfter(anchor, after, zone)!.Value;
                var local = next.InZone(zone).LocalDateTime;
                var time = pattern.TimeOfDay ?? anchor.InZone(zone).TimeOfDay;
                var wanted = local.Date + time;
                var mapping = zone.MapLocal(wanted);
                if (mapping.Count == 0)
                {
                    // Skipped by a spring-forward: moved forward by exactly the gap.
                    var gap = mapping.LateInterval.WallOffset - mapping.EarlyInterval.WallOffset;
                    Assert.Equal(wanted.PlusTicks(gap.Ticks), local);
                }
                else
                {
                    // Unique, or the earlier of two (fall-back).
                    Assert.Equal(mapping.First().ToInstant(), next);
                }
            },
            iter: Iterations);

    [Fact]
    public void Monthly_day_is_clamped_to_the_month_length() =>
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 31], RecurrenceGen.TimeOfDay, RecurrenceGen.AnchorAndAfter).Sample(
            (interval, day, time, c) =>
            {
                var next = new MonthlyRecurrence(interval, MonthDay.OnDay(day), time).NextAfter(c.Anchor, c.After, c.Zone)!.Value;
                var date = next.InZone(c.Zone).Date;
                Assert.Equal(Math.Min(day, DaysIn(date)), date.Day);
            },
            iter: Iterations);

    [Fact]
    public void Monthly_last_day_is_the_last_day() =>
        Gen.Select(Gen.Int[1, 12], RecurrenceGen.TimeOfDay, RecurrenceGen.AnchorAndAfter).Sample(
            (interval, time, c) =>
            {
                var date = new MonthlyRecurrence(interval, MonthDay.Last, time).NextAfter(c.Anchor, c.After, c.Zone)!.Value.InZone(c.Zone).Date;
                Assert.Equal(DaysIn(date), date.Day);
            },
            iter: Iterations);

    [Fact]
    public void Nth_weekday_is_the_right_weekday_in_the_right_week() =>
        Gen.Select(Gen.Int[1, 12], Gen.OneOf(1, 2, 3, 4, -1), Gen.Int[1, 7], RecurrenceGen.AnchorAndAfter).Sample(
            (interval, week, weekday, c) =>
            {
                var pattern = new MonthlyRecurrence(interval, MonthDay.Nth(week, (IsoDayOfWeek)weekday), new LocalTime(10, 0));
                var date = pattern.NextAfter(c.Anchor, c.After, c.Zone)!.Value.InZone(c.Zone).Date;
                Assert.Equal((IsoDayOfWeek)weekday, date.DayOfWeek);
                if (week == -1)
                {
                    Assert.InRange(date.Day, DaysIn(date) - 6, DaysIn(date));
                }
                else
                {
                    Assert.Equal(week, ((date.Day - 1) / 7) + 1);
                }
            },
            iter: Iterations);

    [Fact]
    public void Occurrences_stay_in_phase_with_the_anchor() =>
        CalendarCases.Sample(
            (pattern, zone, anchor, after) =>
            {
                var anchorDate = anchor.InZone(zone).Date;
                var date = pattern.NextAfter(anchor, after, zone)!.Value.InZone(zone).Date;
                var (units, interval) = pattern switch
                {
                    DailyRecurrence d => ((long)Period.DaysBetween(anchorDate, date), d.Interval),
                    WeeklyRecurrence w => (Period.DaysBetween(Monday(anchorDate), Monday(date)) / 7L, w.Interval),
                    MonthlyRecurrence m => (MonthIndex(date) - MonthIndex(anchorDate), m.Interval),
                    _ => throw new InvalidOperationException(pattern.Kind),
                };
                Assert.Equal(0, units % interval);
            },
            iter: Iterations);

    [Fact]
    public void Next_occurrence_is_the_earliest_matching_one_no_occurrence_is_skipped() =>
        CalendarCases.Sample(
            (pattern, zone, anchor, after) =>
                Assert.Equal(EarliestMatch(pattern, anchor, after, zone), pattern.NextAfter(anchor, after, zone)),
            iter: Iterations);

    [Fact]
    public void First_occurrence_is_after_now_and_is_the_earliest_match_ignoring_the_interval() =>
        Gen.Select(RecurrenceGen.Calendar, RecurrenceGen.Zone.SelectMany(zone => RecurrenceGen.InstantIn(zone).Select(now => (zone, now)))).Sample(
            (pattern, c) =>
            {
                var first = pattern.FirstAfter(c.now, c.zone)!.Value;
                Assert.True(first > c.now);
                var everyPeriod = pattern switch
                {
                    DailyRecurrence d => (CalendarRecurrence)(d with { Interval = 1 }),
                    WeeklyRecurrence w => w with { Interval = 1 },
                    MonthlyRecurrence m => m with { Interval = 1 },
                    _ => throw new InvalidOperationException(pattern.Kind),
                };
                Assert.Equal(EarliestMatch(everyPeriod, c.now, c.now, c.zone), first);
            },
            iter: Iterations);

    [Fact]
    public void First_occurrence_of_an_elapsed_time_pattern_is_one_period_after_now() =>
        Gen.Select(RecurrenceGen.Custom, RecurrenceGen.AnyInstant, RecurrenceGen.Zone).Sample(
            (pattern, now, zone) => pattern.FirstAfter(now, zone) == now + pattern.Period,
            iter: Iterations);

    /// <summary>Walks the calendar day by day from just before <paramref name="after"/> to the first matching date that resolves after it.</summary>
    private static Instant EarliestMatch(CalendarRecurrence pattern, Instant anchor, Instant after, DateTimeZone zone)
    {
        var anchorDate = anchor.InZone(zone).Date;
        var time = pattern.TimeOfDay ?? anchor.InZone(zone).TimeOfDay;
        var start = after.InZone(zone).Date.PlusDays(-2);
        for (var date = start; date <= start.PlusYears(2); date = date.PlusDays(1))
        {
            if (Matches(pattern, anchorDate, date) && Resolve(date + time, zone) is var instant && instant > after)
            {
                return instant;
            }
        }

        throw new InvalidOperationException($"No match of {pattern} within two years of {after}.");
    }

    private static bool Matches(CalendarRecurrence pattern, LocalDate anchorDate, LocalDate date) => pattern switch
    {
        DailyRecurrence d => Mod(Period.DaysBetween(anchorDate, date), d.Interval) == 0,
        WeeklyRecurrence w => w.Days.Contains(date.DayOfWeek)
            && Mod(Period.DaysBetween(Monday(anchorDate), Monday(date)) / 7, w.Interval) == 0,
        MonthlyRecurrence m => Mod(MonthIndex(date) - MonthIndex(anchorDate), m.Interval) == 0 && IsChosenDay(m.Day, date),
        _ => throw new InvalidOperationException(pattern.Kind),
    };

    private static bool IsChosenDay(MonthDay day, LocalDate date) => day switch
    {
        DayOfMonth d => date.Day == Math.Min(d.Day, DaysIn(date)),
        LastDayOfMonth => date.Day == DaysIn(date),
        NthWeekdayOfMonth { Week: -1 } n => date.DayOfWeek == n.Weekday && date.Day > DaysIn(date) - 7,
        NthWeekdayOfMonth n => date.DayOfWeek == n.Weekday && ((date.Day - 1) / 7) + 1 == n.Week,
        _ => throw new InvalidOperationException(day.Describe()),
    };

    /// <summary>The rule of the issue, written from the zone's mapping: a gap moves forward by its length, an overlap takes the earlier.</summary>
    private static Instant Resolve(LocalDateTime local, DateTimeZone zone)
    {
        var mapping = zone.MapLocal(local);
        return mapping.Count == 0
            ? new OffsetDateTime(local, mapping.EarlyInterval.WallOffset).ToInstant()
            : mapping.First().ToInstant();
    }

    private static long Mod(long value, int interval) => ((value % interval) + interval) % interval;

    private static LocalDate Monday(LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);

    private static long MonthIndex(LocalDate date) => (date.Year * 12L) + date.Month - 1;

    private static int DaysIn(LocalDate date) => date.Calendar.GetDaysInMonth(date.Year, date.Month);
}
