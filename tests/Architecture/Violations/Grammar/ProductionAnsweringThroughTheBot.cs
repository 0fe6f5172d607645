using ScheduledMessages.Bot.StandIns;

namespace ScheduledMessages.Architecture.Violations.Grammar;

/// <summary>Breaks the grammar rule: the grammar reaching back into the Bot host that calls it.</summary>
public sealed class ProductionAnsweringThroughTheBot
{
    public BotCommandStandIn? Command { get; init; }
}
