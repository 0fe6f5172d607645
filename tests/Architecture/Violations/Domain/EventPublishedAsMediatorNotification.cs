using Mediator;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule: a domain event tied to the mediator package.</summary>
public sealed record EventPublishedAsMediatorNotification(Guid MessageId) : INotification;
