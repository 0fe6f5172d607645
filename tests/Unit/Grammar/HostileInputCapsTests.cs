using NodaTime;
using ScheduledMessages.Grammar;

namespace ScheduledMessages.Unit.Grammar;

/// <summary>Inputs that would cost work or mislead are answered at once with what is wrong and one right example.</summary>
public sealed class HostileInputCapsTests
{
    /// <summary>Tuesday 10 March 2026, 14:30 UTC.</summary>
    private static readonly ZonedDateTime Now = new LocalDateTime(2026, 3, 10, 14, 30).InUtc();

    private static string Problem(string arguments)
    {
        var result = ScheduleParser.Parse(arguments, Now);
        Assert.True(result.IsFailure, $"'{arguments}' parsed");
        return result.Error!.Message;
    }

    [Theory]
    [InlineData("٣", true)]
    [InlineData("１２:００", true)]
    [InlineData("०९:००", true)]
    [InlineData("12:00", false)]
    [InlineData("Ⅻ", false)]
    [InlineData("", false)]
    public void Digits_other_than_0_to_9_are_told_apart(string word, bool others) => Assert.Equal(others, Digits.HasOthers(word));

    [Theory]
    [InlineData("١٢:٠٠", "12:00")]
    [InlineData("１２:００", "12:00")]
    [InlineData("२०३०-०६-०१", "2030-06-01")]
    [InlineData("from=٢٠٣٠", "from=2030")]
    public void A_word_in_other_digits_is_written_back_in_0_to_9(string word, string ascii) => Assert.Equal(ascii, Digits.ToAscii(word));

    [Theory]
    [InlineData("daily ٠٩:٠٠ Good morning", "\"٠٩:٠٠\" is written with digits other than 0-9; I read only 0-9: write 09:00.")]
    [InlineData("daily １２:００ Lunch", "\"１２:００\" is written with digits other than 0-9; I read only 0-9: write 12:00.")]
    [InlineData("٢٠٣٠-٠٦-٠١ 09:00 Trip", "\"٢٠٣٠-٠٦-٠١\" is written with digits other than 0-9; I read only 0-9: write 2030-06-01.")]
    [InlineData("every ٣ hours Water", "\"٣\" is written with digits other than 0-9; I read only 0-9: write 3.")]
    [InlineData("in ٢٠m Tea", "\"٢٠m\" is written with digits other than 0-9; I read only 0-9: write 20m.")]
    [InlineData("!٢ daily 09:00 Stand-up", "\"!٢\" is written with digits other than 0-9; I read only 0-9: write !2.")]
    public void Times_dates_intervals_and_options_in_other_digits_get_the_same_word_in_0_to_9(string arguments, string problem) =>
        Assert.Equal(problem, Problem(arguments));

    [Fact]
    public void No_arguments_at_all_are_still_answered_with_what_is_missing() =>
        Assert.StartsWith("Missing the schedule", ScheduleParser.Parse(null, Now).Error!.Message, StringComparison.Ordinal);

    [Fact]
    public void Other_digits_in_the_message_text_are_kept_as_written()
    {
        var spec = ScheduleParser.Parse("daily 09:00 ٣ apples", Now).Value;

        Assert.Equal("٣ apples", spec.Content);
    }

    [Theory]
    [InlineData("from=9999-12-31")]
    [InlineData("from=2036-03-11")]
    public void A_start_date_more_than_ten_years_ahead_is_refused_with_a_nearer_example(string from) =>
        Assert.Equal(
            $"{from} is more than {ScheduleParser.MaxYearsAhead} years ahead; start sooner, e.g. from=2026-04-10.",
            Problem($"daily 09:00 {from} Reminder"));

    [Fact]
    public void A_start_date_ten_years_ahead_is_still_read()
    {
        var spec = ScheduleParser.Parse("daily 09:00 from=2036-03-10 Reminder", Now).Value;

        Assert.Equal(new LocalDate(2036, 3, 10), spec.StartDate);
    }
}
