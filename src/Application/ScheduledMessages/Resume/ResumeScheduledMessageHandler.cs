using System.Globalization;
using Mediator;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Specifications;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Resume;

/// <summary>
/// Resumes a paused message of the requesting chat, in the zone it was scheduled in, and wakes
/// the worker, since it may now be due sooner than anything else.
/// </summary>
public sealed class ResumeScheduledMessageHandler : ICommandHandler<ResumeScheduledMessage, UseCaseResult<ScheduledMessageDto>>
{
    private readonly IScheduledMessageRepository _repository;
    private readonly ChatTimeZones _zones;
    private readonly ScheduledMessageMapper _mapper;
    private readonly ChangePermission _permission;
    private readonly IClock _clock;
    private readonly IDispatchSignal _signal;

    public ResumeScheduledMessageHandler(
        IScheduledMessageRepository repository,
        ChatTimeZones zones,
        ScheduledMessageMapper mapper,
        IClock clock,
        IDispatchSignal signal,
        ChangePermission permission)
    {
        _repository = repository;
        _zones = zones;
        _mapper = mapper;
        _permission = permission;
        _clock = clock;
        _signal = signal;
    }

    public async ValueTask<UseCaseResult<ScheduledMessageDto>> Handle(ResumeScheduledMessage command, CancellationToken cancellationToken)
    {
        var message = await _repository.FirstOrDefaultAsync(new ScheduledMessageInChatSpec(command.Id, command.ChatId), cancellationToken);
        if (message is null)
        {
            return UseCaseResult<ScheduledMessageDto>.NotFound(ChangeFailures.NotFound);
        }

        if (!await _permission.MayChangeAsync(message, command.ChatId, command.UserId, cancellationToken))
        {
            return UseCaseResult<ScheduledMessageDto>.Forbidden(ChangePermission.Refusal);
        }

        if (message.Status != MessageStatus.Paused)
        {
            return UseCaseResult<ScheduledMessageDto>.Conflict(ChangeFailures.IsFinished(message.Status)
                ? $"This message was already {ChangeFailures.Word(message.Status)}, so it can no longer be resumed."
                : "This message is not paused; it is still scheduled.");
        }

        var (chatZone, _) = await _zones.ForChatAsync(command.ChatId, cancellationToken);
        var zone = TimeZones.FindOr(message.TimeZoneId, chatZone);
        if (message.Resume(_clock.GetCurrentInstant(), zone).IsFailure)
        {
            var missed = message.ScheduledTime.InZone(zone).LocalDateTime.ToString("yyyy'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture);
            return UseCaseResult<ScheduledMessageDto>.Conflict(
                $"Its time ({missed} {zone.Id}) passed while it was paused, so it was not sent. Schedule it again, or cancel it.");
        }

        await _repository.SaveChangesAsync(cancellationToken);
        _signal.Notify();
        return _mapper.ToDto(message, chatZone);
    }
}
