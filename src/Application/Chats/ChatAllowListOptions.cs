namespace ScheduledMessages.Application.Chats;

/// <summary>
/// The chats <see cref="ChatAllowList"/> lets in; empty lets every chat in. The host fills it from
/// <c>Access:AllowedChatIds</c>, where the ids are checked and a bad one stops it at start.
/// </summary>
public sealed class ChatAllowListOptions
{
    public ISet<long> ChatIds { get; } = new HashSet<long>();
}
