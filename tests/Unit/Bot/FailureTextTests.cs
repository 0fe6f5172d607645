using NodaTime;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Application.ScheduledMessages.Cancel;
using ScheduledMessages.Application.ScheduledMessages.Edit;
using ScheduledMessages.Application.ScheduledMessages.Pause;
using ScheduledMessages.Application.ScheduledMessages.Resume;
using ScheduledMessages.Bot.Commands;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Unit.Bot;

public sealed class FailureTextTests
{
    private static readonly MessageReference Some = Guid.Parse("1a2b3c4d-1111-4000-8000-000000000001");

    private static ScheduledMessageDto Message(string content, MessageStatus status = MessageStatus.Pending) => new()
    {
        Id = Guid.NewGuid(),
        Content = content,
        Status = status,
        Description = "once",
        TimeZoneId = "Europe/Berlin",
        NextSendLocal = new LocalDateTime(2030, 1, 7, 11, 0),
    };

    private static readonly UseCaseFailure[] OneOfEach =
    [
        new UseCaseFailure.Invalid(["first", "second"]),
        new UseCaseFailure.NotFound(),
        new UseCaseFailure.Ambiguous("1a2b3c4d", [new MessageCandidate("1a2b3c4d1", Message("a"))], false),
        new UseCaseFailure.NotAllowed(),
        new UseCaseFailure.WrongState(MessageStatus.Sent, new CancelScheduledMessage(Some, 1, null, true)),
        new UseCaseFailure.MissedWhilePaused(Message("missed", MessageStatus.Paused)),
        new UseCaseFailure.TimeInPast(new LocalDateTime(2030, 1, 7, 9, 59), "UTC", new LocalDateTime(2030, 1, 7, 10, 0)),
        new UseCaseFailure.TooFarAhead(new LocalDateTime(2041, 1, 1, 0, 0)),
        new UseCaseFailure.LimitReached(2, 2),
        new UseCaseFailure.MemberLimitReached(1, 1, 2),
        new UseCaseFailure.AdministratorsOnly(),
    ];

    [Fact]
    public void Every_kind_of_failure_has_words()
    {
        var kinds = typeof(UseCaseFailure).GetNestedTypes().Where(type => type.IsSubclassOf(typeof(UseCaseFailure)));

        Assert.Equal(kinds.OrderBy(k => k.Name), OneOfEach.Select(f => f.GetType()).OrderBy(k => k.Name));
        Assert.All(OneOfEach, failure => Assert.False(string.IsNullOrWhiteSpace(FailureText.For(failure))));
    }

    [Fact]
    public void Only_a_malformed_request_is_answered_with_the_usage_too() =>
        Assert.Equal(
            ["Invalid", "TimeInPast", "TooFarAhead", "LimitReached", "MemberLimitReached"],
            OneOfEach.Where(FailureText.ShowsUsage).Select(f => f.GetType().Name));

    [Theory]
    [InlineData(typeof(CancelScheduledMessage), MessageStatus.Sent, "This message was already sent, so it can no longer be cancelled.")]
    [InlineData(typeof(PauseScheduledMessage), MessageStatus.Sent, "This message was already sent, so it can no longer be paused.")]
    [InlineData(typeof(ResumeScheduledMessage), MessageStatus.Cancelled, "This message was already cancelled, so it can no longer be resumed.")]
    [InlineData(typeof(ResumeScheduledMessage), MessageStatus.Pending, "This message is not paused; it is still scheduled.")]
    [InlineData(typeof(EditScheduledMessage), MessageStatus.Sent, "This message was already sent, so its text can no longer be changed.")]
    [InlineData(typeof(PauseScheduledMessage), MessageStatus.Failed, "This message was already failed, so it can no longer be paused.")]
    public void A_wrong_state_says_what_became_of_the_message_and_what_cannot_be_done(Type change, MessageStatus status, string expected)
    {
        IMessageChangeRequest request = change.Name switch
        {
            nameof(CancelScheduledMessage) => new CancelScheduledMessage(Some, 1, null, true),
            nameof(PauseScheduledMessage) => new PauseScheduledMessage(Some, 1, null, true),
            nameof(ResumeScheduledMessage) => new ResumeScheduledMessage(Some, 1, null, true),
            _ => new EditScheduledMessage(Some, 1, null, true, "text"),
        };

        Assert.Equal(expected, FailureText.For(new UseCaseFailure.WrongState(status, request)));
    }

    [Fact]
    public void The_sentences_for_refusals_read_as_before()
    {
        Assert.Equal("There is no scheduled message with that id in this chat.", FailureText.For(new UseCaseFailure.NotFound()));
        Assert.Equal(
            "Only the person who scheduled this message or a chat administrator can change it.",
            FailureText.For(new UseCaseFailure.NotAllowed()));
        Assert.Equal(
            "Its time (2030-01-07 11:00 Europe/Berlin) passed while it was paused, so it was not sent. Schedule it again, or cancel it.",
            FailureText.For(new UseCaseFailure.MissedWhilePaused(Message("missed", MessageStatus.Paused))));
        Assert.Equal(
            "2030-01-07 09:59 (UTC) is already past; it is now 2030-01-07 10:00. Pick a time in the future.",
            FailureText.For(new UseCaseFailure.TimeInPast(new LocalDateTime(2030, 1, 7, 9, 59), "UTC", new LocalDateTime(2030, 1, 7, 10, 0))));
        Assert.Equal(
            "2041-01-01 00:00 is more than 10 years ahead; pick an earlier time.",
            FailureText.For(new UseCaseFailure.TooFarAhead(new LocalDateTime(2041, 1, 1, 0, 0))));
        Assert.Equal(
            "This chat already has 2 schedules still to be sent (paused ones included), the most allowed is 2. Cancel some before adding more.",
            FailureText.For(new UseCaseFailure.LimitReached(2, 2)));
        Assert.Equal("first\nsecond", FailureText.For(new UseCaseFailure.Invalid(["first", "second"])).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_ambiguous_prefix_lists_the_candidates_with_their_telling_short_ids()
    {
        var failure = new UseCaseFailure.Ambiguous(
            "1a2b3c4d",
            [
                new MessageCandidate("1a2b3c4d1", Message("first one")),
                new MessageCandidate("1a2b3c4d2", Message("a second one\nwhose text runs on past forty characters", MessageStatus.Rescheduled)),
            ],
            HasMore: false);

        Assert.Equal(
            "2 messages in this chat have ids starting with 1a2b3c4d:\n"
            + "  1a2b3c4d1 - once, pending: first one\n"
            + "  1a2b3c4d2 - once, waiting for a retry: a second one whose text runs on past fo…\n"
            + "Give more characters of the id.",
            FailureText.For(failure));
        Assert.StartsWith(
            "More than 2 messages in this chat have ids starting with 1a2b3c4d, for example:",
            FailureText.For(failure with { HasMore = true }),
            StringComparison.Ordinal);
    }
}
