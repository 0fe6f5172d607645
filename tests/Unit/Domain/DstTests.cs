using NodaTime;
using ScheduledMessages.Domain.Common;
using ScheduledMessages.Domain.Recurrences;
using static ScheduledMessages.Unit.Domain.Zones;

namespace ScheduledMessages.Unit.Domain;

/// <summary>
/// Wall-clock patterns on the exact transition nights of zones with odd rules. Expected clocks are
/// taken from the tz database (cross-checked with the host's zoneinfo), not from the code under test.
/// </summary>
public sealed class DstTests
{
    private static OffsetDateTime DailyAt(DateTimeZone zone, LocalTime time, Instant after) =>
        new DailyRecurrence(1, time).NextAfter(after - Duration.FromDays(30), after, zone).In(zone);

    [Fact]
    public void Nine_oclock_stays_nine_oclock_in_berlin_across_both_transitions()
    {
        var daily = new DailyRecurrence(1, Time(9));
        var anchor = Berlin.Local(2026, 3, 27, 9);

        var beforeSpring = daily.NextAfter(anchor, anchor, Berlin)!.Value;
        var afterSpring = daily.NextAfter(anchor, beforeSpring, Berlin)!.Value;
        var beforeAutumn = daily.NextAfter(anchor, Berlin.Local(2026, 10, 24, 8), Berlin)!.Value;
        var afterAutumn = daily.NextAfter(anchor, beforeAutumn, Berlin)!.Value;

        Assert.Equal(Clock(2026, 3, 28, 9, 0, Hours(1)), beforeSpring.In(Berlin));
        Assert.Equal(Clock(2026, 3, 29, 9, 0, Hours(2)), afterSpring.In(Berlin));
        Assert.Equal(Duration.FromHours(23), afterSpring - beforeSpring);
        Assert.Equal(Clock(2026, 10, 24, 9, 0, Hours(2)), beforeAutumn.In(Berlin));
        Assert.Equal(Clock(2026, 10, 25, 9, 0, Hours(1)), afterAutumn.In(Berlin));
        Assert.Equal(Duration.FromHours(25), afterAutumn - beforeAutumn);
    }

    [Fact]
    public void A_time_in_the_spring_gap_moves_forward_by_the_gap()
    {
        // Berlin, 29 March 2026: 02:00-03:00 does not exist; 02:30 becomes 03:30 CEST.
        Assert.Equal(Clock(2026, 3, 29, 3, 30, Hours(2)), DailyAt(Berlin, Time(2, 30), Berlin.Local(2026, 3, 28, 3)));
        Assert.Equal(Clock(2026, 3, 29, 3, 30, Hours(2)), ZoneTime.Resolve(new LocalDateTime(2026, 3, 29, 2, 30), Berlin).In(Berlin));
    }

    [Fact]
    public void After_the_gap_the_pattern_returns_to_its_own_time()
    {
        var daily = new DailyRecurrence(1, Time(2, 30));
        var shifted = Zones.At(2026, 3, 29, 3, 30, Hours(2));

        var next = daily.NextAfter(shifted, shifted, Berlin);

        Assert.Equal(Clock(2026, 3, 30, 2, 30, Hours(2)), next.In(Berlin));
    }

    [Fact]
    public void An_ambiguous_autumn_time_takes_the_earlier_instant_and_fires_once()
    {
        // Berlin, 25 October 2026: 02:00-03:00 happens twice (CEST, then CET).
        var daily = new DailyRecurrence(1, Time(2, 30));
        var anchor = Berlin.Local(2026, 10, 20, 2, 30);

        var first = daily.NextAfter(anchor, Berlin.Local(2026, 10, 24, 12), Berlin)!.Value;
        var second = daily.NextAfter(anchor, first, Berlin)!.Value;

        Assert.Equal(Clock(2026, 10, 25, 2, 30, Hours(2)), first.In(Berlin));
        Assert.Equal(Clock(2026, 10, 26, 2, 30, Hours(1)), second.In(Berlin));
    }

    [Fact]
    public void Asked_between_the_two_readings_of_an_ambiguous_time_the_next_day_is_next()
    {
        // 02:15 CET is after the earlier 02:30 (CEST) and before the later one (CET): the later reading is not a second occurrence.
        var after = Zones.At(2026, 10, 25, 2, 15, Hours(1));

        Assert.Equal(Clock(2026, 10, 26, 2, 30, Hours(1)), DailyAt(Berlin, Time(2, 30), after));
    }

    [Theory]
    [InlineData(2, 30, 3, 30, -4)] // 02:00 EST -> 03:00 EDT: the gap
    [InlineData(1, 59, 1, 59, -5)] // just before the gap
    [InlineData(3, 0, 3, 0, -4)] // first minute after it
    public void New_york_spring_forward_on_8_march_2026(int hour, int minute, int expectedHour, int expectedMinute, int offset) =>
        Assert.Equal(
            Clock(2026, 3, 8, expectedHour, expectedMinute, Hours(offset)),
            DailyAt(NewYork, Time(hour, minute), NewYork.Local(2026, 3, 7, 12)));

