using Mediator;
using Microsoft.Extensions.Options;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Dispatch;

/// <summary>Deletes finished messages past their retention, a bounded batch at a time; nothing when retention is zero (kept for ever).</summary>
public sealed class PruneFinishedMessagesHandler : ICommandHandler<PruneFinishedMessages, UseCaseResult<int>>
{
    private readonly IDispatchStore _store;
    private readonly IClock _clock;
    private readonly SchedulerOptions _options;

    public PruneFinishedMessagesHandler(IDispatchStore store, IClock clock, IOptions<SchedulerOptions> options)
    {
        _store = store;
        _clock = clock;
        _options = options.Value;
    }

    public async ValueTask<UseCaseResult<int>> Handle(PruneFinishedMessages command, CancellationToken cancellationToken)
    {
        if (_options.RetentionPeriod <= TimeSpan.Zero)
        {
            return 0;
        }

        var cutoff = _clock.GetCurrentInstant() - Duration.FromTimeSpan(_options.RetentionPeriod);
        return await _store.PruneFinishedAsync(cutoff, _options.PruneBatchSize, cancellationToken);
    }
}
