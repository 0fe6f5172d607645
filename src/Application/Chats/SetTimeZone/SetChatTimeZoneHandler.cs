using Mediator;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages;

namespace ScheduledMessages.Application.Chats.SetTimeZone;

/// <summary>
/// Stores the chat's zone under its canonical id; in a group only for an administrator, since every
/// member's times are read in it. Existing schedules keep the zone they were made in.
/// </summary>
public sealed class SetChatTimeZoneHandler : ICommandHandler<SetChatTimeZone, UseCaseResult<ChatSettingsDto>>
{
    private readonly IChatSettingsStore _store;
    private readonly IClock _clock;
    private readonly ChangePermission _permission;

    public SetChatTimeZoneHandler(IChatSettingsStore store, IClock clock, ChangePermission permission)
    {
        _store = store;
        _clock = clock;
        _permission = permission;
    }

    public async ValueTask<UseCaseResult<ChatSettingsDto>> Handle(SetChatTimeZone command, CancellationToken cancellationToken)
    {
        if (TimeZones.Find(command.TimeZoneId) is not { } zone)
        {
            // The validator refuses an unknown zone first; this only keeps the handler safe on its own.
            return new UseCaseFailure.Invalid([SetChatTimeZoneValidator.UnknownZone(command.TimeZoneId)]);
        }

        if (!await _permission.MayChangeAllAsync(command, cancellationToken))
        {
            return new UseCaseFailure.AdministratorsOnly();
        }

        await _store.SaveAsync(new ChatSettings(command.ChatId, zone.Id), cancellationToken);
        return new ChatSettingsDto(command.ChatId, zone.Id, false, _clock.GetCurrentInstant().InZone(zone).LocalDateTime);
    }
}
