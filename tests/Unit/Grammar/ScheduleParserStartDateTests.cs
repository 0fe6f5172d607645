using NodaTime;
using ScheduledMessages.Grammar;

namespace ScheduledMessages.Unit.Grammar;

public sealed class ScheduleParserStartDateTests
{
    /// <summary>Tuesday 10 March 2026, 14:30 UTC.</summary>
    private static readonly ZonedDateTime Now = new LocalDateTime(2026, 3, 10, 14, 30).InUtc();

    [Fact]
    public void From_a_later_day_is_the_start_date_and_the_schedule_starts_at_that_days_midnight()
    {
        var spec = ScheduleParser.Parse("daily 09:00 from=2026-03-27 Morning", Now).Value;

        Assert.Equal(new LocalDate(2026, 3, 27), spec.StartDate);
        Assert.Null(spec.At);
        Assert.Equal(new LocalDateTime(2026, 3, 27, 0, 0), spec.Start);
        Assert.Equal("Morning", spec.Content);
    }

    [Fact]
    public void From_today_is_the_same_as_no_start_date()
    {
        var spec = ScheduleParser.Parse("from=2026-03-10 every 2h Water", Now).Value;

        Assert.Null(spec.StartDate);
        Assert.Null(spec.Start);
    }

    [Fact]
    public void A_one_time_message_starts_at_its_own_time()
    {
        var spec = ScheduleParser.Parse("2026-04-01 09:00 Once", Now).Value;

        Assert.Null(spec.StartDate);
        Assert.Equal(new LocalDateTime(2026, 4, 1, 9, 0), spec.Start);
    }

    [Theory]
    [InlineData("2026-04-01 09:00 from=2026-03-20 Once", "from= is for repeating schedules", 17)]
    [InlineData("daily 09:00 from=2026-03-09 Late", "from=2026-03-09 is already past; today is 2026-03-10.", 12)]
    [InlineData("daily 09:00 from=2026-02-30 Bad", "from: 2026-02-30 is not a date", 17)]
    [InlineData("daily 09:00 from=tomorrow Bad", "\"from=tomorrow\" is not a start date", 12)]
    [InlineData("daily 09:00 from=2026-03-20T09:00 Bad", "is not a start date", 12)]
    [InlineData("daily 09:00 from=2026-03-20 from=2026-03-21 Twice", "The start date is given twice", 28)]
    public void A_wrong_start_date_is_named_where_it_stands(string arguments, string problem, int position)
    {
        var result = ScheduleParser.Parse(arguments, Now);

        Assert.True(result.IsFailure);
        Assert.Contains(problem, result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(position, result.Error.Position);
    }
}
