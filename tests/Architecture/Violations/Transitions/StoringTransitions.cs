using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Architecture.Violations.Transitions;

/// <summary>Breaks the purity rule: a decision that holds the worker's store.</summary>
public sealed class StoringTransitions
{
    public IDispatchStore? Store { get; init; }
}
