namespace ScheduledMessages.Infrastructure.Persistence.Inbox;

/// <summary>An update as it arrived: Telegram's id, its chat (null when it has none) and its JSON.</summary>
public sealed record ReceivedUpdate(long UpdateId, long? ChatId, string Payload);
