using Mediator;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Specifications;

namespace ScheduledMessages.Application.ScheduledMessages.Edit;

/// <summary>Edits a message found within the requesting chat only; a finished one cannot be changed.</summary>
public sealed class EditScheduledMessageHandler : ICommandHandler<EditScheduledMessage, UseCaseResult<ScheduledMessageDto>>
{
    private readonly IScheduledMessageRepository _repository;
    private readonly ChatTimeZones _zones;
    private readonly ScheduledMessageMapper _mapper;
    private readonly ChangePermission _permission;

    public EditScheduledMessageHandler(IScheduledMessageRepository repository, ChatTimeZones zones, ScheduledMessageMapper mapper, ChangePermission permission)
    {
        _repository = repository;
        _zones = zones;
        _mapper = mapper;
        _permission = permission;
    }

    public async ValueTask<UseCaseResult<ScheduledMessageDto>> Handle(EditScheduledMessage command, CancellationToken cancellationToken)
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

        if (ChangeFailures.IsFinished(message.Status))
        {
            return UseCaseResult<ScheduledMessageDto>.Conflict(
                $"This message was already {ChangeFailures.Word(message.Status)}, so its text can no longer be changed.");
        }

        var edited = message.EditContent(command.Content);
        if (edited.IsFailure)
        {
            return UseCaseResult<ScheduledMessageDto>.Invalid(edited.Error!.Message);
        }

        await _repository.SaveChangesAsync(cancellationToken);
        var (zone, _) = await _zones.ForChatAsync(command.ChatId, cancellationToken);
        return _mapper.ToDto(message, zone);
    }
}
