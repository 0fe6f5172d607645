using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Cancel;

/// <summary>Cancels a message found within the requesting chat only.</summary>
public sealed class CancelScheduledMessageHandler : ICommandHandler<CancelScheduledMessage, UseCaseResult<ScheduledMessageDto>>
{
    private readonly MessageChange _change;

    public CancelScheduledMessageHandler(MessageChange change) => _change = change;

    public ValueTask<UseCaseResult<ScheduledMessageDto>> Handle(CancelScheduledMessage command, CancellationToken cancellationToken) =>
        _change.ApplyAsync(command, (message, _) => message.Cancel(), cancellationToken);
}
