using NodaTime;
using ScheduledMessages.Domain.Recurrences;
using static ScheduledMessages.Unit.Domain.Zones;

namespace ScheduledMessages.Unit.Domain;

public sealed class MonthlyRecurrenceTests
{
    private static readonly Offset Cet = Hours(1);
    private static readonly Offset Cest = Hours(2);

    [Fact]
    public void On_the_15th_the_next_one_is_next_month_once_this_month_has_passed()
    {
        var monthly = new MonthlyRecurrence(1, MonthDay.OnDay(15), Time(9));
        var anchor = Berlin.Local(2026, 1, 15, 9);

        Assert.Equal(Clock(2026, 2, 15, 9, 0, Cet), monthly.NextAfter(anchor, Berlin.Local(2026, 1, 20, 0), Berlin).In(Berlin));
        Assert.Equal(Clock(2026, 2, 15, 9, 0, Cet), monthly.NextAfter(anchor, Berlin.Local(2026, 2, 15, 8, 59), Berlin).In(Berlin));
        Assert.Equal(Clock(2026, 3, 15, 9, 0, Cet), monthly.NextAfter(anchor, Berlin.Local(2026, 2, 15, 9), Berlin).In(Berlin));
    }

    [Fact]
    public void On_the_31st_falls_on_the_last_day_of_shorter_months_and_returns_to_the_31st()
    {
        var monthly = new MonthlyRecurrence(1, MonthDay.OnDay(31), Time(9));
        var occurrence = Berlin.Local(2026, 1, 31, 9);
        var seen = new List<LocalDate>();

        // Each occurrence anchors the next, as the worker does; a clamped day must not stick.
        for (var i = 0; i < 6; i++)
        {
            occurrence = monthly.NextAfter(occurrence, occurrence, Berlin)!.Value;
            seen.Add(occurrence.InZone(Berlin).Date);
        }

        Assert.Equal(
            [new(2026, 2, 28), new(2026, 3, 31), new(2026, 4, 30), new(2026, 5, 31), new(2026, 6, 30), new(2026, 7, 31)],
            seen);
    }

    [Theory]
    [InlineData(2027, 29, 28)] // not a leap year
    [InlineData(2027, 30, 28)]
    [InlineData(2028, 29, 29)] // leap year
    [InlineData(2028, 31, 29)]
    [InlineData(2028, 28, 28)]
    [InlineData(2100, 29, 28)] // divisible by 100, not by 400: not a leap year
    [InlineData(2000, 30, 29)] // divisible by 400: a leap year
    public void February_gets_the_chosen_day_or_its_last_day(int year, int day, int expectedDay)
    {
        var monthly = new MonthlyRecurrence(1, MonthDay.OnDay(day), Time(9));
        var anchor = Berlin.Local(year, 1, Math.Min(day, 31), 9);

        var next = monthly.NextAfter(anchor, anchor, Berlin);

        Assert.Equal(Clock(year, 2, expectedDay, 9, 0, Cet), next.In(Berlin));
    }

    [Fact]
    public void On_the_last_day_follows_each_month_length()
    {
        var lastDay = new MonthlyRecurrence(1, MonthDay.Last, Time(20));
        var occurrence = Berlin.Local(2027, 12, 31, 20);
        var seen = new List<LocalDate>();
        for (var i = 0; i < 4; i++)
        {
            occurrence = lastDay.NextAfter(occurrence, occurrence, Berlin)!.Value;
            seen.Add(occurrence.InZone(Berlin).Date);
        }

        Assert.Equal([new(2028, 1, 31), new(2028, 2, 29), new(2028, 3, 31), new(2028, 4, 30)], seen);
    }

    [Fact]
    public void On_the_second_tuesday()
    {
        // Second Tuesdays of 2026: 13 Jan, 10 Feb, 10 Mar, 14 Apr.
        var pattern = new MonthlyRecurrence(1, MonthDay.Nth(2, IsoDayOfWeek.Tuesday), Time(9));
        var anchor = Berlin.Local(2026, 1, 13, 9);

        Assert.Equal(Clock(2026, 2, 10, 9, 0, Cet), pattern.NextAfter(anchor, anchor, Berlin).In(Berlin));
        Assert.Equal(Clock(2026, 3, 10, 9, 0, Cet), pattern.NextAfter(anchor, Berlin.Local(2026, 2, 10, 9), Berlin).In(Berlin));
        Assert.Equal(Clock(2026, 4, 14, 9, 0, Cest), pattern.NextAfter(anchor, Berlin.Local(2026, 3, 10, 9), Berlin).In(Berlin));
    }

