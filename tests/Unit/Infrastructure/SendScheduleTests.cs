using CsCheck;
using Microsoft.Extensions.Options;
using ScheduledMessages.Infrastructure.Telegram;

namespace ScheduledMessages.Unit.Infrastructure;

/// <summary>
/// Telegram's limits as the limiter keeps them, on a simulated clock: a send counts from its start
/// until a period and the margin after its end, and a new one starts only while fewer than the
/// limit count - per chat, per group and overall, replies included (they take the same turns). So
/// wherever Telegram sees each request between its start and its end, no interval of one period
/// holds more than the limit; and a backlog to distinct chats goes at GlobalLimit / (GlobalPeriod +
/// Margin + the requests' duration).
/// </summary>
public sealed class SendScheduleTests
{
    private static readonly long[] Chats = [1, 2, 3, 4, 5, -100, -200, -300];

    private static readonly Gen<TelegramLimitsOptions> Limits = Gen.Select(
        Gen.Int[1, 3], Gen.Int[50, 1000], Gen.Int[1, 6], Gen.Int[200, 3000], Gen.Int[1, 12], Gen.Int[100, 1000], Gen.Int[0, 60],
        (chat, chatMs, group, groupMs, global, globalMs, marginMs) => new TelegramLimitsOptions
        {
            PerChatLimit = chat,
            PerChatPeriod = TimeSpan.FromMilliseconds(chatMs),
            PerGroupLimit = group,
            PerGroupPeriod = TimeSpan.FromMilliseconds(groupMs),
            GlobalLimit = global,
            GlobalPeriod = TimeSpan.FromMilliseconds(globalMs),
            Margin = TimeSpan.FromMilliseconds(marginMs),
        });

    /// <summary>A send: its chat, the gap since the previous send was asked for, and how long its request takes (it holds its turn that long).</summary>
    private static readonly Gen<Request> Requests = Gen.Select(
        Gen.OneOf(Chats), Gen.Int[0, 300], Gen.Int[0, 400],
        (chat, gapMs, holdMs) => new Request(chat, TimeSpan.FromMilliseconds(gapMs), TimeSpan.FromMilliseconds(holdMs)));

    [Fact]
    public void No_interval_of_one_period_holds_more_sends_than_the_limit_per_chat_per_group_or_overall()
    {
        Gen.Select(Limits, Requests.Array[1, 150]).Sample(
            (limits, requests) =>
            {
                var sends = Simulation.Run(limits, requests, shareChanges: []);

                Assert.Equal(requests.Length, sends.Count);
                AssertCounted(sends, limits.GlobalPeriod + limits.Margin, _ => limits.GlobalLimit, _ => true);
                foreach (var chat in Chats)
                {
                    AssertCounted(sends, limits.PerChatPeriod + limits.Margin, _ => limits.PerChatLimit, s => s.ChatId == chat);
                    if (chat < 0)
                    {
                        AssertCounted(sends, limits.PerGroupPeriod + limits.Margin, _ => limits.PerGroupLimit, s => s.ChatId == chat);
                    }
                }
            },
            iter: 2_000,
            threads: 1);
    }

    [Fact]
    public void A_share_changed_live_holds_from_the_next_send_on()
    {
        var changes = Gen.Select(Gen.Int[0, 5_000], Gen.Int[1, 4], (ms, instances) => (At: TimeSpan.FromMilliseconds(ms), Instances: instances)).Array[1, 4];
        Gen.Select(Limits, Requests.Array[1, 150], changes).Sample(
            (limits, requests, shareChanges) =>
            {
                var sends = Simulation.Run(limits, requests, shareChanges);

                Assert.Equal(requests.Length, sends.Count);
                AssertCounted(sends, limits.GlobalPeriod + limits.Margin, s => s.Share, _ => true);
            },
            iter: 1_000,
            threads: 1);
    }

    [Fact]
    public void A_backlog_to_distinct_chats_goes_at_the_limit_over_the_period_plus_the_margin()
    {
        var limits = new TelegramLimitsOptions { Margin = TimeSpan.FromMilliseconds(30) };
        var requests = Enumerable.Range(0, 300).Select(i => new Request(1_000 + i, TimeSpan.Zero, TimeSpan.FromMilliseconds(5))).ToArray();

        var sends = Simulation.Run(limits, requests, shareChanges: []);

        // 30 at once, then 30 more each time the first of them is 1.03 s past its end: 300 sends
        // over 10 windows of 1.035 s are 29.0/s.
        Assert.Equal(300, sends.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(9 * 1035), sends[^1].Start);
        Assert.Equal(30, sends.Count(s => s.Start == TimeSpan.Zero));
    }

    [Fact]
    public void Sends_to_one_chat_go_a_period_and_a_margin_apart_while_other_chats_keep_going()
    {
        var limits = new TelegramLimitsOptions { Margin = TimeSpan.FromMilliseconds(30) };
        var busy = Enumerable.Range(0, 5).Select(_ => new Request(7, TimeSpan.Zero, TimeSpan.Zero));
        var others = Enumerable.Range(0, 5).Select(i => new Request(100 + i, TimeSpan.Zero, TimeSpan.Zero));

        var sends = Simulation.Run(limits, [.. busy, .. others], shareChanges: []);

        Assert.Equal([0, 1030, 2060, 3090, 4120], sends.Where(s => s.ChatId == 7).Select(s => s.Start.TotalMilliseconds));
        Assert.All(sends.Where(s => s.ChatId != 7), s => Assert.Equal(TimeSpan.Zero, s.Start));
    }

