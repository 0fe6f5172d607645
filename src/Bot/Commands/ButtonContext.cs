using Mediator;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Commands;

/// <summary>
/// A button press: which key and payload its callback data carried, the chat it was pressed in
/// (what the press may touch is checked against that chat), and the services to carry it out.
/// </summary>
public sealed record ButtonContext(
    IncomingCallback Callback,
    string Key,
    string Payload,
    IMediator Mediator,
    CommandCatalog Catalog)
{
    public long ChatId => Callback.ChatId;

    public long? UserId => Callback.UserId;

    /// <summary>True in one person's own chat, where every message is theirs to change.</summary>
    public bool IsPrivateChat => Callback.ChatKind == ChatKind.Private;
}
