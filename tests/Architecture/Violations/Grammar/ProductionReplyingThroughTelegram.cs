using Telegram.Bot;

namespace ScheduledMessages.Architecture.Violations.Grammar;

/// <summary>Breaks the grammar rule: the Telegram client inside the grammar.</summary>
public sealed class ProductionReplyingThroughTelegram
{
    public ITelegramBotClient? Client { get; init; }
}
