using NodaTime;
using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Architecture.Violations.Transitions;

/// <summary>Keeps the purity rule: given values (an outcome, the time) in, a decision out.</summary>
public static class PureTransitions
{
    public static bool IsDelivered(SendOutcome outcome, Instant now) => outcome is DeliveredOutcome && now > Instant.MinValue;
}
