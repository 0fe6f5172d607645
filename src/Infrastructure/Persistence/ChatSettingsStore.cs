using Microsoft.EntityFrameworkCore;
using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>Chat settings in the <c>chat_settings</c> table.</summary>
public sealed class ChatSettingsStore : IChatSettingsStore
{
    private readonly SchedulerDbContext _db;

    public ChatSettingsStore(SchedulerDbContext db) => _db = db;

    public async Task<ChatSettings?> FindAsync(long chatId, CancellationToken cancellationToken)
    {
        var record = await _db.ChatSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ChatId == chatId, cancellationToken);
        return record is null ? null : new ChatSettings(record.ChatId, record.TimeZoneId);
    }

    public async Task<IReadOnlyDictionary<long, string>> GetTimeZonesAsync(IReadOnlyCollection<long> chatIds, CancellationToken cancellationToken)
    {
        var ids = chatIds.Distinct().ToList();
        return await _db.ChatSettings
            .AsNoTracking()
            .Where(s => ids.Contains(s.ChatId))
            .ToDictionaryAsync(s => s.ChatId, s => s.TimeZoneId, cancellationToken);
    }

    public async Task SaveAsync(ChatSettings settings, CancellationToken cancellationToken) =>
        // An upsert, so two chats members setting the zone at once cannot collide on the key.
        await _db.Database.ExecuteSqlRawAsync(_db.Dialect.UpsertChatSettingsSql, [settings.ChatId, settings.TimeZoneId], cancellationToken);
}
