namespace ScheduledMessages.Application.Abstractions;

/// <summary>Sends a message's text to a chat, as plain text, and says how it went.</summary>
public interface IMessageSender
{
    /// <summary>
    /// How many messages a second this sender may send now (a platform's rate limit, this
    /// instance's share of it), or null when it is not limited. A dispatch round claims no more
    /// than about a second's worth, so rounds stay short and a message that falls due meanwhile
    /// waits at most about a second for the next claim.
    /// </summary>
    int? MessagesPerSecond => null;

    ValueTask<SendOutcome> SendAsync(long chatId, string text, CancellationToken cancellationToken);
}
