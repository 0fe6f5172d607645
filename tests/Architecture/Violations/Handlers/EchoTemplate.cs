using Mediator;

namespace ScheduledMessages.Architecture.Violations.Handlers;

/// <summary>Breaks the handler rule: an open base handler, named like a template.</summary>
public abstract class EchoTemplate : IRequestHandler<EchoRequest, string>
{
    public ValueTask<string> Handle(EchoRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(Shape(request.Text));

    protected abstract string Shape(string text);
}
