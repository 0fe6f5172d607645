using Mediator;

namespace ScheduledMessages.Architecture.Violations.Handlers;

/// <summary>A request for the fake handlers.</summary>
public sealed record EchoRequest(string Text) : IRequest<string>;
