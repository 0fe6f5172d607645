using NodaTime;
using ScheduledMessages.Application.ScheduledMessages.Create;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Unit.Application;

public sealed class CreateScheduledMessageValidatorTests
{
    private static readonly CreateScheduledMessage Valid = new(1, 2, "Hello", Recurrence.OneTime, new LocalDateTime(2030, 1, 1, 9, 0));

    private readonly CreateScheduledMessageValidator _validator = new();

    private string[] Problems(CreateScheduledMessage message) => [.. _validator.Validate(message).Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void A_complete_request_passes() => Assert.Empty(Problems(Valid));

    [Fact]
    public void A_missing_chat_is_refused() =>
        Assert.Equal(["The chat is missing."], Problems(Valid with { ChatId = 0 }));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void Blank_text_is_refused(string content) =>
        Assert.Equal(["The message text is empty."], Problems(Valid with { Content = content }));

    [Fact]
    public void Text_of_4096_characters_passes_and_4097_is_refused_with_its_length()
    {
        Assert.Empty(Problems(Valid with { Content = new string('a', 4096) }));
        Assert.Equal(
            ["The message text is 4097 characters long; Telegram allows at most 4096."],
            Problems(Valid with { Content = new string('a', 4097) }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Priority_outside_1_to_5_is_refused(int priority) =>
        Assert.Equal(["The priority must be 1 (highest) to 5 (lowest)."], Problems(Valid with { Priority = priority }));

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Priority_1_and_5_pass(int priority) => Assert.Empty(Problems(Valid with { Priority = priority }));

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void A_delivery_window_that_is_not_positive_is_refused(int seconds) =>
        Assert.Equal(["The delivery window must be longer than zero."], Problems(Valid with { DeliveryWindow = Duration.FromSeconds(seconds) }));

    [Fact]
    public void A_delivery_window_over_a_year_is_refused() =>
        Assert.Equal(["The delivery window can be at most 365 days."], Problems(Valid with { DeliveryWindow = Duration.FromDays(366) }));

    [Fact]
    public void A_missing_recurrence_is_refused() =>
        Assert.Contains("Say how often to send it: once, daily, weekly, monthly or every N minutes.", Problems(Valid with { Recurrence = null! }));

    [Fact]
    public void A_one_time_message_without_a_time_is_refused() =>
        Assert.Equal(["A one-time message needs a date and time, e.g. 2030-06-01 09:00."], Problems(Valid with { At = null }));

    [Fact]
    public void A_recurring_message_without_a_time_passes() =>
        Assert.Empty(Problems(Valid with { Recurrence = new DailyRecurrence(1, new LocalTime(9, 0)), At = null }));

    [Fact]
    public void Every_problem_is_named_at_once() =>
        Assert.Equal(4, Problems(new CreateScheduledMessage(0, null, "", Recurrence.OneTime, null, Priority: 7)).Length);

    [Fact]
    public void An_unknown_template_variable_is_refused_with_the_known_ones() =>
        Assert.Contains(Problems(Valid with { Content = "Hi {nmae}" }), p => p.Contains("Unknown variable {nmae}", StringComparison.Ordinal) && p.Contains("{date}", StringComparison.Ordinal));

    [Fact]
    public void Template_variables_and_doubled_braces_pass() =>
        Assert.Empty(Problems(Valid with { Content = "#{count} on {date} {{literal}}" }));
}
