using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Telegram;

/// <summary>
/// What handling an update leaves to be sent once its effects are committed: a reply to a chat,
/// or the answer to a button press (a note, and maybe an edit of the message the button was under).
/// </summary>
public abstract record UpdateOutcome
{
    private UpdateOutcome()
    {
    }

    /// <summary>A reply to a message in <paramref name="ChatId"/>.</summary>
    public sealed record Reply(long ChatId, BotReply Text) : UpdateOutcome;

    /// <summary>
    /// The answer to button press <paramref name="QueryId"/>; <paramref name="ChatId"/> and
    /// <paramref name="MessageId"/> say where the message to edit is (null: none to edit).
    /// </summary>
    public sealed record Button(string QueryId, long? ChatId, int? MessageId, ButtonAnswer Answer) : UpdateOutcome;
}
