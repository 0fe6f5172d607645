namespace ScheduledMessages.Bot.Conversations;

/// <summary>A tap on a button the bot showed, independent of the transport it came through.</summary>
public sealed record IncomingCallback(string CallbackId, long ChatId, long? UserId, ChatKind ChatKind, int? MessageId, string Data);
