using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Bot.Conversations;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Bot.Commands;

/// <summary>
/// The buttons under a reply about one message: Cancel and Pause while it will be sent, Cancel and
/// Resume while paused, none once finished. Their data carry the whole id (32 hex digits).
/// </summary>
public static class MessageButtons
{
    public const string CancelKey = "c";
    public const string PauseKey = "p";
    public const string ResumeKey = "r";

    public static IReadOnlyList<IReadOnlyList<ReplyButton>>? For(ScheduledMessageDto message)
    {
        var compact = MessageIds.Compact(message.Id);
        var shortId = MessageIds.ShortForm(message.Id);
        var cancel = new ReplyButton("Cancel", CallbackData.Create(CancelKey, compact)!, $"/cancel_schedule {shortId}");
        return message.Status switch
        {
            MessageStatus.Pending or MessageStatus.Rescheduled =>
                [[cancel, new ReplyButton("Pause", CallbackData.Create(PauseKey, compact)!, $"/pause {shortId}")]],
            MessageStatus.Paused =>
                [[cancel, new ReplyButton("Resume", CallbackData.Create(ResumeKey, compact)!, $"/resume {shortId}")]],
            _ => null,
        };
    }

    /// <summary>A reply about one message with its buttons.</summary>
    public static BotReply Reply(string text, ScheduledMessageDto message) => new(text, For(message));
}
