using ScheduledMessages.Bot.StandIns;

namespace ScheduledMessages.Architecture.Violations.Infrastructure;

/// <summary>Breaks the infrastructure rule: an adapter reaching out into the Bot host.</summary>
public sealed class AdapterCallingTheBot
{
    public BotCommandStandIn? Command { get; init; }
}
