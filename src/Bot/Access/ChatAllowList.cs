using Microsoft.Extensions.Options;

namespace ScheduledMessages.Bot.Access;

/// <summary>The chats the bot serves (Access:AllowedChatIds); when none are listed, every chat.</summary>
public sealed class ChatAllowList(IOptions<AccessOptions> options)
{
    private readonly HashSet<long> _allowed =
    [
        .. options.Value.AllowedChatIds.SelectMany(entry =>
            AccessOptions.TryParseChatIds(entry, out var ids) ? ids : throw new InvalidOperationException($"{AccessOptions.SectionName}:AllowedChatIds holds '{entry}', which is not a list of chat ids.")),
    ];

    /// <summary>True when an allow-list is configured at all.</summary>
    public bool IsRestricted => _allowed.Count > 0;

    public bool Allows(long chatId) => _allowed.Count == 0 || _allowed.Contains(chatId);
}
