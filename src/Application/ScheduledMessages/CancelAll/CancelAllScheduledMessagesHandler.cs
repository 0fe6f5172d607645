using Mediator;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Specifications;

namespace ScheduledMessages.Application.ScheduledMessages.CancelAll;

/// <summary>Cancels the chat's open messages in one save; finished ones stay as they are.</summary>
public sealed class CancelAllScheduledMessagesHandler : ICommandHandler<CancelAllScheduledMessages, UseCaseResult<int>>
{
    private readonly IScheduledMessageRepository _repository;

    public CancelAllScheduledMessagesHandler(IScheduledMessageRepository repository) => _repository = repository;

    public async ValueTask<UseCaseResult<int>> Handle(CancelAllScheduledMessages command, CancellationToken cancellationToken)
    {
        var open = await _repository.ListForUpdateAsync(new OpenScheduledMessagesInChatSpec(command.ChatId), cancellationToken);
        var cancelled = open.Count(message => message.Cancel().IsSuccess);
        if (cancelled > 0)
        {
            await _repository.SaveChangesAsync(cancellationToken);
        }

        return cancelled;
    }
}
