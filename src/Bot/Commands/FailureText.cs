using System.Globalization;
using System.Text;
using NodaTime.Text;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Cancel;
using ScheduledMessages.Application.ScheduledMessages.Edit;
using ScheduledMessages.Application.ScheduledMessages.Pause;
using ScheduledMessages.Application.ScheduledMessages.Resume;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Bot.Commands;

/// <summary>The chat's words for each way a use case can refuse (<see cref="UseCaseFailure"/>).</summary>
public static class FailureText
{
    private const int CandidatePreviewLength = 40;

    private static readonly LocalDateTimePattern MinutePattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    /// <summary>The failure as one or more lines to show.</summary>
    public static string For(UseCaseFailure failure) => failure switch
    {
        UseCaseFailure.Invalid invalid => string.Join(Environment.NewLine, invalid.Messages),
        UseCaseFailure.NotFound => "There is no scheduled message with that id in this chat.",
        UseCaseFailure.Ambiguous ambiguous => Ambiguous(ambiguous),
        UseCaseFailure.NotAllowed => "Only the person who scheduled this message or a chat administrator can change it.",
        UseCaseFailure.WrongState wrong => WrongState(wrong),
        UseCaseFailure.MissedWhilePaused missed =>
            $"Its time ({MinutePattern.Format(missed.Message.NextSendLocal)} {missed.Message.TimeZoneId}) passed while it was paused, so it was not sent. Schedule it again, or cancel it.",
        UseCaseFailure.TimeInPast past =>
            $"{MinutePattern.Format(past.Time)} ({past.ZoneId}) is already past; it is now {MinutePattern.Format(past.Now)}. Pick a time in the future.",
        UseCaseFailure.TooFarAhead far => $"{MinutePattern.Format(far.Time)} is more than 10 years ahead; pick an earlier time.",
        UseCaseFailure.LimitReached limit =>
            $"This chat already has {limit.Open} schedules still to be sent (paused ones included), the most allowed is {limit.Limit}. Cancel some before adding more.",
        UseCaseFailure.MemberLimitReached member =>
            $"You already have {member.Open} schedules still to be sent in this group (paused ones included); one member may have at most {member.Limit} of the group's {member.ChatLimit}. Cancel some of yours before adding more.",
        UseCaseFailure.AdministratorsOnly => "Only an administrator of this group can change its time zone.",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "A failure the chat has no words for."),
    };

    /// <summary>
    /// True when the request itself was malformed, so the answer also shows the command's usage;
    /// not when it was well formed but refused (not found, not allowed, wrong state).
    /// </summary>
    public static bool ShowsUsage(UseCaseFailure failure) =>
        failure is UseCaseFailure.Invalid or UseCaseFailure.TimeInPast or UseCaseFailure.TooFarAhead or UseCaseFailure.LimitReached or UseCaseFailure.MemberLimitReached;

    /// <summary>"sent", "failed", "cancelled", ...: a status as the chat reads it.</summary>
    public static string Word(MessageStatus status) => status switch
    {
        MessageStatus.Rescheduled => "waiting for a retry",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string WrongState(UseCaseFailure.WrongState wrong)
    {
        var finished = wrong.Status is MessageStatus.Sent or MessageStatus.Failed or MessageStatus.Cancelled;
        if (wrong.Change is ResumeScheduledMessage && !finished)
        {
            return "This message is not paused; it is still scheduled.";
        }

        var consequence = wrong.Change switch
        {
            CancelScheduledMessage => "it can no longer be cancelled",
            PauseScheduledMessage => "it can no longer be paused",
            ResumeScheduledMessage => "it can no longer be resumed",
            EditScheduledMessage => "its text can no longer be changed",
            _ => "it can no longer be changed",
        };
        return $"This message was already {Word(wrong.Status)}, so {consequence}.";
    }

    private static string Ambiguous(UseCaseFailure.Ambiguous ambiguous)
    {
        var count = ambiguous.Candidates.Count;
        var text = new StringBuilder(ambiguous.HasMore
            ? $"More than {count} messages in this chat have ids starting with {ambiguous.Prefix}, for example:"
            : $"{count} messages in this chat have ids starting with {ambiguous.Prefix}:");
        foreach (var (shortId, message) in ambiguous.Candidates)
        {
            var preview = message.Content.ReplaceLineEndings(" ");
            if (preview.Length > CandidatePreviewLength)
            {
                preview = preview[..(CandidatePreviewLength - 1)] + "…";
            }

            text.Append(CultureInfo.InvariantCulture, $"\n  {shortId} - {message.Description}, {Word(message.Status)}: {preview}");
        }

        return text.Append("\nGive more characters of the id.").ToString();
    }
}
