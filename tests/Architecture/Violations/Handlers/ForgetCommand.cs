using Mediator;

namespace ScheduledMessages.Architecture.Violations.Handlers;

/// <summary>A command without a result, for the fake handlers.</summary>
public sealed record ForgetCommand(Guid Id) : ICommand;
