using Mediator;

namespace ScheduledMessages.Architecture.Violations.Handlers;

/// <summary>Keeps the handler rule: sealed and named ...Handler.</summary>
public sealed class CountQueryHandler : IQueryHandler<CountQuery, int>
{
    public ValueTask<int> Handle(CountQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
