using Microsoft.Extensions.Options;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.Chats;

/// <summary>The time zone each chat's wall-clock times are in: its own choice, else the configured default.</summary>
public sealed class ChatTimeZones
{
    private readonly IChatSettingsStore _store;
    private readonly IOptions<SchedulerOptions> _options;

    public ChatTimeZones(IChatSettingsStore store, IOptions<SchedulerOptions> options)
    {
        _store = store;
        _options = options;
    }

    public DateTimeZone Default => TimeZones.FindOr(_options.Value.DefaultTimeZone, DateTimeZone.Utc);

    public async Task<(DateTimeZone Zone, bool IsDefault)> ForChatAsync(long chatId, CancellationToken cancellationToken)
    {
        var settings = await _store.FindAsync(chatId, cancellationToken);
        return TimeZones.Find(settings?.TimeZoneId) is { } zone ? (zone, false) : (Default, true);
    }

    /// <summary>The zone of each chat in <paramref name="chatIds"/>; chats without a choice get the default.</summary>
    public async Task<IReadOnlyDictionary<long, DateTimeZone>> ForChatsAsync(IReadOnlyCollection<long> chatIds, CancellationToken cancellationToken)
    {
        var chosen = chatIds.Count == 0
            ? new Dictionary<long, string>()
            : await _store.GetTimeZonesAsync(chatIds, cancellationToken);
        var fallback = Default;
        return chatIds.Distinct().ToDictionary(
            id => id,
            id => chosen.TryGetValue(id, out var zoneId) ? TimeZones.FindOr(zoneId, fallback) : fallback);
    }
}
