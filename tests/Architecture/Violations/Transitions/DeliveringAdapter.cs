using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Architecture.Violations.Transitions;

/// <summary>Not looked at by the purity rule (not named ...Transitions): the I/O side may use ports.</summary>
public sealed class DeliveringAdapter
{
    public IMessageSender? Sender { get; init; }
}
