using ScheduledMessages.BotTools;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>
/// Keeps the domain rule: ScheduledMessages.BotTools is not ScheduledMessages.Bot, and a rule that
/// said otherwise would be matching prefixes.
/// </summary>
public sealed class EntityUsingALookalikeNamespace
{
    public BotToolsLookalike? Tools { get; init; }
}
