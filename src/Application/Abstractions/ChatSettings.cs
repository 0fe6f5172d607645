namespace ScheduledMessages.Application.Abstractions;

/// <summary>What a chat has chosen: for now its IANA time zone.</summary>
public sealed record ChatSettings(long ChatId, string TimeZoneId);
