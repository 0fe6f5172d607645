using Microsoft.Extensions.Logging;

namespace ScheduledMessages.Architecture.Violations.Transitions;

/// <summary>Breaks the purity rule: a decision that logs.</summary>
public sealed class LoggingTransitions
{
    public ILogger? Logger { get; init; }
}
