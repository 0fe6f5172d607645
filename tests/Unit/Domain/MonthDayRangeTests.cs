using NodaTime;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Unit.Domain;

/// <summary>The ranges a month day may take, as the Domain states them for everyone who reads one.</summary>
public sealed class MonthDayRangeTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(31, true)]
    [InlineData(32, false)]
    [InlineData(-1, false)]
    public void A_day_of_the_month_is_1_to_31(int day, bool isDay)
    {
        Assert.Equal(isDay, DayOfMonth.IsDay(day));
        if (!isDay)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => MonthDay.OnDay(day));
        }
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(-2, false)]
    public void A_week_of_the_month_is_1_to_4_or_the_last(int week, bool isWeek)
    {
        Assert.Equal(isWeek, NthWeekdayOfMonth.IsWeek(week));
        if (!isWeek)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => MonthDay.Nth(week, IsoDayOfWeek.Friday));
        }
    }

    [Fact]
    public void The_smallest_intervals_are_what_the_recurrences_accept()
    {
        Assert.Equal(CalendarRecurrence.MinInterval, new DailyRecurrence(CalendarRecurrence.MinInterval, null).Interval);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DailyRecurrence(CalendarRecurrence.MinInterval - 1, null));
        Assert.Equal(IntervalRecurrence.MinMinutes, new IntervalRecurrence(IntervalRecurrence.MinMinutes).Minutes);
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntervalRecurrence(IntervalRecurrence.MinMinutes - 1));
    }
}
