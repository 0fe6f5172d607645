using Microsoft.Extensions.Options;

namespace ScheduledMessages.Application.Chats;

/// <summary>
/// The rule "the bot serves only allowed chats" (<c>Access:AllowedChatIds</c>; when none are listed,
/// every chat). Commands from other chats are refused, and nothing is ever sent to them, whoever
/// wrote their rows (another tool, or this bot before the list was set).
/// </summary>
public sealed class ChatAllowList(IOptions<ChatAllowListOptions> options)
{
    /// <summary>The error code a message to a chat outside the list fails with.</summary>
    public const string NotAllowedCode = "chat_not_allowed";

    /// <summary>Where the list is configured, for messages that name it.</summary>
    public const string ConfigurationKey = "Access:AllowedChatIds";

    private readonly HashSet<long> _allowed = [.. options.Value.ChatIds];

    public bool Allows(long chatId) => _allowed.Count == 0 || _allowed.Contains(chatId);
}
