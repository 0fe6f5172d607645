namespace ScheduledMessages.Bot.Conversations;

/// <summary>A text someone sent the bot, independent of the transport it came through.</summary>
public sealed record IncomingMessage(long ChatId, long? UserId, ChatKind ChatKind, string Text, int? MessageId = null);
