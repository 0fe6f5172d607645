using Mediator;

namespace ScheduledMessages.Architecture.Violations.Handlers;

/// <summary>Breaks the handler rule twice: unsealed and not named ...Handler.</summary>
public class EchoProcessor : IRequestHandler<EchoRequest, string>
{
    public ValueTask<string> Handle(EchoRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(request.Text);
}
