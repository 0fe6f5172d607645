using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>
/// Who may cancel, pause, resume or edit a message, or change a chat's settings: anyone in a private
/// chat (it is theirs); in a group, only the person who scheduled the message or a chat administrator.
/// A group's anonymous administrator writes as the group itself (the author's id is the chat's id,
/// which only administrators can do), so such a request counts as an administrator's.
/// </summary>
public sealed class ChangePermission(IChatAdministrators administrators)
{
    public async ValueTask<bool> MayChangeAsync(IChangeRequest request, ScheduledMessage message, CancellationToken cancellationToken) =>
        request.IsPrivateChat
        || (request.UserId is { } user && (message.CreatedBy == user || await IsAdministratorAsync(request.ChatId, user, cancellationToken)));

    /// <summary>True when the requester may change every message of the chat, or its settings.</summary>
    public async ValueTask<bool> MayChangeAllAsync(IChangeRequest request, CancellationToken cancellationToken) =>
        request.IsPrivateChat
        || (request.UserId is { } user && await IsAdministratorAsync(request.ChatId, user, cancellationToken));

    /// <summary>True for the group itself as author (an anonymous administrator) and for the administrators Telegram names.</summary>
    private async ValueTask<bool> IsAdministratorAsync(long chatId, long user, CancellationToken cancellationToken) =>
        user == chatId || await administrators.IsAdministratorAsync(chatId, user, cancellationToken);
}
