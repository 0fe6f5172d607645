using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>
/// Who may cancel, pause, resume or edit a message: anyone in a private chat (it is theirs); in a
/// group, only the person who scheduled it or a chat administrator.
/// </summary>
public sealed class ChangePermission(IChatAdministrators administrators)
{
    public const string Refusal = "Only the person who scheduled this message or a chat administrator can change it.";

    public async ValueTask<bool> MayChangeAsync(ScheduledMessage message, long chatId, long? userId, CancellationToken cancellationToken) =>
        IsPrivate(chatId)
        || (userId is { } user && (message.CreatedBy == user || await administrators.IsAdministratorAsync(chatId, user, cancellationToken)));

    /// <summary>True when <paramref name="userId"/> may change every message of the chat.</summary>
    public async ValueTask<bool> MayChangeAllAsync(long chatId, long? userId, CancellationToken cancellationToken) =>
        IsPrivate(chatId) || (userId is { } user && await administrators.IsAdministratorAsync(chatId, user, cancellationToken));

    // Telegram numbers private chats (a user's own id) above zero and groups below it.
    private static bool IsPrivate(long chatId) => chatId > 0;
}
