using Mediator;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.Chats.SetTimeZone;

/// <summary>Stores the chat's zone under its canonical id. Existing schedules keep the zone they were made in.</summary>
public sealed class SetChatTimeZoneHandler : ICommandHandler<SetChatTimeZone, UseCaseResult<ChatSettingsDto>>
{
    private readonly IChatSettingsStore _store;
    private readonly IClock _clock;

    public SetChatTimeZoneHandler(IChatSettingsStore store, IClock clock)
    {
        _store = store;
        _clock = clock;
    }

    public async ValueTask<UseCaseResult<ChatSettingsDto>> Handle(SetChatTimeZone command, CancellationToken cancellationToken)
    {
        if (TimeZones.Find(command.TimeZoneId) is not { } zone)
        {
            // The validator refuses an unknown zone first; this only keeps the handler safe on its own.
            return new UseCaseFailure.Invalid([SetChatTimeZoneValidator.UnknownZone(command.TimeZoneId)]);
        }

        await _store.SaveAsync(new ChatSettings(command.ChatId, zone.Id), cancellationToken);
        return new ChatSettingsDto(command.ChatId, zone.Id, false, _clock.GetCurrentInstant().InZone(zone).LocalDateTime);
    }
}
