using NodaTime;

namespace ScheduledMessages.Application.Abstractions;

/// <summary>
/// The time dispatch decides by: the store's clock, not this process's. Every instance reads the
/// same clock, so "due", lease ends and renewals mean the same instant to all of them however far
/// their own clocks drift apart (ADR 0804).
/// </summary>
public interface IDispatchClock
{
    /// <summary>
    /// Reads the store's time now and returns a clock that runs on from it on this process's
    /// monotonic timer: a round asks the store once and still has a "now" for every step.
    /// </summary>
    Task<IClock> StartRoundAsync(CancellationToken cancellationToken);
}
