using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Bot.Access;

/// <summary>
/// Wraps the real sender so that nothing is ever sent to a chat outside the allow-list, whoever
/// wrote its row (another tool, or this bot before the list was set): such a message fails
/// permanently, without an attempt at Telegram.
/// </summary>
public sealed class AllowListMessageSender(IMessageSender inner, ChatAllowList allowList) : IMessageSender
{
    public const string NotAllowedCode = "chat_not_allowed";

    public ValueTask<SendOutcome> SendAsync(long chatId, string text, CancellationToken cancellationToken) =>
        allowList.Allows(chatId)
            ? inner.SendAsync(chatId, text, cancellationToken)
            : ValueTask.FromResult(SendOutcome.Permanent(NotAllowedCode, $"Chat {chatId} is not in {AccessOptions.SectionName}:AllowedChatIds."));
}
