using NodaTime;
using ScheduledMessages.Domain.Recurrences;
using static ScheduledMessages.Unit.Domain.Zones;

namespace ScheduledMessages.Unit.Domain;

public sealed class WeeklyRecurrenceTests
{
    private static readonly Offset Cet = Hours(1);

    private static readonly IsoDayOfWeek[] MonWedFri = [IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Friday];

    // Monday 2026-01-05 08:00 in Berlin.
    private static readonly Instant Anchor = Berlin.Local(2026, 1, 5, 8);

    [Theory]
    [InlineData(5, 9, 7)] // Monday after the time -> Wednesday
    [InlineData(6, 12, 7)] // Tuesday -> Wednesday
    [InlineData(7, 7, 7)] // Wednesday before the time -> the same day
    [InlineData(7, 8, 9)] // Wednesday at the time -> Friday (strictly after)
    [InlineData(9, 8, 12)] // Friday at the time -> next Monday
    [InlineData(10, 10, 12)] // Saturday -> Monday
    [InlineData(11, 23, 12)] // Sunday night -> Monday
    public void Mon_Wed_Fri_lands_on_the_next_chosen_weekday(int afterDay, int afterHour, int expectedDay)
    {
        var weekly = new WeeklyRecurrence(1, MonWedFri, Time(8));

        var next = weekly.NextAfter(Anchor, Berlin.Local(2026, 1, afterDay, afterHour), Berlin);

        Assert.Equal(Clock(2026, 1, expectedDay, 8, 0, Cet), next.In(Berlin));
    }

    [Theory]
    [InlineData(5, 9, 7)] // on-week: Monday -> Wednesday
    [InlineData(9, 8, 19)] // Friday of the on-week -> Monday two weeks on, skipping the week of the 12th
    [InlineData(13, 12, 19)] // Tuesday of the off-week -> Monday of the next on-week
    [InlineData(18, 23, 19)] // Sunday of the off-week -> Monday
    [InlineData(23, 8, 2)] // Friday 23rd -> Monday 2 February
    public void Every_other_week_skips_the_weeks_in_between(int afterDay, int afterHour, int expectedDay)
    {
        var everyOtherWeek = new WeeklyRecurrence(2, MonWedFri, Time(8));

        var next = everyOtherWeek.NextAfter(Anchor, Berlin.Local(2026, 1, afterDay, afterHour), Berlin);

        var expectedMonth = expectedDay < afterDay ? 2 : 1;
        Assert.Equal(Clock(2026, expectedMonth, expectedDay, 8, 0, Cet), next.In(Berlin));
    }

    [Fact]
    public void Weeks_run_monday_to_sunday()
    {
        // Every other week on Monday and Sunday, first on Sunday 4 January: that Sunday closes the week of
        // Monday 29 December, so the next on-week starts Monday 12 January (not Monday 5 January, as it
        // would if weeks began on Sunday).
        var pattern = new WeeklyRecurrence(2, [IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday], Time(9));
        var anchor = Berlin.Local(2026, 1, 4, 9);

        Assert.Equal(Clock(2026, 1, 12, 9, 0, Cet), pattern.NextAfter(anchor, anchor, Berlin).In(Berlin));
        Assert.Equal(Clock(2026, 1, 18, 9, 0, Cet), pattern.NextAfter(anchor, Berlin.Local(2026, 1, 12, 9), Berlin).In(Berlin));
    }

    [Fact]
    public void Every_three_weeks_on_one_day_keeps_its_phase_months_later()
    {
        // Thursdays 1 Jan, 22 Jan, 12 Feb, 5 Mar, 26 Mar, 16 Apr ...
        var pattern = new WeeklyRecurrence(3, [IsoDayOfWeek.Thursday], Time(12));
        var anchor = Berlin.Local(2026, 1, 1, 12);

        var next = pattern.NextAfter(anchor, Berlin.Local(2026, 3, 27, 0), Berlin);

        Assert.Equal(Clock(2026, 4, 16, 12, 0, Hours(2)), next.In(Berlin));
    }

    [Fact]
    public void First_occurrence_is_the_next_chosen_weekday_whatever_the_interval()
    {
        var pattern = new WeeklyRecurrence(2, [IsoDayOfWeek.Friday], Time(17));

        // Wednesday 7 January -> Friday 9 January, the same week.
        var first = pattern.FirstAfter(Berlin.Local(2026, 1, 7, 10), Berlin);

        Assert.Equal(Clock(2026, 1, 9, 17, 0, Cet), first.In(Berlin));
    }

    [Fact]
    public void Weekdays_are_kept_in_order_without_duplicates()
    {
        var pattern = new WeeklyRecurrence(1, [IsoDayOfWeek.Friday, IsoDayOfWeek.Monday, IsoDayOfWeek.Friday], null);

        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Friday], pattern.Days.ToArray());
        Assert.Equal(new WeeklyRecurrence(1, [IsoDayOfWeek.Monday, IsoDayOfWeek.Friday], null), pattern);
        Assert.Equal(new WeeklyRecurrence(1, [IsoDayOfWeek.Monday, IsoDayOfWeek.Friday], null).GetHashCode(), pattern.GetHashCode());
    }

    [Fact]
    public void Patterns_on_different_weekdays_are_not_equal() =>
        Assert.NotEqual(
            new WeeklyRecurrence(1, [IsoDayOfWeek.Monday], Time(9)),
            new WeeklyRecurrence(1, [IsoDayOfWeek.Tuesday], Time(9)));

    [Fact]
    public void A_pattern_without_weekdays_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new WeeklyRecurrence(1, [], Time(9)));
        Assert.Throws<ArgumentException>(() => new WeeklyRecurrence(1, [IsoDayOfWeek.None], Time(9)));
    }

    [Fact]
    public void Interval_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WeeklyRecurrence(0, MonWedFri, Time(9)));

    [Fact]
    public void Describes_itself_in_plain_words()
    {
        Assert.Equal("every week on Mon, Wed, Fri at 08:00", new WeeklyRecurrence(1, MonWedFri, Time(8)).Describe());
        Assert.Equal("every other week on weekdays", new WeeklyRecurrence(2, WeeklyRecurrence.Weekdays, null).Describe());
        Assert.Equal("every 3 weeks on weekends at 10:30", new WeeklyRecurrence(3, WeeklyRecurrence.Weekend, Time(10, 30)).Describe());
        Assert.Equal("weekly", new WeeklyRecurrence(1, MonWedFri, null).Kind);
    }
}
