using NodaTime;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Keeps the domain rule: NodaTime is the one package the model may use.</summary>
public sealed class EntityOnNodaTime
{
    public Instant DueAt { get; init; }

    public DateTimeZone? Zone { get; init; }
}
