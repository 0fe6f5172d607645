namespace ScheduledMessages.Application.Abstractions;

/// <summary>Sends a message's text to a chat, as plain text, and says how it went.</summary>
public interface IMessageSender
{
    ValueTask<SendOutcome> SendAsync(long chatId, string text, CancellationToken cancellationToken);
}
