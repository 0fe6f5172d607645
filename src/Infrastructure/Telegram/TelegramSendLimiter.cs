using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>
/// Keeps sends within Telegram's limits before they are made, so a 429 is an exception rather than
/// the throttle: a send waits (cancellably) for its turn instead of failing.
/// </summary>
/// <remarks>
/// Sends to one chat take turns, so only the turn holder ever spends that chat's room. It waits
/// until its chat (and group) have room, then reserves the next overall slot and waits for it: the
/// slot is recorded right before the request leaves. The limits are exact sliding logs
/// (<see cref="SendSchedule"/>): no interval of one period ever holds more sends than the limit,
/// and each period is lengthened by <see cref="TelegramLimitsOptions.Margin"/> for the requests'
/// jitter on their way. Replies take their turn here too. The overall limit is this instance's
/// share, <see cref="GlobalShare"/>, which the heartbeat sets from the instances alive (ADR 0805).
/// </remarks>
public sealed class TelegramSendLimiter : IDisposable
{
    private readonly TelegramLimitsOptions _options;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Lock _gate = new();
    private readonly SendSchedule _schedule;
    private readonly PartitionedRateLimiter<long> _turns;

    public TelegramSendLimiter(IOptions<TelegramLimitsOptions> options, TimeProvider? time = null)
    {
        _options = options.Value;
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
        _schedule = new SendSchedule(_options);
        _turns = PartitionedRateLimiter.Create<long, long>(chatId => RateLimitPartition.GetConcurrencyLimiter(
            chatId,
            _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = 1,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
    }

    /// <summary>The overall sends this instance makes a global period: its share of the global limit.</summary>
    public int GlobalShare
    {
        get
        {
            lock (_gate)
            {
                return _schedule.GlobalShare;
            }
        }
    }

    /// <summary>
    /// Keeps to <c>GlobalLimit / instances</c> (rounded down, at least 1) from the next send on,
    /// the share of one of <paramref name="instances"/> alive; returns the new share.
    /// </summary>
    public int ShareAmong(int instances)
    {
        lock (_gate)
        {
            return _schedule.ShareAmong(instances);
        }
    }

    /// <summary>
    /// Waits until a message may be sent to <paramref name="chatId"/> now. Dispose the result once
    /// the send is over: it holds the chat's turn.
    /// </summary>
    public async ValueTask<IDisposable> WaitTurnAsync(long chatId, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return NoTurn.Instance;
        }

        var turn = await _turns.AcquireAsync(chatId, 1, cancellationToken);
        try
        {
            // Only the turn holder adds to its chat's sends, so its room never shrinks while it waits.
            while (Locked(now => _schedule.ChatWait(chatId, now)) is var wait && wait > TimeSpan.Zero)
            {
                await DelayAsync(wait, cancellationToken);
            }

            var slot = Locked(now => _schedule.Reserve(chatId, now));
            try
            {
                while (slot - Now() is var left && left > TimeSpan.Zero)
                {
                    await DelayAsync(left, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    _schedule.Cancel(chatId, slot);
                }

                throw;
            }

            return turn;
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    public void Dispose() => _turns.Dispose();

    private TimeSpan Now() => _time.GetElapsedTime(_started);

    private TimeSpan Locked(Func<TimeSpan, TimeSpan> step)
    {
        lock (_gate)
        {
            return step(Now());
        }
    }

    /// <summary>Waits at least <paramref name="delay"/>: timers count whole milliseconds, and may fire a little early.</summary>
    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)), _time, cancellationToken);

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}
