namespace ScheduledMessages.Integration.Telegram;

/// <summary>
/// The double's record of accepted sends, checked against <see cref="BotApiLimits"/> as sliding
/// windows: a send is refused when its chat, its group or the whole bot already has the limit's
/// number of sends within the (leeway-shortened) window before it.
/// </summary>
internal sealed class SendLimitLedger
{
    private readonly Queue<TimeSpan> _global = new();
    private readonly Dictionary<long, Queue<TimeSpan>> _perChat = [];
    private readonly Dictionary<long, Queue<TimeSpan>> _perGroup = [];

    /// <summary>Null when the send may go (and is recorded), else how long to wait.</summary>
    public TimeSpan? TryRecord(long chatId, TimeSpan now, BotApiLimits limits)
    {
        if (!limits.Enabled)
        {
            return null;
        }

        var chat = QueueFor(_perChat, chatId);
        var group = chatId < 0 ? QueueFor(_perGroup, chatId) : null;
        var wait = Max(
            Wait(_global, now, limits.GlobalLimit, limits.GlobalPeriod, limits.GlobalLeeway ?? limits.Leeway),
            Wait(chat, now, limits.PerChatLimit, limits.PerChatPeriod, limits.Leeway),
            group is null ? null : Wait(group, now, limits.PerGroupLimit, limits.PerGroupPeriod, limits.Leeway));
        if (wait is not null)
        {
            return wait;
        }

        _global.Enqueue(now);
        chat.Enqueue(now);
        group?.Enqueue(now);
        return null;
    }

    public void Clear()
    {
        _global.Clear();
        _perChat.Clear();
        _perGroup.Clear();
    }

    private static Queue<TimeSpan> QueueFor(Dictionary<long, Queue<TimeSpan>> queues, long chatId)
    {
        if (!queues.TryGetValue(chatId, out var queue))
        {
            queue = new Queue<TimeSpan>();
            queues[chatId] = queue;
        }

        return queue;
    }

    private static TimeSpan? Wait(Queue<TimeSpan> sends, TimeSpan now, int limit, TimeSpan period, double leeway)
    {
        var window = period * (1 - Math.Clamp(leeway, 0, 0.9));
        while (sends.Count > 0 && sends.Peek() <= now - window)
        {
            sends.Dequeue();
        }

        if (sends.Count < limit)
        {
            return null;
        }

        // The oldest send in the window must leave it before another one fits.
        return sends.ElementAt(sends.Count - limit) + window - now;
    }

    private static TimeSpan? Max(params TimeSpan?[] waits)
    {
        TimeSpan? max = null;
        foreach (var wait in waits)
        {
            if (wait is { } w && (max is null || w > max))
            {
                max = w;
            }
        }

        return max;
    }
}
