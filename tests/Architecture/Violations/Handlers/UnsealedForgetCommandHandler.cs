using Mediator;

namespace ScheduledMessages.Architecture.Violations.Handlers;

/// <summary>Breaks the handler rule: well named, but open for inheritance.</summary>
public class UnsealedForgetCommandHandler : ICommandHandler<ForgetCommand>
{
    public ValueTask<Unit> Handle(ForgetCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Unit.Value);
}
