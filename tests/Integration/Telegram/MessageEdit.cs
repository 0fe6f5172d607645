namespace ScheduledMessages.Integration.Telegram;

/// <summary>An editMessageText call the double accepted.</summary>
public sealed record MessageEdit(long ChatId, int MessageId, string Text, string? ReplyMarkupJson, DateTimeOffset At)
{
    public IReadOnlyList<InlineButton> InlineButtons => InlineButton.From(ReplyMarkupJson);
}
