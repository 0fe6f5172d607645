using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Bench.Measuring;

namespace ScheduledMessages.Bench.Telegram;

/// <summary>An in-process sender that does nothing but log the message: the dispatcher's own ceiling.</summary>
public sealed class LoggingMessageSender(DeliveryLog log) : IMessageSender
{
    public ValueTask<SendOutcome> SendAsync(long chatId, string text, CancellationToken cancellationToken)
    {
        log.Record(chatId, text);
        return ValueTask.FromResult(SendOutcome.Delivered);
    }
}
