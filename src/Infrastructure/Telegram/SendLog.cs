namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>
/// One limit's exact sliding log: the sends that still count against it. A send counts from the
/// moment it starts until one span (the period plus the margin) after it ends, so a limit of L is
/// kept by starting a send only while fewer than L count. Telegram sees each request at some moment
/// between its start and its end, so no interval of one period, wherever it starts, can ever hold
/// more than L of them there - however long each request took on its way. Not thread-safe:
/// <see cref="SendSchedule"/> locks.
/// </summary>
internal sealed class SendLog(TimeSpan span)
{
    private readonly List<Send> _sends = [];

    /// <summary>Whether any send still counts at <paramref name="now"/>.</summary>
    public bool IsEmpty(TimeSpan now)
    {
        Expire(now);
        return _sends.Count == 0;
    }

    /// <summary>
    /// The earliest time from <paramref name="now"/> at which fewer than <paramref name="limit"/>
    /// sends count; null when that depends on sends still under way (it comes after one ends).
    /// </summary>
    public TimeSpan? NextFree(int limit, TimeSpan now)
    {
        Expire(now);
        var excess = _sends.Count - limit + 1;
        if (excess <= 0)
        {
            return now;
        }

        var ended = _sends.Where(s => s.End is not null).Select(s => s.End!.Value).Order().ToList();
        return ended.Count < excess ? null : ended[excess - 1] + span;
    }

    public void Add(Send send) => _sends.Add(send);

    /// <summary>Forgets sends that ended a span or more before <paramref name="now"/>: they no longer count, now or later.</summary>
    private void Expire(TimeSpan now) => _sends.RemoveAll(s => s.End <= now - span);
}

/// <summary>One send as the logs count it: from its start until its end (null while under way).</summary>
internal sealed class Send(TimeSpan start)
{
    public TimeSpan Start { get; } = start;

    public TimeSpan? End { get; set; }
}
