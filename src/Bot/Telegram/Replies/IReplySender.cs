namespace ScheduledMessages.Bot.Telegram.Replies;

/// <summary>Makes one attempt to send a reply, within Telegram's sending limits.</summary>
public interface IReplySender
{
    /// <summary>
    /// Waits for the chat's turn and sends <paramref name="reply"/> once. Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires (the
    /// reply went stale or the bot is stopping); every other failure is a result, not an exception.
    /// </summary>
    Task<ReplySendResult> SendAsync(OutgoingReply reply, CancellationToken cancellationToken);
}
