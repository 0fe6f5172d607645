namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>
/// When each send may go, on a clock the caller passes in: exact sliding logs of the sends per chat,
/// per group (chat id &lt; 0) and overall. Every limit of L sends a period P is kept as "any L + 1
/// consecutive sends span at least P + <see cref="TelegramLimitsOptions.Margin"/>", so no interval
/// of one period, wherever it starts, ever holds more than L; the margin absorbs the jitter of the
/// requests on their way to Telegram. Not thread-safe: <see cref="TelegramSendLimiter"/> locks around it.
/// </summary>
/// <remarks>
/// A send first waits for its chat's (and group's) room (<see cref="ChatWait"/>), then reserves
/// the next overall slot (<see cref="Reserve"/>). Overall slots are handed out in order and never
/// earlier than one already given, so the global log stays sorted and a send that waits for its
/// chat never holds up sends to other chats.
/// </remarks>
internal sealed class SendSchedule
{
    private readonly TelegramLimitsOptions _options;
    private readonly SendLog _global;
    private readonly Dictionary<long, ChatLogs> _chats = [];
    private int _reservationsSinceSweep;

    public SendSchedule(TelegramLimitsOptions options)
    {
        _options = options;
        _global = new SendLog(options.GlobalPeriod + options.Margin);
        GlobalShare = options.GlobalLimit;
    }

    /// <summary>This instance's part of <see cref="TelegramLimitsOptions.GlobalLimit"/>: the overall sends a global period.</summary>
    public int GlobalShare { get; private set; }

    /// <summary>Sets <see cref="GlobalShare"/> to the global limit divided by <paramref name="instances"/>; it applies to the next reservation.</summary>
    public int ShareAmong(int instances) => GlobalShare = _options.ShareAmong(instances);

    /// <summary>How long from <paramref name="now"/> until <paramref name="chatId"/> (and its group) has room; zero when it has.</summary>
    public TimeSpan ChatWait(long chatId, TimeSpan now)
    {
        var free = ChatFree(chatId);
        return free > now ? free - now : TimeSpan.Zero;
    }

    /// <summary>
    /// Reserves the earliest slot at or after <paramref name="now"/> that keeps every limit, and
    /// records it as a send to <paramref name="chatId"/>. The caller waits until the slot, then sends.
    /// </summary>
    public TimeSpan Reserve(long chatId, TimeSpan now)
    {
        var slot = Max(now, ChatFree(chatId));
        slot = Max(slot, _global.NextFree(GlobalShare));
        if (_global.Last is { } last)
        {
            slot = Max(slot, last);
        }

        var logs = LogsFor(chatId);
        _global.Add(slot, now);
        logs.Chat.Add(slot, now);
        logs.Group?.Add(slot, now);
        SweepNowAndThen(now);
        return slot;
    }

    /// <summary>Forgets a reservation whose send was given up before its slot.</summary>
    public void Cancel(long chatId, TimeSpan slot)
    {
        _global.Remove(slot);
        if (_chats.TryGetValue(chatId, out var logs))
        {
            logs.Chat.Remove(slot);
            logs.Group?.Remove(slot);
        }
    }

    private TimeSpan ChatFree(long chatId)
    {
        if (!_chats.TryGetValue(chatId, out var logs))
        {
            return TimeSpan.MinValue;
        }

        // Never before the chat's last send either, so its logs stay in order.
        var free = Max(logs.Chat.NextFree(_options.PerChatLimit), logs.Chat.Last ?? TimeSpan.MinValue);
        return logs.Group is { } group
            ? Max(free, group.NextFree(_options.PerGroupLimit))
            : free;
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

    /// <summary>Drops the logs of chats whose sends are all too old to count, once per as many reservations as there are chats.</summary>
    private void SweepNowAndThen(TimeSpan now)
    {
        if (++_reservationsSinceSweep < Math.Max(1024, _chats.Count))
        {
            return;
        }

        _reservationsSinceSweep = 0;
        var chatSpan = _options.PerChatPeriod + _options.Margin;
        var groupSpan = _options.PerGroupPeriod + _options.Margin;
        foreach (var (chatId, logs) in _chats)
        {
            if (IsStale(logs.Chat, now - chatSpan) && (logs.Group is null || IsStale(logs.Group, now - groupSpan)))
            {
                _chats.Remove(chatId);
            }
        }
    }

    private static bool IsStale(SendLog log, TimeSpan before) => (log.Last ?? TimeSpan.MinValue) <= before;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record ChatLogs(SendLog Chat, SendLog? Group);
}
