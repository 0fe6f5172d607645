using ScheduledMessages.Bot.StandIns;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule: the model reaching into the Bot host.</summary>
public sealed class EntityDrivenByTheBot
{
    public BotCommandStandIn? Command { get; init; }
}
