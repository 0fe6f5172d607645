using Mediator;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Specifications;

namespace ScheduledMessages.Application.ScheduledMessages.CancelAll;

/// <summary>
/// Cancels the chat's open messages in one save; finished ones stay as they are. In a group, a
/// member who is not an administrator cancels only their own.
/// </summary>
public sealed class CancelAllScheduledMessagesHandler : ICommandHandler<CancelAllScheduledMessages, UseCaseResult<int>>
{
    private readonly IScheduledMessageRepository _repository;
    private readonly ChangePermission _permission;

    public CancelAllScheduledMessagesHandler(IScheduledMessageRepository repository, ChangePermission permission)
    {
        _repository = repository;
        _permission = permission;
    }

    public async ValueTask<UseCaseResult<int>> Handle(CancelAllScheduledMessages command, CancellationToken cancellationToken)
    {
        var open = await _repository.ListForUpdateAsync(new OpenScheduledMessagesInChatSpec(command.ChatId), cancellationToken);

        // In a group, someone who does not administer it cancels only what they scheduled themselves.
        var everything = await _permission.MayChangeAllAsync(command, cancellationToken);
        var cancelled = open
            .Where(message => everything || (command.UserId is { } user && message.CreatedBy == user))
            .Count(message => message.Cancel().IsSuccess);
        if (cancelled > 0)
        {
            await _repository.SaveChangesAsync(cancellationToken);
        }

        return cancelled;
    }
}
