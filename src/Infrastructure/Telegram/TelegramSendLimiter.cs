using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>
/// Keeps sends within Telegram's limits before they are made, so a 429 is an exception rather than
/// the throttle: a send waits (cancellably) for its turn instead of failing.
/// </summary>
/// <remarks>
/// Sends to one chat take turns, so only the turn holder ever adds to that chat's sends. It waits
/// until its chat (and group) have room, then queues, first come first served, for room in the
/// overall limit. The limits are exact sliding logs (<see cref="SendSchedule"/>): a send counts
/// from when its turn is given until one period plus <see cref="TelegramLimitsOptions.Margin"/>
/// after the turn is disposed, so no interval of one period ever holds more sends than the limit
/// wherever Telegram sees each request between those two moments. Replies take their turns here
/// too. The overall limit is this instance's share, <see cref="GlobalShare"/>, which the heartbeat
/// sets from the instances alive (ADR 0805).
/// </remarks>
public sealed class TelegramSendLimiter : IDisposable
{
    private readonly TelegramLimitsOptions _options;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Lock _gate = new();
    private readonly SendSchedule _schedule;
    private readonly PartitionedRateLimiter<long> _turns;
    private readonly ConcurrencyLimiter _queue = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = 1,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private TaskCompletionSource _ended = NewSignal();

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

    /// <summary>This instance's overall sends a second (its share over the global period), or null when limits are off.</summary>
    public int? MessagesPerSecond =>
        _options.Enabled ? Math.Max(1, (int)(GlobalShare / _options.GlobalPeriod.TotalSeconds)) : null;

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
    /// Waits until a message may be sent to <paramref name="chatId"/> now. Dispose the result as soon
    /// as the send is over: it holds the chat's turn, and the send counts against the limits until then.
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
            while (true)
            {
                Task ended;
                TimeSpan? wait;
                lock (_gate)
                {
                    wait = _schedule.ChatWait(chatId, Now());
                    ended = _ended.Task;
                }

                if (wait == TimeSpan.Zero)
                {
                    break;
                }

                await WaitAsync(wait, ended, cancellationToken);
            }

            using var queued = await _queue.AcquireAsync(1, cancellationToken);
            while (true)
            {
                Task ended;
                TimeSpan? wait;
                lock (_gate)
                {
                    if (_schedule.TryStart(chatId, Now(), out wait) is { } send)
                    {
                        return new Turn(this, send, turn);
                    }

                    ended = _ended.Task;
                }

                await WaitAsync(wait, ended, cancellationToken);
            }
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _turns.Dispose();
        _queue.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TimeSpan Now() => _time.GetElapsedTime(_started);

    /// <summary>Waits <paramref name="wait"/> (at least: timers count whole milliseconds), or, when null, until a send ends.</summary>
    private Task WaitAsync(TimeSpan? wait, Task ended, CancellationToken cancellationToken) =>
        wait is { } delay
            ? Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)), _time, cancellationToken)
            : ended.WaitAsync(cancellationToken);

    private void End(Send send)
    {
        TaskCompletionSource ended;
        lock (_gate)
        {
            SendSchedule.End(send, Now());
            ended = _ended;
            _ended = NewSignal();
        }

        ended.SetResult();
    }

    /// <summary>A send's turn: disposing it ends the send (it then counts one more period) and passes the chat's turn on.</summary>
    private sealed class Turn(TelegramSendLimiter limiter, Send send, RateLimitLease chatTurn) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                limiter.End(send);
                chatTurn.Dispose();
            }
        }
    }

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}
