namespace ScheduledMessages.Bot.Conversations;

/// <summary>Whether a chat is one person or a group, which changes how the bot answers.</summary>
public enum ChatKind
{
    Private,
    Group,
}
