using NodaTime;

namespace ScheduledMessages.Bot.Access;

/// <summary>
/// Fixed-window counters, one per key, opened by a key's first event and closed after its period.
/// Thread-safe; windows that ended are swept now and then so that memory follows the active keys only.
/// </summary>
public sealed class QuotaWindows(IClock clock)
{
    private const int SweepEvery = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<QuotaKey, Window> _windows = [];
    private int _sinceSweep;

    /// <summary>Windows currently held (for tests of the sweep).</summary>
    public int Count
    {
        get { lock (_gate) { return _windows.Count; } }
    }

    /// <summary>
    /// Counts one event against every quota, all or none: admitted only when each has room. A quota
    /// with <see cref="Quota.Limit"/> 0 never admits (used to answer a refused chat once per period).
    /// </summary>
    public Admission TryAdmit(ReadOnlySpan<Quota> quotas)
    {
        var now = clock.GetCurrentInstant();
        lock (_gate)
        {
            if (++_sinceSweep >= SweepEvery)
            {
                Sweep(now);
            }

            Span<int> full = stackalloc int[quotas.Length];
            var fullCount = 0;
            for (var i = 0; i < quotas.Length; i++)
            {
                var window = Current(quotas[i], now);
                if (window.Count >= quotas[i].Limit)
                {
                    full[fullCount++] = i;
                }
            }

            if (fullCount == 0)
            {
                foreach (var quota in quotas)
                {
                    _windows[quota.Key].Count++;
                }

                return Admission.Admit;
            }

            var first = false;
            var retryAfter = Duration.Zero;
            foreach (var i in full[..fullCount])
            {
                var window = _windows[quotas[i].Key];
                first |= !window.Refused;
                window.Refused = true;
                var left = window.Ends - now;
                retryAfter = left > retryAfter ? left : retryAfter;
            }

            return new Admission(false, first, retryAfter, quotas[full[0]]);
        }
    }

    private Window Current(Quota quota, Instant now)
    {
        if (!_windows.TryGetValue(quota.Key, out var window) || window.Ends <= now)
        {
            window = new Window(now + quota.Period);
            _windows[quota.Key] = window;
        }

        return window;
    }

    private void Sweep(Instant now)
    {
        _sinceSweep = 0;
        foreach (var key in _windows.Where(w => w.Value.Ends <= now).Select(w => w.Key).ToList())
        {
            _windows.Remove(key);
        }
    }

    private sealed class Window(Instant ends)
    {
        public Instant Ends { get; } = ends;

        public int Count { get; set; }

        public bool Refused { get; set; }
    }
}
