using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule: the model calling outwards into Application.</summary>
public sealed class EntityCallingAnApplicationPort
{
    public IMessageSender? Sender { get; init; }
}
