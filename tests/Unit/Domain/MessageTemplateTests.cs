using NodaTime;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;
using static ScheduledMessages.Unit.Domain.Zones;

namespace ScheduledMessages.Unit.Domain;

public sealed class MessageTemplateTests
{
    // Tuesday 15 December 2026, 09:05 in Berlin.
    private static readonly TemplateValues Values = new(Berlin.Local(2026, 12, 15, 9, 5).InZone(Berlin), 7);

    [Theory]
    [InlineData("Good morning!", "Good morning!")]
    [InlineData("Today is {weekday}, {date} at {time}", "Today is Tuesday, 2026-12-15 at 09:05")]
    [InlineData("Reminder #{count}", "Reminder #7")]
    [InlineData("{DATETIME} ({zone})", "2026-12-15 09:05 (Europe/Berlin)")]
    [InlineData("{day} {month} {year}", "15 December 2026")]
    [InlineData("Braces: {{date}} and }} and a lone }", "Braces: {date} and } and a lone }")]
    [InlineData("{ date }", "2026-12-15")]
    public void Variables_are_filled_in_on_the_occurrences_wall_clock(string template, string expected)
    {
        Assert.Null(MessageTemplate.Validate(template));
        Assert.True(MessageTemplate.TryRender(template, Values, out var text));
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("Hello {name}", "Unknown variable {name}")]
    [InlineData("Price {", "has no closing }")]
    [InlineData("a { b { c }", "has no closing }")]
    [InlineData("{}", "Unknown variable {}")]
    public void A_bad_template_is_refused_with_the_reason_and_the_known_variables(string template, string problem)
    {
        var error = MessageTemplate.Validate(template);

        Assert.NotNull(error);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(MessageTemplate.ErrorCode, error.Code);
        Assert.False(MessageTemplate.TryRender(template, Values, out var text));
        Assert.Equal(template, text);
    }

    [Fact]
    public void Scheduling_refuses_an_unknown_variable()
    {
        var result = ScheduledMessage.Create(
            Guid.NewGuid(), 1, null, "Hi {nmae}", Recurrence.OneTime, Instant.FromUtc(2030, 1, 1, 0, 0), Instant.FromUtc(2029, 1, 1, 0, 0));

        Assert.True(result.IsFailure);
        Assert.Contains("{nmae}", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recurring_message_counts_its_occurrences_and_dates_each_one()
    {
        var daily = new DailyRecurrence(1, new LocalTime(9, 0));
        var first = Berlin.Local(2026, 12, 15, 9);
        var message = ScheduledMessage.Create(Guid.NewGuid(), 1, null, "#{count} on {date}", daily, first, first - Duration.FromHours(1)).Value;

        Assert.Equal("#1 on 2026-12-15", message.RenderContent(Berlin));
        message.MarkDelivered(first + Duration.FromSeconds(1), Berlin);
        Assert.Equal("#2 on 2026-12-16", message.RenderContent(Berlin));
    }

    [Fact]
    public void A_text_stored_by_another_tool_that_is_no_template_is_sent_as_written()
    {
        Assert.False(MessageTemplate.TryRender("{json: 1}", Values, out var text));
        Assert.Equal("{json: 1}", text);
    }
}
