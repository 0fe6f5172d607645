namespace ScheduledMessages.BotTools;

/// <summary>
/// A namespace that merely starts with the Bot's name: rules that forbid ScheduledMessages.Bot must
/// not flag it, which a plain prefix match would.
/// </summary>
public sealed class BotToolsLookalike
{
    public string Greeting { get; init; } = "hello";
}
