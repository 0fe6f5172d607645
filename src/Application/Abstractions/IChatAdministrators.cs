namespace ScheduledMessages.Application.Abstractions;

/// <summary>Tells whether a user administers a group chat (Telegram: creator or administrator).</summary>
public interface IChatAdministrators
{
    ValueTask<bool> IsAdministratorAsync(long chatId, long userId, CancellationToken cancellationToken);
}