    [Theory]
    [InlineData(1, 30, -4)] // ambiguous: the earlier is EDT
    [InlineData(0, 59, -4)]
    [InlineData(2, 0, -5)]
    public void New_york_fall_back_on_1_november_2026(int hour, int minute, int offset) =>
        Assert.Equal(
            Clock(2026, 11, 1, hour, minute, Hours(offset)),
            DailyAt(NewYork, Time(hour, minute), NewYork.Local(2026, 10, 31, 12)));

    [Theory]
    [InlineData(1, 30, 2, 30, 1)] // 01:00 GMT -> 02:00 BST
    [InlineData(0, 30, 0, 30, 0)]
    [InlineData(2, 0, 2, 0, 1)]
    public void London_spring_forward_on_29_march_2026(int hour, int minute, int expectedHour, int expectedMinute, int offset) =>
        Assert.Equal(
            Clock(2026, 3, 29, expectedHour, expectedMinute, Hours(offset)),
            DailyAt(London, Time(hour, minute), London.Local(2026, 3, 28, 12)));

    [Theory]
    [InlineData(1, 30, 1)] // ambiguous: the earlier is BST
    [InlineData(2, 0, 0)]
    public void London_fall_back_on_25_october_2026(int hour, int minute, int offset) =>
        Assert.Equal(
            Clock(2026, 10, 25, hour, minute, Hours(offset)),
            DailyAt(London, Time(hour, minute), London.Local(2026, 10, 24, 12)));

    [Theory]
    [InlineData(2, 15, 2, 45)] // 02:00 +10:30 -> 02:30 +11:00: a half-hour gap moves 02:15 by half an hour
    [InlineData(2, 0, 2, 30)]
    [InlineData(2, 30, 2, 30)]
    public void Lord_howe_half_hour_spring_forward_on_4_october_2026(int hour, int minute, int expectedHour, int expectedMinute) =>
        Assert.Equal(
            Clock(2026, 10, 4, expectedHour, expectedMinute, Hours(11)),
            DailyAt(LordHowe, Time(hour, minute), LordHowe.Local(2026, 10, 3, 12)));

    [Theory]
    [InlineData(1, 45, 11, 0)] // 02:00 +11:00 -> 01:30 +10:30: ambiguous, the earlier is +11:00
    [InlineData(1, 29, 11, 0)]
    [InlineData(2, 0, 10, 30)]
    public void Lord_howe_half_hour_fall_back_on_5_april_2026(int hour, int minute, int offsetHours, int offsetMinutes) =>
        Assert.Equal(
            Clock(2026, 4, 5, hour, minute, Hours(offsetHours, offsetMinutes)),
            DailyAt(LordHowe, Time(hour, minute), LordHowe.Local(2026, 4, 4, 12)));

    [Fact]
    public void Lord_howe_day_with_the_half_hour_gap_lasts_twenty_three_and_a_half_hours()
    {
        var daily = new DailyRecurrence(1, Time(9));
        var saturday = LordHowe.Local(2026, 10, 3, 9);

        var sunday = daily.NextAfter(saturday, saturday, LordHowe)!.Value;

        Assert.Equal(Clock(2026, 10, 4, 9, 0, Hours(11)), sunday.In(LordHowe));
        Assert.Equal(Duration.FromMinutes((23 * 60) + 30), sunday - saturday);
    }

    [Theory]
    [InlineData(3, 0, 4, 0)] // 02:45 +12:45 -> 03:45 +13:45
    [InlineData(2, 45, 3, 45)]
    [InlineData(3, 45, 3, 45)]
    public void Chatham_spring_forward_on_27_september_2026(int hour, int minute, int expectedHour, int expectedMinute) =>
        Assert.Equal(
            Clock(2026, 9, 27, expectedHour, expectedMinute, Hours(13, 45)),
            DailyAt(Chatham, Time(hour, minute), Chatham.Local(2026, 9, 26, 12)));

    [Theory]
    [InlineData(3, 0, 13, 45)] // 03:45 +13:45 -> 02:45 +12:45: ambiguous, the earlier is +13:45
    [InlineData(2, 45, 13, 45)]
    [InlineData(3, 45, 12, 45)]
    public void Chatham_fall_back_on_5_april_2026(int hour, int minute, int offsetHours, int offsetMinutes) =>
        Assert.Equal(
            Clock(2026, 4, 5, hour, minute, Hours(offsetHours, offsetMinutes)),
            DailyAt(Chatham, Time(hour, minute), Chatham.Local(2026, 4, 4, 12)));

