namespace ScheduledMessages.Integration.Telegram;

/// <summary>An answerCallbackQuery call the double accepted.</summary>
public sealed record AnsweredCallback(string CallbackQueryId, string? Text, bool ShowAlert, DateTimeOffset At);
