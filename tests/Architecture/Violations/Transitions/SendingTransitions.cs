using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Architecture.Violations.Transitions;

/// <summary>Breaks the purity rule: a decision that sends through a port itself.</summary>
public static class SendingTransitions
{
    public static ValueTask<SendOutcome> Deliver(IMessageSender sender, long chatId) => sender.SendAsync(chatId, "hi", CancellationToken.None);
}
