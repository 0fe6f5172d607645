using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>
/// Who may cancel, pause, resume or edit a message: anyone in a private chat (it is theirs); in a
/// group, only the person who scheduled it or a chat administrator.
/// </summary>
public sealed class ChangePermission(IChatAdministrators administrators)
{
    public async ValueTask<bool> MayChangeAsync(IChangeRequest request, ScheduledMessage message, CancellationToken cancellationToken) =>
        request.IsPrivateChat
        || (request.UserId is { } user && (message.CreatedBy == user || await administrators.IsAdministratorAsync(request.ChatId, user, cancellationToken)));

    /// <summary>True when the requester may change every message of the chat.</summary>
    public async ValueTask<bool> MayChangeAllAsync(IChangeRequest request, CancellationToken cancellationToken) =>
        request.IsPrivateChat
        || (request.UserId is { } user && await administrators.IsAdministratorAsync(request.ChatId, user, cancellationToken));
}
