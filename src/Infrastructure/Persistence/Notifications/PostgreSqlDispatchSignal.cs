using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Infrastructure.Persistence.Notifications;

/// <summary>
/// The dispatch signal when several instances share one PostgreSQL database: it wakes this
/// process's worker at once, as the in-process signal does, and asks
/// <see cref="PostgreSqlDispatchNotifications"/> to tell the other instances (NOTIFY), whose
/// listeners wake their workers in turn. Notifying never waits for the database.
/// </summary>
public sealed class PostgreSqlDispatchSignal : IDispatchSignal, IDisposable
{
    private readonly InProcessDispatchSignal _local = new();
    private readonly SemaphoreSlim _publish = new(0, 1);

    /// <summary>This process's mark on its notifications, so that it does not wake itself twice.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public void Notify()
    {
        _local.Notify();
        RequestPublish();
    }

    public ValueTask<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _local.WaitAsync(timeout, cancellationToken);

    /// <summary>Another instance scheduled something, or notifications may have been missed: wake this worker only.</summary>
    public void WakeLocal() => _local.Notify();

    /// <summary>Waits until a notification should be published; requests made meanwhile coalesce into one.</summary>
    internal Task WaitForPublishRequestAsync(CancellationToken cancellationToken) => _publish.WaitAsync(cancellationToken);

    /// <summary>Asks for a notification to be published (again, e.g. after a failed attempt).</summary>
    internal void RequestPublish()
    {
        try
        {
            if (_publish.CurrentCount == 0)
            {
                _publish.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Requested by another caller between the check and the release: one is enough.
        }
    }

    public void Dispose()
    {
        _local.Dispose();
        _publish.Dispose();
    }
}
