using NodaTime;
using ScheduledMessages.Grammar;

namespace ScheduledMessages.Unit.Grammar;

public sealed class ScheduleParserStartDateTests
{
    /// <summary>Tuesday 10 March 2026, 14:30 UTC.</summary>
    private static readonly ZonedDateTime Now = new LocalDateTime(2026, 3, 10, 14, 30).InUtc();

    [Fact]
    public void From_a_later_day_starts_a_repeating_schedule_at_that_days_midnight()
    {
        var spec = ScheduleParser.Parse("daily 09:00 from=2026-03-27 Morning", Now).Value;

        Assert.Equal(new LocalDateTime(2026, 3, 27, 0, 0), spec.At);
        Assert.Equal("Morning", spec.Content);
    }

    [Fact]
    public void From_today_is_the_same_as_no_start_date() =>
        Assert.Null(ScheduleParser.Parse("from=2026-03-10 every 2h Water", Now).Value.At);

    [Theory]
    [InlineData("2026-04-01 09:00 from=2026-03-20 Once", "from= is for repeating schedules")]
    [InlineData("daily 09:00 from=2026-03-09 Late", "from=2026-03-09 is already past; today is 2026-03-10.")]
    [InlineData("daily 09:00 from=2026-02-30 Bad", "from: 2026-02-30 is not a date")]
    [InlineData("daily 09:00 from=tomorrow Bad", "\"from=tomorrow\" is not a start date")]
    [InlineData("daily 09:00 from=2026-03-20T09:00 Bad", "is not a start date")]
    [InlineData("daily 09:00 from=2026-03-20 from=2026-03-21 Twice", "The start date is given twice")]
    public void A_wrong_start_date_is_named(string arguments, string problem)
    {
        var result = ScheduleParser.Parse(arguments, Now);

        Assert.True(result.IsFailure);
        Assert.Contains(problem, result.Error!.Message, StringComparison.Ordinal);
    }
}
