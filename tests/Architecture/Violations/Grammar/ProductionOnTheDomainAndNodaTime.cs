using NodaTime;
using ScheduledMessages.BotTools;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Architecture.Violations.Grammar;

/// <summary>
/// Keeps the grammar rule: words are read into the Domain's values with NodaTime, and
/// ScheduledMessages.BotTools only looks like the Bot's namespace.
/// </summary>
public sealed class ProductionOnTheDomainAndNodaTime
{
    public Recurrence? Recurrence { get; init; }

    public LocalTime TimeOfDay { get; init; }

    public int Priority { get; init; } = ScheduledMessage.DefaultPriority;

    public BotToolsLookalike? Tools { get; init; }
}
