using NodaTime;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Grammar;

namespace ScheduledMessages.Unit.Grammar;

/// <summary>The pieces the grammar is built from: the input, the results of productions, units, error places.</summary>
public sealed class ProductionTests
{
    /// <summary>Tuesday 10 March 2026, 14:30 UTC.</summary>
    private static readonly ZonedDateTime Now = new LocalDateTime(2026, 3, 10, 14, 30).InUtc();

    [Fact]
    public void Input_steps_over_words_without_changing_what_it_started_from()
    {
        var start = Input.Of("  every 2 days\n09:00   Water  the plants \n");
        var after = start.Skip(3);

        Assert.Equal("every", start.Next);
        Assert.Equal(2, start.Position);
        Assert.Equal("09:00", after.Next);
        Assert.Equal("every 2 days", after.Since(start));
        Assert.Equal("Water  the plants", after.Skip().Rest());
        Assert.True(after.Skip(99).AtEnd);
        Assert.Equal(42, start.End().Position);
    }

    [Fact]
    public void A_production_gives_the_value_and_the_rest_of_the_input()
    {
        var when = ScheduleParser.When(Input.Of("every 2 days at 09:00 Water"), Now);

        Assert.True(when.IsSuccess);
        Assert.Equal(new DailyRecurrence(2, new LocalTime(9, 0)), when.Value.Recurrence);
        Assert.Null(when.Value.At);
        Assert.Equal("Water", when.Rest.Next);
    }

    [Fact]
    public void A_failed_production_has_no_value_and_its_error_passes_through_what_follows()
    {
        ParseResult<int> failed = new ParseError("No number here.", 3);

        var chained = failed.Then((n, rest) => rest.Success(n + 1)).Select(n => n * 2);

        Assert.True(chained.IsFailure);
        Assert.Equal(new ParseError("No number here.", 3), chained.Error);
        Assert.Throws<InvalidOperationException>(() => chained.Value);
        Assert.Throws<InvalidOperationException>(() => chained.Rest);
    }

    [Fact]
    public void Productions_chain_from_where_the_last_one_stopped()
    {
        var input = Input.Of("a b c");

        var chained = input.Skip().Success("a").Then((a, rest) => rest.Skip().Success(a + rest.Next)).Select(ab => ab.ToUpperInvariant());

        Assert.Equal("AB", chained.Value);
        Assert.Equal("c", chained.Rest.Next);
    }

    [Theory]
    [InlineData("daily 25:00 Hi", 6)]
    [InlineData("daily", 5)]
    [InlineData("daily 09:00", 11)]
    [InlineData("daily 09:00 !9 Hi", 12)]
    [InlineData("daily 09:00 window=soon Hi", 19)]
    [InlineData("2026-12-31T25:00 Hi", 11)]
    [InlineData("2026-12-31T Hi", 11)]
    [InlineData("monthly 32 10:00 Hi", 8)]
    [InlineData("every 5th friday 10:00 Hi", 6)]
    [InlineData("every banana Hi", 6)]
    [InlineData("!1 soon Hi", 3)]
    public void An_error_points_at_the_word_it_is_about(string input, int position) =>
        Assert.Equal(position, ScheduleParser.Parse(input, Now).Error!.Position);

    [Theory]
    [InlineData("s", TimeUnit.Second)]
    [InlineData("mins", TimeUnit.Minute)]
    [InlineData("HRS", TimeUnit.Hour)]
    [InlineData("day", TimeUnit.Day)]
    [InlineData("wk", TimeUnit.Week)]
    public void Unit_words_name_a_unit_of_elapsed_time(string word, TimeUnit unit) =>
        Assert.Equal(unit, Units.TimeUnitOf(word));

    [Theory]
    [InlineData("days", CalendarUnit.Day)]
    [InlineData("Week", CalendarUnit.Week)]
    [InlineData("months", CalendarUnit.Month)]
    public void Calendar_words_name_a_unit_of_the_calendar(string word, CalendarUnit unit) =>
        Assert.Equal(unit, Units.CalendarUnitOf(word));

    [Fact]
    public void Words_that_are_no_unit_name_none()
    {
        Assert.Null(Units.TimeUnitOf("month"));
        Assert.Null(Units.CalendarUnitOf("h"));
        Assert.Null(Units.TimeUnitOf("banana"));
    }

    [Fact]
    public void Every_unit_has_a_length_and_every_calendar_unit_a_name()
    {
        Assert.Equal(
            [Duration.FromSeconds(1), Duration.FromMinutes(1), Duration.FromHours(1), Duration.FromDays(1), Duration.FromDays(7)],
            Enum.GetValues<TimeUnit>().Select(unit => unit.Length()));
        Assert.Equal(["day", "week", "month"], Enum.GetValues<CalendarUnit>().Select(unit => unit.Name()));
    }

    [Fact]
    public void The_ranges_in_messages_are_the_domains()
    {
        Assert.Contains(
            $"use {DayOfMonth.MinDay} to {DayOfMonth.MaxDay}, or last",
            ScheduleParser.Parse("monthly 32 10:00 Hi", Now).Error!.Message,
            StringComparison.Ordinal);
        Assert.Contains(
            $"use 1st to {MonthDay.Ordinal(NthWeekdayOfMonth.MaxWeek)}, or last",
            ScheduleParser.Parse("every 5th friday 10:00 Hi", Now).Error!.Message,
            StringComparison.Ordinal);
    }
}
