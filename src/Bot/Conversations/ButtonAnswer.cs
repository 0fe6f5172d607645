namespace ScheduledMessages.Bot.Conversations;

/// <summary>
/// What a button press does in the chat: <see cref="Notice"/> is the short note Telegram shows
/// (answerCallbackQuery, at most 200 characters), <see cref="Edit"/> replaces the message the button
/// was under (text and buttons); either may be null.
/// </summary>
public sealed record ButtonAnswer(string? Notice, BotReply? Edit = null)
{
    /// <summary>Telegram's limit on the note shown for a button press.</summary>
    public const int MaxNoticeLength = 200;

    public static ButtonAnswer Note(string notice) => new(notice);
}
