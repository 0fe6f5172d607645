namespace ScheduledMessages.Application.Abstractions;

/// <summary>Wakes the dispatch worker early, e.g. when a message is scheduled.</summary>
public interface IDispatchSignal
{
    /// <summary>Asks the worker to look for due messages now.</summary>
    void Notify();

    /// <summary>Waits until notified or until <paramref name="timeout"/> passes; true when notified.</summary>
    ValueTask<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
