namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>
/// When a send may start, on a clock the caller passes in: exact sliding logs (<see cref="SendLog"/>)
/// per chat, per group (chat id &lt; 0) and overall. A send counts against each limit from its start
/// until one period plus <see cref="TelegramLimitsOptions.Margin"/> after its end, so no interval of
/// one period ever holds more sends than the limit, whatever the requests' delays on their way.
/// Not thread-safe: <see cref="TelegramSendLimiter"/> locks around it.
/// </summary>
internal sealed class SendSchedule
{
    private readonly TelegramLimitsOptions _options;
    private readonly SendLog _global;
    private readonly Dictionary<long, ChatLogs> _chats = [];
    private int _startsSinceSweep;

    public SendSchedule(TelegramLimitsOptions options)
    {
        _options = options;
        _global = new SendLog(options.GlobalPeriod + options.Margin);
        GlobalShare = options.GlobalLimit;
    }

    /// <summary>This instance's part of <see cref="TelegramLimitsOptions.GlobalLimit"/>: the overall sends a global period.</summary>
    public int GlobalShare { get; private set; }

    /// <summary>Sets <see cref="GlobalShare"/> to the global limit divided by <paramref name="instances"/>; it applies from the next start.</summary>
    public int ShareAmong(int instances) => GlobalShare = _options.ShareAmong(instances);

    /// <summary>Ends <paramref name="send"/> at <paramref name="now"/>: it counts for one more span, then no more.</summary>
    public static void End(Send send, TimeSpan now) => send.End ??= now;

    /// <summary>
    /// How long from <paramref name="now"/> until <paramref name="chatId"/> (and its group) has room:
    /// zero when it has, null while a send to it is still under way.
    /// </summary>
    public TimeSpan? ChatWait(long chatId, TimeSpan now) => Wait(ChatFree(chatId, now), now);

    /// <summary>
    /// Starts a send to <paramref name="chatId"/> at <paramref name="now"/> if every limit has room
    /// and returns it; end it with <see cref="End"/>. Otherwise returns null, with how long to wait
    /// in <paramref name="retryAfter"/> (null: until a send under way ends).
    /// </summary>
    public Send? TryStart(long chatId, TimeSpan now, out TimeSpan? retryAfter)
    {
        var free = Later(ChatFree(chatId, now), _global.NextFree(GlobalShare, now));
        retryAfter = Wait(free, now);
        if (retryAfter != TimeSpan.Zero)
        {
            return null;
        }

        var send = new Send(now);
        var logs = LogsFor(chatId);
        _global.Add(send);
        logs.Chat.Add(send);
        logs.Group?.Add(send);
        SweepNowAndThen(now);
        return send;
    }

    private static TimeSpan? Wait(TimeSpan? free, TimeSpan now) => free is { } at ? (at > now ? at - now : TimeSpan.Zero) : null;

    /// <summary>The later of two times, where null (after a send under way ends) is the latest.</summary>
    private static TimeSpan? Later(TimeSpan? a, TimeSpan? b) => a is null || b is null ? null : (a > b ? a : b);

    private TimeSpan? ChatFree(long chatId, TimeSpan now)
    {
        if (!_chats.TryGetValue(chatId, out var logs))
        {
            return now;
        }

        var free = logs.Chat.NextFree(_options.PerChatLimit, now);
        return logs.Group is { } group ? Later(free, group.NextFree(_options.PerGroupLimit, now)) : free;
    }

    private ChatLogs LogsFor(long chatId)
    {
        if (!_chats.TryGetValue(chatId, out var logs))
        {
            logs = new ChatLogs(
                new SendLog(_options.PerChatPeriod + _options.Margin),
                chatId < 0 ? new SendLog(_options.PerGroupPeriod + _options.Margin) : null);
            _chats[chatId] = logs;
        }

        return logs;
    }

    /// <summary>Drops the logs of chats none of whose sends count any more, once per as many starts as there are chats.</summary>
    private void SweepNowAndThen(TimeSpan now)
    {
        if (++_startsSinceSweep < Math.Max(1024, _chats.Count))
        {
            return;
        }

        _startsSinceSweep = 0;
        foreach (var (chatId, logs) in _chats)
        {
            if (logs.Chat.IsEmpty(now) && (logs.Group?.IsEmpty(now) ?? true))
            {
                _chats.Remove(chatId);
            }
        }
    }

    private sealed record ChatLogs(SendLog Chat, SendLog? Group);
}
