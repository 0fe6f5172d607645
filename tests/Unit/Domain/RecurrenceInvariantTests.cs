using CsCheck;
using NodaTime;
using ScheduledMessages.Domain.Recurrences;
using static ScheduledMessages.Unit.Domain.Zones;

namespace ScheduledMessages.Unit.Domain;

/// <summary>No recurrence can be made invalid after construction: <c>with</c> checks what it changes.</summary>
public sealed class RecurrenceInvariantTests
{
    [Theory]
    [InlineData("daily")]
    [InlineData("weekly")]
    [InlineData("monthly")]
    public void With_cannot_give_a_pattern_an_interval_below_one(string kind)
    {
        var pattern = Pattern(kind);

        Assert.Throws<ArgumentOutOfRangeException>(() => pattern with { Interval = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => pattern with { Interval = -3 });
    }

    [Theory]
    [InlineData("daily")]
    [InlineData("weekly")]
    [InlineData("monthly")]
    public void With_a_valid_interval_copies_the_rest(string kind)
    {
        var pattern = Pattern(kind);

        var copy = pattern with { Interval = 4 };

        Assert.Equal(4, copy.Interval);
        Assert.Equal(pattern.TimeOfDay, copy.TimeOfDay);
        Assert.Equal(pattern.Kind, copy.Kind);
        Assert.Equal(pattern, copy with { Interval = pattern.Interval });
    }

    [Fact]
    public void With_cannot_take_the_day_of_a_monthly_pattern_away() =>
        Assert.Throws<ArgumentNullException>(() => new MonthlyRecurrence(1, MonthDay.OnDay(15), Time(9)) with { Day = null! });

    [Fact]
    public void A_monthly_pattern_needs_a_day() =>
        Assert.Throws<ArgumentNullException>(() => new MonthlyRecurrence(1, null!, Time(9)));

    [Fact]
    public void Every_generated_pattern_refuses_an_invalid_interval_through_with() =>
        RecurrenceGen.Calendar.Sample(pattern =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => pattern with { Interval = 0 });
        });

    private static CalendarRecurrence Pattern(string kind) => kind switch
    {
        "daily" => new DailyRecurrence(1, Time(9)),
        "weekly" => new WeeklyRecurrence(2, [IsoDayOfWeek.Monday], Time(9)),
        _ => new MonthlyRecurrence(3, MonthDay.Last, null),
    };
}
