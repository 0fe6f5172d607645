using ScheduledMessages.Bot.StandIns;

namespace ScheduledMessages.Architecture.Violations.Application;

/// <summary>Breaks the application rule: an outer layer (the Bot host) used directly.</summary>
public sealed class UseCaseCallingTheBot
{
    public BotCommandStandIn? Command { get; init; }
}
