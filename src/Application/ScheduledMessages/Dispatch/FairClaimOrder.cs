using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Dispatch;

/// <summary>
/// The order of a fairly claimed batch (ADR 0803): chat after chat, the chat whose earliest message
/// has waited longest first; within a chat, highest priority first, then earliest. Priority orders a
/// chat's own messages only, so another chat's <c>!1</c> never jumps ahead of a chat that waited longer.
/// </summary>
public static class FairClaimOrder
{
    /// <summary>The messages in that order (ties broken by chat id, then message id, so the order is total).</summary>
    public static IReadOnlyList<ScheduledMessage> Arrange(IEnumerable<ScheduledMessage> messages) =>
        [.. messages
            .GroupBy(m => m.ChatId)
            .OrderBy(chat => chat.Min(m => m.ScheduledTime))
            .ThenBy(chat => chat.Key)
            .SelectMany(chat => chat.OrderBy(m => m.Priority).ThenBy(m => m.ScheduledTime).ThenBy(m => m.Id))];
}