    [Fact]
    public void On_the_last_friday()
    {
        // Last Fridays of 2026: 30 Jan, 27 Feb, 27 Mar, 24 Apr, 29 May.
        var pattern = new MonthlyRecurrence(1, MonthDay.Nth(-1, IsoDayOfWeek.Friday), Time(16));
        var occurrence = Berlin.Local(2026, 1, 30, 16);
        var seen = new List<LocalDate>();
        for (var i = 0; i < 4; i++)
        {
            occurrence = pattern.NextAfter(occurrence, occurrence, Berlin)!.Value;
            seen.Add(occurrence.InZone(Berlin).Date);
        }

        Assert.Equal([new(2026, 2, 27), new(2026, 3, 27), new(2026, 4, 24), new(2026, 5, 29)], seen);
    }

    [Theory]
    [InlineData(1, IsoDayOfWeek.Monday, 1)] // June 2026 starts on a Monday
    [InlineData(1, IsoDayOfWeek.Sunday, 7)]
    [InlineData(4, IsoDayOfWeek.Monday, 22)]
    [InlineData(4, IsoDayOfWeek.Sunday, 28)]
    [InlineData(-1, IsoDayOfWeek.Tuesday, 30)] // June ends on a Tuesday
    [InlineData(-1, IsoDayOfWeek.Monday, 29)]
    [InlineData(-1, IsoDayOfWeek.Wednesday, 24)]
    public void Nth_weekday_picks_the_right_week_at_the_month_edges(int week, IsoDayOfWeek weekday, int expectedDay) =>
        Assert.Equal(new LocalDate(2026, 6, expectedDay), MonthDay.Nth(week, weekday).In(new YearMonth(2026, 6)));

    [Fact]
    public void Every_three_months_stays_in_phase_with_the_first_month()
    {
        var quarterly = new MonthlyRecurrence(3, MonthDay.OnDay(15), Time(9));
        var anchor = Berlin.Local(2026, 1, 15, 9);

        Assert.Equal(Clock(2026, 4, 15, 9, 0, Cest), quarterly.NextAfter(anchor, Berlin.Local(2026, 2, 1, 0), Berlin).In(Berlin));
        Assert.Equal(Clock(2027, 1, 15, 9, 0, Cet), quarterly.NextAfter(anchor, Berlin.Local(2026, 10, 15, 9), Berlin).In(Berlin));
    }

    [Fact]
    public void Every_other_month_on_the_31st_clamps_only_where_needed()
    {
        // January, March, May ... all have 31 days; every other month from November: Nov 30, Jan 31, Mar 31.
        var pattern = new MonthlyRecurrence(2, MonthDay.OnDay(31), Time(9));
        var anchor = Berlin.Local(2025, 11, 30, 9);

        Assert.Equal(Clock(2026, 1, 31, 9, 0, Cet), pattern.NextAfter(anchor, anchor, Berlin).In(Berlin));
        Assert.Equal(Clock(2026, 3, 31, 9, 0, Cest), pattern.NextAfter(anchor, Berlin.Local(2026, 1, 31, 9), Berlin).In(Berlin));
    }

    [Fact]
    public void First_occurrence_is_this_month_when_the_day_is_still_ahead_whatever_the_interval()
    {
        var quarterly = new MonthlyRecurrence(3, MonthDay.OnDay(15), Time(9));

        Assert.Equal(Clock(2026, 1, 15, 9, 0, Cet), quarterly.FirstAfter(Berlin.Local(2026, 1, 10, 12), Berlin).In(Berlin));
        Assert.Equal(Clock(2026, 2, 15, 9, 0, Cet), quarterly.FirstAfter(Berlin.Local(2026, 1, 15, 10), Berlin).In(Berlin));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(-1)]
    public void Day_numbers_outside_1_to_31_are_refused(int day) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MonthDay.OnDay(day));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-2)]
    public void Weeks_outside_1_to_4_or_last_are_refused(int week) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MonthDay.Nth(week, IsoDayOfWeek.Monday));

    [Fact]
    public void Nth_weekday_needs_a_weekday() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MonthDay.Nth(1, IsoDayOfWeek.None));

    [Fact]
    public void Describes_itself_in_plain_words()
    {
        Assert.Equal("every month on the 15th at 09:00", new MonthlyRecurrence(1, MonthDay.OnDay(15), Time(9)).Describe());
        Assert.Equal("every other month on the 1st", new MonthlyRecurrence(2, MonthDay.OnDay(1), null).Describe());
        Assert.Equal("every month on the last day", new MonthlyRecurrence(1, MonthDay.Last, null).Describe());
        Assert.Equal("every 3 months on the 2nd Tuesday", new MonthlyRecurrence(3, MonthDay.Nth(2, IsoDayOfWeek.Tuesday), null).Describe());
        Assert.Equal("every month on the last Friday", new MonthlyRecurrence(1, MonthDay.Nth(-1, IsoDayOfWeek.Friday), null).Describe());
        Assert.Equal("monthly", new MonthlyRecurrence(1, MonthDay.Last, null).Kind);
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(31, "31st")]
    public void Ordinals_read_as_english(int n, string expected) => Assert.Equal(expected, MonthDay.Ordinal(n));
}
