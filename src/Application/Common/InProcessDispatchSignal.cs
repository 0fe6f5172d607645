using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Application.Common;

/// <summary>
/// Wakes the worker of this process. Notifications coalesce: however many arrive while the worker
/// is busy, its next wait returns at once, once.
/// </summary>
public sealed class InProcessDispatchSignal : IDispatchSignal, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another notifier released it between the check and the release: already awake.
        }
    }

    public async ValueTask<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
