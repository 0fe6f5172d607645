namespace ScheduledMessages.Bot.StandIns;

/// <summary>
/// Stands for a Bot type (the host has no public one yet): to NetArchTest a dependency is its
/// namespace, so using this is what using the Bot looks like. Lives only in the test assembly.
/// </summary>
public sealed class BotCommandStandIn
{
    public string Name { get; init; } = "schedule";
}
