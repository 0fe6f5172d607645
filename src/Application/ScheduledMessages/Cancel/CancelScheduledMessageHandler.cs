using Mediator;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Specifications;

namespace ScheduledMessages.Application.ScheduledMessages.Cancel;

/// <summary>Cancels a message found within the requesting chat only.</summary>
public sealed class CancelScheduledMessageHandler : ICommandHandler<CancelScheduledMessage, UseCaseResult<ScheduledMessageDto>>
{
    private readonly IScheduledMessageRepository _repository;
    private readonly ChatTimeZones _zones;
    private readonly ScheduledMessageMapper _mapper;
    private readonly ChangePermission _permission;

    public CancelScheduledMessageHandler(IScheduledMessageRepository repository, ChatTimeZones zones, ScheduledMessageMapper mapper, ChangePermission permission)
    {
        _repository = repository;
        _zones = zones;
        _mapper = mapper;
        _permission = permission;
    }

    public async ValueTask<UseCaseResult<ScheduledMessageDto>> Handle(CancelScheduledMessage command, CancellationToken cancellationToken)
    {
        // Another chat's message reads as missing, so ids reveal nothing across chats.
        var message = await _repository.FirstOrDefaultAsync(new ScheduledMessageInChatSpec(command.Id, command.ChatId), cancellationToken);
        if (message is null)
        {
            return UseCaseResult<ScheduledMessageDto>.NotFound("There is no scheduled message with that id in this chat.");
        }

        if (!await _permission.MayChangeAsync(message, command.ChatId, command.UserId, cancellationToken))
        {
            return UseCaseResult<ScheduledMessageDto>.Forbidden(ChangePermission.Refusal);
        }

        var result = message.Cancel();
        if (result.IsFailure)
        {
            return UseCaseResult<ScheduledMessageDto>.Conflict(
                $"This message was already {message.Status.ToString().ToLowerInvariant()}, so it can no longer be cancelled.");
        }

        await _repository.SaveChangesAsync(cancellationToken);
        var (zone, _) = await _zones.ForChatAsync(command.ChatId, cancellationToken);
        return _mapper.ToDto(message, zone);
    }
}
