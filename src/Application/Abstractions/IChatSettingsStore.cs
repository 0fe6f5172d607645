namespace ScheduledMessages.Application.Abstractions;

/// <summary>Stores each chat's settings; a chat that chose nothing has none.</summary>
public interface IChatSettingsStore
{
    Task<ChatSettings?> FindAsync(long chatId, CancellationToken cancellationToken);

    /// <summary>The time zones chosen by those of <paramref name="chatIds"/> that chose one.</summary>
    Task<IReadOnlyDictionary<long, string>> GetTimeZonesAsync(IReadOnlyCollection<long> chatIds, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the chat's settings.</summary>
    Task SaveAsync(ChatSettings settings, CancellationToken cancellationToken);
}
