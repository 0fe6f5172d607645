using Mediator;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Commands;

/// <summary>Who sent a command, where, with which arguments, and the services to carry it out.</summary>
public sealed record CommandContext(
    IncomingMessage Message,
    string Arguments,
    IMediator Mediator,
    CommandCatalog Catalog)
{
    public long ChatId => Message.ChatId;

    /// <summary>The author: the user, or the chat they wrote on behalf of (see <see cref="IncomingMessage.AuthorId"/>).</summary>
    public long? UserId => Message.AuthorId;

    /// <summary>True in one person's own chat, where every message is theirs to change.</summary>
    public bool IsPrivateChat => Message.ChatKind == ChatKind.Private;
}
