namespace ScheduledMessages.Unit;

/// <summary>
/// A clock that moves only when a test says so: timers (Task.Delay, CancellationTokenSource delays,
/// WaitAsync timeouts) made from it fire when <see cref="Advance"/> passes their time.
/// </summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Waits until some code has set a timer due at <paramref name="due"/>: advancing before then
    /// would leave that timer behind (it would be set relative to the later time).
    /// </summary>
    public async Task WaitForTimerAsync(DateTimeOffset due)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            lock (_gate)
            {
                if (_timers.Any(t => t.Due == due))
                {
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), patience.Token);
        }
    }

    /// <summary>Waits (on the real clock, up to 30 s) until <paramref name="count"/> timers are set: code elsewhere is about to wait on this clock.</summary>
    public async Task WaitForTimersAsync(int count)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            lock (_gate)
            {
                if (_timers.Count >= count)
                {
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1), patience.Token);
        }
    }

    /// <summary>Moves the clock on by <paramref name="by"/>, firing each timer due on the way at its time.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset end;
        lock (_gate)
        {
            end = _now + by;
        }

        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.Due is { } at && at <= end).MinBy(t => t.Due);
                if (due is null)
                {
                    _now = end;
                    return;
                }

                _now = due.Due!.Value;
                due.Due = due.Period is { } period ? _now + period : null;
                if (due.Due is null)
                {
                    _timers.Remove(due);
                }
            }

            due.Fire();
        }
    }

    private sealed class ManualTimer(ManualTime time, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (time._gate)
            {
                time._timers.Remove(this);
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : time._now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
                if (Due is not null)
                {
                    time._timers.Add(this);
                }
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (time._gate)
            {
                time._timers.Remove(this);
                Due = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
