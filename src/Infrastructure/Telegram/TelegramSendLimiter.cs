using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>
/// Keeps sends within Telegram's limits before they are made, so a 429 is an exception rather than
/// the throttle: a send waits (cancellably) for its turn instead of failing.
/// </summary>
/// <remarks>
/// Sends to one chat take turns, so only the turn holder ever spends that chat's permits. It waits
/// until its chat (and group) have room, then queues for a global permit, and only then spends the
/// chat and group permits: every permit is spent right before the request leaves, never early.
/// Each sliding window is one segment longer than the limit's period, so any interval of one
/// period holds at most the limit's number of sends, whatever the timer's phase. Segments are at
/// least 100 ms: a partitioned limiter slides its windows on a 100 ms heartbeat, one segment a beat.
/// The global window is a limiter of its own with its own timer, so it slides in 1/50ths of its
/// period: the extra segment then costs 2% of the rate instead of 10% (29.4/s of 30/s). With
/// several instances each keeps to its share, <see cref="TelegramLimitsOptions.InstanceGlobalLimit"/> (ADR 0402).
/// </remarks>
public sealed class TelegramSendLimiter : IDisposable
{
    private const int SegmentsPerPeriod = 10;
    private const int GlobalSegmentsPerPeriod = 50;

    private static readonly TimeSpan MinimumSegment = TimeSpan.FromMilliseconds(100);

    private readonly TelegramLimitsOptions _options;
    private readonly PartitionedRateLimiter<long> _turns;
    private readonly PartitionedRateLimiter<long> _perChat;
    private readonly PartitionedRateLimiter<long> _perGroup;
    private readonly SlidingWindowRateLimiter _global;
    private readonly TimeSpan _recheck;

    public TelegramSendLimiter(IOptions<TelegramLimitsOptions> options)
    {
        _options = options.Value;
        _turns = PartitionedRateLimiter.Create<long, long>(chatId => RateLimitPartition.GetConcurrencyLimiter(
            chatId,
            _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = 1,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
        _perChat = PartitionedRateLimiter.Create<long, long>(chatId => RateLimitPartition.GetSlidingWindowLimiter(
            chatId, _ => Window(_options.PerChatLimit, _options.PerChatPeriod)));
        _perGroup = PartitionedRateLimiter.Create<long, long>(chatId => RateLimitPartition.GetSlidingWindowLimiter(
            chatId, _ => Window(_options.PerGroupLimit, _options.PerGroupPeriod)));
        _global = new SlidingWindowRateLimiter(Window(_options.InstanceGlobalLimit, _options.GlobalPeriod, GlobalSegment(_options.GlobalPeriod)));
        _recheck = Segment(Min(_options.PerChatPeriod, _options.PerGroupPeriod));
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
            while (true)
            {
                while (!HasRoom(_perChat, chatId) || (chatId < 0 && !HasRoom(_perGroup, chatId)))
                {
                    await Task.Delay(_recheck, cancellationToken);
                }

                using var global = await _global.AcquireAsync(1, cancellationToken);
                if (!global.IsAcquired)
                {
                    continue;
                }

                // Only the turn holder spends these, and room never shrinks while it waits: both succeed.
                using var chat = _perChat.AttemptAcquire(chatId);
                using var group = chatId < 0 ? _perGroup.AttemptAcquire(chatId) : null;
                if (chat.IsAcquired && (group?.IsAcquired ?? true))
                {
                    return turn;
                }
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
        _perChat.Dispose();
        _perGroup.Dispose();
        _global.Dispose();
    }

    private static bool HasRoom(PartitionedRateLimiter<long> limiter, long chatId) =>
        limiter.GetStatistics(chatId)?.CurrentAvailablePermits > 0;

    private static SlidingWindowRateLimiterOptions Window(int limit, TimeSpan period) => Window(limit, period, Segment(period));

    private static SlidingWindowRateLimiterOptions Window(int limit, TimeSpan period, TimeSpan segment)
    {
        var segments = (int)Math.Ceiling(period / segment) + 1;
        return new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = segment * segments,
            SegmentsPerWindow = segments,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }

    private static TimeSpan Segment(TimeSpan period) =>
        period / SegmentsPerPeriod is var segment && segment > MinimumSegment ? segment : MinimumSegment;

    private static TimeSpan GlobalSegment(TimeSpan period) =>
        period / GlobalSegmentsPerPeriod is var segment && segment > TimeSpan.FromMilliseconds(1) ? segment : TimeSpan.FromMilliseconds(1);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}
