using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>The answers shared by the use cases that change one message of a chat.</summary>
internal static class ChangeFailures
{
    /// <summary>Another chat's message reads as missing too, so ids reveal nothing across chats.</summary>
    public const string NotFound = "There is no scheduled message with that id in this chat.";

    /// <summary>"sent", "failed", "cancelled", ...: the status as the chat reads it.</summary>
    public static string Word(MessageStatus status) => status switch
    {
        MessageStatus.Rescheduled => "waiting for a retry",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static bool IsFinished(MessageStatus status) =>
        status is MessageStatus.Sent or MessageStatus.Failed or MessageStatus.Cancelled;
}