    [Fact]
    public async Task The_send_after_the_limit_waits_for_the_oldest_to_be_one_period_and_the_margin_old()
    {
        var time = new ManualTime(DateTimeOffset.UnixEpoch);
        using var limiter = new TelegramSendLimiter(Options.Create(new TelegramLimitsOptions { Margin = TimeSpan.FromMilliseconds(30) }), time);
        for (var chat = 1; chat <= 30; chat++)
        {
            var turn = limiter.WaitTurnAsync(chat, CancellationToken.None);
            Assert.True(turn.IsCompletedSuccessfully);
            (await turn).Dispose();
        }

        var next = limiter.WaitTurnAsync(31, CancellationToken.None).AsTask();
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1029));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        (await next.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    [Fact]
    public async Task A_send_counts_until_its_turn_is_disposed_and_a_period_after()
    {
        var time = new ManualTime(DateTimeOffset.UnixEpoch);
        using var limiter = new TelegramSendLimiter(Options.Create(new TelegramLimitsOptions { GlobalLimit = 1, Margin = TimeSpan.Zero }), time);
        var slow = await limiter.WaitTurnAsync(1, CancellationToken.None);
        var next = limiter.WaitTurnAsync(2, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(next.IsCompleted);

        slow.Dispose();
        await time.WaitForTimersAsync(1);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        (await next.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    [Fact]
    public void Sharing_among_the_instances_alive_divides_the_global_limit_rounded_down()
    {
        using var limiter = new TelegramSendLimiter(Options.Create(new TelegramLimitsOptions()));

        Assert.Equal(30, limiter.GlobalShare);
        Assert.Equal(15, limiter.ShareAmong(2));
        Assert.Equal(15, limiter.GlobalShare);
        Assert.Equal(30, limiter.ShareAmong(1));
    }

    /// <summary>
    /// Each send (among those <paramref name="counted"/>) started while fewer than its limit of the
    /// earlier ones still counted: not yet ended, or ended less than <paramref name="span"/> before.
    /// </summary>
    private static void AssertCounted(Sends sends, TimeSpan span, Func<Sent, int> limit, Func<Sent, bool> counted)
    {
        var these = sends.Where(counted).OrderBy(s => s.Start).ToList();
        for (var j = 0; j < these.Count; j++)
        {
            var counting = these.Take(j).Count(i => i.End > these[j].Start - span);
            Assert.True(counting < limit(these[j]), $"send {j} started at {these[j].Start} while {counting} counted (limit {limit(these[j])})");
        }
    }

    private sealed record Request(long ChatId, TimeSpan Gap, TimeSpan Hold);

    private sealed record Sent(long ChatId, TimeSpan Start, TimeSpan End, int Share);

    private sealed class Sends : List<Sent>;

    /// <summary>
    /// Runs the limiter's protocol on a simulated clock: per chat one turn at a time (first come,
    /// first served), wait for the chat's room, queue (first come, first served) for the overall
    /// room, send, and end the send (passing the turn on) when its request is over.
    /// </summary>
    private sealed class Simulation
    {
        private readonly SendSchedule _schedule;
        private readonly PriorityQueue<Action, (TimeSpan At, long Order)> _events = new();
        private readonly Dictionary<long, Queue<Request>> _waiting = [];
        private readonly HashSet<long> _turnTaken = [];
        private readonly Queue<Request> _overall = new();
        private readonly Sends _sends = [];
        private TimeSpan _now;
        private long _order;

        private Simulation(TelegramLimitsOptions limits) => _schedule = new SendSchedule(limits);

        public static Sends Run(TelegramLimitsOptions limits, IReadOnlyList<Request> requests, (TimeSpan At, int Instances)[] shareChanges)
        {
            var simulation = new Simulation(limits);
            foreach (var (at, instances) in shareChanges)
            {
                simulation.At(at, () => simulation._schedule.ShareAmong(instances));
            }

            var arrival = TimeSpan.Zero;
            foreach (var request in requests)
            {
                arrival += request.Gap;
                simulation.At(arrival, () => simulation.Arrive(request));
            }

            while (simulation._events.TryDequeue(out var action, out var when))
            {
                Assert.True(when.At >= simulation._now);
                simulation._now = when.At;
                action();
            }

            return simulation._sends;
        }

        private void At(TimeSpan at, Action action) => _events.Enqueue(action, (at, _order++));

        private void Arrive(Request request)
        {
            if (!_waiting.TryGetValue(request.ChatId, out var queue))
            {
                queue = new Queue<Request>();
                _waiting[request.ChatId] = queue;
            }

            queue.Enqueue(request);
            if (_turnTaken.Add(request.ChatId))
            {
                WaitForChat(queue.Dequeue());
            }
        }

        private void WaitForChat(Request request)
        {
            var wait = _schedule.ChatWait(request.ChatId, _now);
            Assert.NotNull(wait);
            if (wait > TimeSpan.Zero)
            {
                At(_now + wait.Value, () => WaitForChat(request));
                return;
            }

            _overall.Enqueue(request);
            Pump();
        }

        private void Pump()
        {
            while (_overall.TryPeek(out var head))
            {
                if (_schedule.TryStart(head.ChatId, _now, out var retryAfter) is not { } send)
                {
                    if (retryAfter is { } wait)
                    {
                        At(_now + wait, Pump);
                    }

                    return;
                }

                _overall.Dequeue();
                var share = _schedule.GlobalShare;
                var start = _now;
                At(_now + head.Hold, () =>
                {
                    SendSchedule.End(send, _now);
                    _sends.Add(new Sent(head.ChatId, start, _now, share));
                    EndTurn(head.ChatId);
                    Pump();
                });
            }
        }

        private void EndTurn(long chatId)
        {
            if (_waiting[chatId].TryDequeue(out var next))
            {
                WaitForChat(next);
            }
            else
            {
                _turnTaken.Remove(chatId);
            }
        }
    }
}
