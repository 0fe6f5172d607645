namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>
/// An exact sliding log for one limit: the times of the recent sends, oldest first. A limit of L
/// sends a period keeps when every L + 1 consecutive sends span at least the log's
/// <c>span</c> (the period plus the margin), so the next send may go once the L-th most recent one
/// is that old. Not thread-safe: <see cref="SendSchedule"/> locks.
/// </summary>
internal sealed class SendLog(TimeSpan span)
{
    private readonly List<TimeSpan> _times = [];

    /// <summary>The latest send recorded, or null.</summary>
    public TimeSpan? Last => _times.Count == 0 ? null : _times[^1];

    /// <summary>
    /// The earliest time another send keeps at most <paramref name="limit"/> sends in any span:
    /// the <paramref name="limit"/>-th most recent send plus the span; <see cref="TimeSpan.MinValue"/>
    /// while fewer than <paramref name="limit"/> are recorded.
    /// </summary>
    public TimeSpan NextFree(int limit) =>
        _times.Count < limit ? TimeSpan.MinValue : _times[_times.Count - limit] + span;

    /// <summary>
    /// Records a send at <paramref name="at"/>, no earlier than <see cref="Last"/>. Sends a span
    /// older than <paramref name="now"/> are dropped: every send from now on is later, so they no
    /// longer count (whereas <paramref name="at"/> may still be given up).
    /// </summary>
    public void Add(TimeSpan at, TimeSpan now)
    {
        var expired = 0;
        while (expired < _times.Count && _times[expired] <= now - span)
        {
            expired++;
        }

        _times.RemoveRange(0, expired);
        _times.Add(at);
    }

    /// <summary>Forgets a send that did not happen; the others then still span as much as before, or more.</summary>
    public void Remove(TimeSpan at)
    {
        var index = _times.LastIndexOf(at);
        if (index >= 0)
        {
            _times.RemoveAt(index);
        }
    }
}
