namespace ScheduledMessages.Integration.Telegram;

/// <summary>A deleteMessage call the double accepted.</summary>
public sealed record DeletedMessage(long ChatId, int MessageId, DateTimeOffset At);
