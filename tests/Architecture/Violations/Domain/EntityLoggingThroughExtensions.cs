using Microsoft.Extensions.Logging;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule: Microsoft.Extensions (logging) inside the model.</summary>
public sealed class EntityLoggingThroughExtensions
{
    public ILogger? Logger { get; init; }
}
