using NodaTime;
using ScheduledMessages.Domain.Recurrences;
using static ScheduledMessages.Unit.Domain.Zones;

namespace ScheduledMessages.Unit.Domain;

public sealed class DailyRecurrenceTests
{
    private static readonly Offset Cet = Hours(1);

    [Fact]
    public void Every_day_at_nine_is_due_later_the_same_day_when_asked_before_nine()
    {
        var daily = new DailyRecurrence(1, Time(9));
        var anchor = Berlin.Local(2026, 1, 5, 9);

        var next = daily.NextAfter(anchor, Berlin.Local(2026, 1, 10, 8, 59), Berlin);

        Assert.Equal(Clock(2026, 1, 10, 9, 0, Cet), next.In(Berlin));
    }

    [Fact]
    public void Next_occurrence_is_strictly_after_the_instant_asked_from()
    {
        var daily = new DailyRecurrence(1, Time(9));
        var anchor = Berlin.Local(2026, 1, 5, 9);

        var next = daily.NextAfter(anchor, Berlin.Local(2026, 1, 10, 9), Berlin);

        Assert.Equal(Clock(2026, 1, 11, 9, 0, Cet), next.In(Berlin));
    }

    [Fact]
    public void Every_three_days_stays_in_phase_with_the_anchor()
    {
        // Occurrences fall on the 1st, 4th, 7th, 10th ...
        var every3 = new DailyRecurrence(3, Time(9));
        var anchor = Berlin.Local(2026, 1, 1, 9);

        Assert.Equal(Clock(2026, 1, 7, 9, 0, Cet), every3.NextAfter(anchor, Berlin.Local(2026, 1, 5, 12), Berlin).In(Berlin));
        Assert.Equal(Clock(2026, 1, 4, 9, 0, Cet), every3.NextAfter(anchor, anchor, Berlin).In(Berlin));
        Assert.Equal(Clock(2026, 1, 10, 9, 0, Cet), every3.NextAfter(anchor, Berlin.Local(2026, 1, 7, 9), Berlin).In(Berlin));
    }

    [Fact]
    public void Every_other_day_skips_the_off_day()
    {
        var everyOther = new DailyRecurrence(2, Time(18, 30));
        var anchor = Berlin.Local(2026, 2, 2, 18, 30);

        var next = everyOther.NextAfter(anchor, Berlin.Local(2026, 2, 3, 7), Berlin);

        Assert.Equal(Clock(2026, 2, 4, 18, 30, Cet), next.In(Berlin));
    }

    [Fact]
    public void Weekly_spaced_daily_pattern_keeps_its_phase_a_year_later()
    {
        // 2026-01-01 + 52 x 7 days = 2026-12-31, so the next one is 2027-01-07.
        var every7 = new DailyRecurrence(7, Time(9));
        var anchor = Berlin.Local(2026, 1, 1, 9);

        var next = every7.NextAfter(anchor, Berlin.Local(2027, 1, 1, 10), Berlin);

        Assert.Equal(Clock(2027, 1, 7, 9, 0, Cet), next.In(Berlin));
    }

    [Fact]
    public void After_a_long_outage_the_next_occurrence_is_the_first_one_after_now()
    {
        var daily = new DailyRecurrence(1, Time(9));
        var anchor = Berlin.Local(2026, 1, 5, 9);

        var next = daily.NextAfter(anchor, Berlin.Local(2026, 2, 20, 15), Berlin);

        Assert.Equal(Clock(2026, 2, 21, 9, 0, Cet), next.In(Berlin));
    }

    [Fact]
    public void Without_a_time_of_day_the_anchor_local_time_is_kept()
    {
        // Rows written by other tools carry no "time": the time of day is scheduled_time's, in the chat's zone.
        var daily = new DailyRecurrence(1, null);
        var anchor = NewYork.Local(2026, 2, 10, 7, 45);

        var next = daily.NextAfter(anchor, NewYork.Local(2026, 2, 12, 8), NewYork);

        Assert.Equal(Clock(2026, 2, 13, 7, 45, Hours(-5)), next.In(NewYork));
    }

    [Fact]
    public void First_occurrence_is_today_when_the_time_is_still_ahead()
    {
        var daily = new DailyRecurrence(3, Time(9));

        var first = daily.FirstAfter(Berlin.Local(2026, 1, 10, 8, 59), Berlin);

        Assert.Equal(Clock(2026, 1, 10, 9, 0, Cet), first.In(Berlin));
    }

    [Fact]
    public void First_occurrence_is_tomorrow_when_the_time_has_passed_whatever_the_interval()
    {
        var every3 = new DailyRecurrence(3, Time(9));

        Assert.Equal(Clock(2026, 1, 11, 9, 0, Cet), every3.FirstAfter(Berlin.Local(2026, 1, 10, 9), Berlin).In(Berlin));
        Assert.Equal(Clock(2026, 1, 11, 9, 0, Cet), every3.FirstAfter(Berlin.Local(2026, 1, 10, 10), Berlin).In(Berlin));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Interval_below_one_is_refused(int interval) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DailyRecurrence(interval, Time(9)));

    [Theory]
    [InlineData(1, "every day at 09:00")]
    [InlineData(2, "every other day at 09:00")]
    [InlineData(3, "every 3 days at 09:00")]
    public void Describes_itself_in_plain_words(int interval, string expected) =>
        Assert.Equal(expected, new DailyRecurrence(interval, Time(9)).Describe());

    [Fact]
    public void Is_recurring_and_named_daily_on_the_wire()
    {
        var daily = new DailyRecurrence(1, null);

        Assert.True(daily.IsRecurring);
        Assert.Equal("daily", daily.Kind);
        Assert.Equal("every day", daily.Describe());
    }

    [Fact]
    public void Equal_patterns_are_equal_values() =>
        Assert.Equal(new DailyRecurrence(2, Time(9)), new DailyRecurrence(2, Time(9)));
}
