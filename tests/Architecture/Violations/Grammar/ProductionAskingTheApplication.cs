using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Architecture.Violations.Grammar;

/// <summary>Breaks the grammar rule: reading words that calls a use case's port.</summary>
public sealed class ProductionAskingTheApplication
{
    public IMessageSender? Sender { get; init; }
}
