using Mediator;

namespace ScheduledMessages.Architecture.Violations.Handlers;

/// <summary>Breaks the handler rule: a sealed notification handler whose name hides what it is.</summary>
public sealed class MessageSentReactor : INotificationHandler<MessageSentNotification>
{
    public ValueTask Handle(MessageSentNotification notification, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
