namespace ScheduledMessages.Infrastructure.Persistence.Inbox;

/// <summary>
/// An update leased for processing: its id, chat (null: none), JSON, and how many times it has
/// been claimed, this time included.
/// </summary>
public sealed record ClaimedUpdate(long UpdateId, long? ChatId, string Payload, int Attempts);
