using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Pause;

/// <summary>Pauses a message found within the requesting chat only; a finished one cannot be paused.</summary>
public sealed class PauseScheduledMessageHandler : ICommandHandler<PauseScheduledMessage, UseCaseResult<ScheduledMessageDto>>
{
    private readonly MessageChange _change;

    public PauseScheduledMessageHandler(MessageChange change) => _change = change;

    public ValueTask<UseCaseResult<ScheduledMessageDto>> Handle(PauseScheduledMessage command, CancellationToken cancellationToken) =>
        _change.ApplyAsync(command, (message, _) => message.Pause(), cancellationToken);
}
