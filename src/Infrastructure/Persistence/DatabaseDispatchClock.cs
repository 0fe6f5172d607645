using System.Diagnostics;
using NodaTime;
using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>
/// The database's clock for dispatch (ADR 0804): one query for the database's current time, then
/// that instant plus the time elapsed on this process's monotonic timer (never its wall clock, which
/// may be minutes off or jump).
/// </summary>
public sealed class DatabaseDispatchClock(SchedulerDbContext db) : IDispatchClock
{
    public async Task<IClock> StartRoundAsync(CancellationToken cancellationToken)
    {
        var now = await IDueMessageQueries.For(db.Provider).NowAsync(db, cancellationToken);
        return new RunningClock(now, Stopwatch.GetTimestamp());
    }

    /// <summary>An instant read once, advanced by the monotonic time elapsed since.</summary>
    private sealed class RunningClock(Instant start, long startedAt) : IClock
    {
        public Instant GetCurrentInstant() => start + Duration.FromTimeSpan(Stopwatch.GetElapsedTime(startedAt));
    }
}
