namespace ScheduledMessages.Bot.Conversations;

/// <summary>What the bot answers: plain text (never parsed as markup) and optional rows of buttons.</summary>
public sealed record BotReply(string Text, IReadOnlyList<IReadOnlyList<ReplyButton>>? Buttons = null)
{
    public static implicit operator BotReply(string text) => new(text);

    public bool HasButtons => Buttons is { Count: > 0 };
}
