using NodaTime;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;
using static ScheduledMessages.Unit.Domain.Zones;

namespace ScheduledMessages.Unit.Domain;

public sealed class PauseResumeEditTests
{
    private static readonly Instant Now = Berlin.Local(2026, 5, 4, 8);
    private static readonly Instant NineOClock = Berlin.Local(2026, 5, 4, 9);

    private static ScheduledMessage Create(Recurrence recurrence) =>
        ScheduledMessage.Create(Guid.NewGuid(), 1, 2, "Hello", recurrence, NineOClock, Now, timeZoneId: "Europe/Berlin").Value;

    [Fact]
    public void A_paused_message_is_not_active_and_resumes_at_its_time_when_that_is_still_ahead()
    {
        var message = Create(Recurrence.OneTime);

        Assert.True(message.Pause().IsSuccess);
        Assert.Equal(MessageStatus.Paused, message.Status);
        Assert.False(message.IsActive);
        Assert.True(message.Pause().IsSuccess);

        Assert.True(message.Resume(Now, Berlin).IsSuccess);
        Assert.Equal(MessageStatus.Pending, message.Status);
        Assert.Equal(NineOClock, message.ScheduledTime);
    }

    [Fact]
    public void A_recurring_message_resumed_after_missing_occurrences_continues_with_the_next_one()
    {
        var message = Create(new DailyRecurrence(1, new LocalTime(9, 0)));
        message.Pause();

        var threeDaysLater = Berlin.Local(2026, 5, 7, 12);
        Assert.True(message.Resume(threeDaysLater, Berlin).IsSuccess);

        Assert.Equal(MessageStatus.Pending, message.Status);
        Assert.Equal(Berlin.Local(2026, 5, 8, 9), message.ScheduledTime);
    }

    [Fact]
    public void A_one_time_message_whose_time_passed_while_paused_is_not_resumed()
    {
        var message = Create(Recurrence.OneTime);
        message.Pause();

        var result = message.Resume(NineOClock + Duration.FromMinutes(1), Berlin);

        Assert.True(result.IsFailure);
        Assert.Equal(MessageStatus.Paused, message.Status);
    }

    [Fact]
    public void Resuming_a_message_that_is_not_paused_is_refused()
    {
        var message = Create(Recurrence.OneTime);

        Assert.Equal("status.not_paused", message.Resume(Now, Berlin).Error!.Code);
    }

    [Fact]
    public void A_paused_message_can_be_cancelled_and_a_sent_one_cannot_be_paused_or_edited()
    {
        var paused = Create(Recurrence.OneTime);
        paused.Pause();
        Assert.True(paused.Cancel().IsSuccess);
        Assert.Equal(MessageStatus.Cancelled, paused.Status);

        var sent = Create(Recurrence.OneTime);
        sent.MarkDelivered(NineOClock, Berlin);
        Assert.True(sent.Pause().IsFailure);
        Assert.True(sent.EditContent("new").IsFailure);
        Assert.Equal("Hello", sent.Content);
    }

    [Theory]
    [InlineData("", "content.empty")]
    [InlineData("Hi {who}", "content.template")]
    public void Editing_checks_the_new_text_like_scheduling_does(string content, string code)
    {
        var message = Create(Recurrence.OneTime);

        Assert.Equal(code, message.EditContent(content).Error!.Code);
        Assert.Equal("Hello", message.Content);
    }

    [Fact]
    public void Editing_replaces_the_text_of_a_pending_or_paused_message()
    {
        var message = Create(Recurrence.OneTime);
        Assert.True(message.EditContent("Hello again").IsSuccess);
        message.Pause();
        Assert.True(message.EditContent("Hello a third time").IsSuccess);

        Assert.Equal("Hello a third time", message.Content);
        Assert.True(message.EditContent(new string('x', 4097)).IsFailure);
    }
}
