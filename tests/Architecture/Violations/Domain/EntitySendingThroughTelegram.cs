using Telegram.Bot;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule: the Telegram client inside the model.</summary>
public sealed class EntitySendingThroughTelegram
{
    public ITelegramBotClient? Client { get; init; }
}
