namespace ScheduledMessages.Integration.Telegram;

/// <summary>One request the double answered: its method, HTTP status and when.</summary>
public sealed record ApiCall(string Method, long? ChatId, int StatusCode, DateTimeOffset At);
