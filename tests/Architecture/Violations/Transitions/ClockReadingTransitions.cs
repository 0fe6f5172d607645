using NodaTime;

namespace ScheduledMessages.Architecture.Violations.Transitions;

/// <summary>Breaks the purity rule: a decision that reads the clock instead of being given the time.</summary>
public static class ClockReadingTransitions
{
    public static Instant Now(IClock clock) => clock.GetCurrentInstant();
}
