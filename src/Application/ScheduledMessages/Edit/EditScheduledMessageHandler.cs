using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Edit;

/// <summary>Edits a message found within the requesting chat only; a finished one cannot be changed.</summary>
public sealed class EditScheduledMessageHandler : ICommandHandler<EditScheduledMessage, UseCaseResult<ScheduledMessageDto>>
{
    private readonly MessageChange _change;

    public EditScheduledMessageHandler(MessageChange change) => _change = change;

    public ValueTask<UseCaseResult<ScheduledMessageDto>> Handle(EditScheduledMessage command, CancellationToken cancellationToken) =>
        _change.ApplyAsync(command, (message, _) => message.EditContent(command.Content), cancellationToken);
}