    [Fact]
    public void Kolkata_has_no_transitions_so_every_day_is_twenty_four_hours()
    {
        var daily = new DailyRecurrence(1, Time(9));
        var occurrence = Kolkata.Local(2026, 3, 27, 9);
        for (var i = 0; i < 5; i++)
        {
            var next = daily.NextAfter(occurrence, occurrence, Kolkata)!.Value;
            Assert.Equal(Duration.FromDays(1), next - occurrence);
            Assert.Equal(Hours(5, 30), next.In(Kolkata).Offset);
            occurrence = next;
        }

        Assert.Equal(Utc(2026, 4, 1, 3, 30), occurrence);
    }

    [Fact]
    public void Sao_paulo_2018_spring_forward_at_midnight_moves_00_30_to_01_30()
    {
        // 4 November 2018: 00:00 -03:00 -> 01:00 -02:00.
        Assert.Equal(Clock(2018, 11, 4, 1, 30, Hours(-2)), DailyAt(SaoPaulo, Time(0, 30), SaoPaulo.Local(2018, 11, 3, 12)));
        Assert.Equal(Clock(2018, 11, 5, 0, 30, Hours(-2)), DailyAt(SaoPaulo, Time(0, 30), Zones.At(2018, 11, 4, 1, 30, Hours(-2))));
    }

    [Fact]
    public void Sao_paulo_2019_last_fall_back_takes_the_earlier_of_the_ambiguous_evening()
    {
        // 17 February 2019 00:00 -02:00 -> 16 February 23:00 -03:00: 23:30 on the 16th happens twice.
        Assert.Equal(Clock(2019, 2, 16, 23, 30, Hours(-2)), DailyAt(SaoPaulo, Time(23, 30), SaoPaulo.Local(2019, 2, 16, 12)));
        Assert.Equal(Clock(2019, 2, 17, 23, 30, Hours(-3)), DailyAt(SaoPaulo, Time(23, 30), Zones.At(2019, 2, 16, 23, 30, Hours(-2))));
    }

    [Theory]
    [InlineData(2019, 11, 3)] // first Sunday of November, when DST would have started
    [InlineData(2020, 11, 1)]
    [InlineData(2020, 10, 18)]
    public void Sao_paulo_has_no_gap_since_dst_was_abolished_in_2019(int year, int month, int day)
    {
        var previous = new LocalDate(year, month, day).PlusDays(-1);
        var after = SaoPaulo.Local(previous.Year, previous.Month, previous.Day, 12);

        Assert.Equal(Clock(year, month, day, 0, 30, Hours(-3)), DailyAt(SaoPaulo, Time(0, 30), after));
    }

    [Fact]
    public void Sao_paulo_nine_oclock_is_noon_utc_all_through_2020()
    {
        var daily = new DailyRecurrence(1, Time(9));
        var occurrence = SaoPaulo.Local(2020, 1, 1, 9);
        for (var day = 0; day < 366; day++)
        {
            occurrence = daily.NextAfter(occurrence, occurrence, SaoPaulo)!.Value;
            Assert.Equal(12, occurrence.InUtc().Hour);
        }

        Assert.Equal(Utc(2021, 1, 1, 12), occurrence);
    }

    [Fact]
    public void Weekly_and_monthly_patterns_keep_the_wall_clock_across_transitions()
    {
        var weekly = new WeeklyRecurrence(1, [IsoDayOfWeek.Sunday], Time(2, 30));
        var monthly = new MonthlyRecurrence(1, MonthDay.Nth(-1, IsoDayOfWeek.Sunday), Time(2, 30));
        var anchor = Berlin.Local(2026, 3, 22, 2, 30);

        // The last Sunday of March is the spring night: 02:30 moves to 03:30; a week later it is 02:30 again.
        var gapNight = weekly.NextAfter(anchor, anchor, Berlin);
        var weekAfter = weekly.NextAfter(anchor, gapNight!.Value, Berlin);
        var monthlyOnGap = monthly.NextAfter(Berlin.Local(2026, 2, 22, 2, 30), Berlin.Local(2026, 3, 1, 0), Berlin);
        var monthlyOnAmbiguous = monthly.NextAfter(Berlin.Local(2026, 9, 27, 2, 30), Berlin.Local(2026, 10, 1, 0), Berlin);

        Assert.Equal(Clock(2026, 3, 29, 3, 30, Hours(2)), gapNight.In(Berlin));
        Assert.Equal(Clock(2026, 4, 5, 2, 30, Hours(2)), weekAfter.In(Berlin));
        Assert.Equal(Clock(2026, 3, 29, 3, 30, Hours(2)), monthlyOnGap.In(Berlin));
        Assert.Equal(Clock(2026, 10, 25, 2, 30, Hours(2)), monthlyOnAmbiguous.In(Berlin));
    }
}
