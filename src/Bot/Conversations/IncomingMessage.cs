namespace ScheduledMessages.Bot.Conversations;

/// <summary>
/// A text someone sent the bot, independent of the transport it came through.
/// <paramref name="SenderChatId"/> is the chat the message was sent on behalf of (Telegram's
/// <c>sender_chat</c>): the group itself for an anonymous administrator, or a channel; then
/// <paramref name="UserId"/> is only Telegram's shared stand-in account and the author is that chat.
/// </summary>
public sealed record IncomingMessage(long ChatId, long? UserId, ChatKind ChatKind, string Text, int? MessageId = null, long? SenderChatId = null)
{
    /// <summary>
    /// Who wrote it, for quotas, authorship and permissions: the chat it was sent on behalf of when
    /// there is one, else the user. An anonymous administrator's author is the group's own id, which
    /// the use cases take as an administrator of that group.
    /// </summary>
    public long? AuthorId => SenderChatId ?? UserId;
}
