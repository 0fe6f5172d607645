using Mediator;
using NodaTime;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.Chats.GetSettings;

/// <summary>Answers the chat's zone, or the configured default when it chose none.</summary>
public sealed class GetChatSettingsHandler : IQueryHandler<GetChatSettings, UseCaseResult<ChatSettingsDto>>
{
    private readonly ChatTimeZones _zones;
    private readonly IClock _clock;

    public GetChatSettingsHandler(ChatTimeZones zones, IClock clock)
    {
        _zones = zones;
        _clock = clock;
    }

    public async ValueTask<UseCaseResult<ChatSettingsDto>> Handle(GetChatSettings query, CancellationToken cancellationToken)
    {
        var (zone, isDefault) = await _zones.ForChatAsync(query.ChatId, cancellationToken);
        return new ChatSettingsDto(query.ChatId, zone.Id, isDefault, _clock.GetCurrentInstant().InZone(zone).LocalDateTime);
    }
}
