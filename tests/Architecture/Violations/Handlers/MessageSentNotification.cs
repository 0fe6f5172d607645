using Mediator;

namespace ScheduledMessages.Architecture.Violations.Handlers;

/// <summary>A notification for the fake handlers.</summary>
public sealed record MessageSentNotification(Guid Id) : INotification;
