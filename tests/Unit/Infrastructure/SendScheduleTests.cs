using CsCheck;
using Microsoft.Extensions.Options;
using ScheduledMessages.Infrastructure.Telegram;

namespace ScheduledMessages.Unit.Infrastructure;

/// <summary>
/// Telegram's limits as the limiter keeps them, on a simulated clock: no interval of one period,
/// wherever it starts, ever holds more sends than the limit - per chat, per group and overall,
/// replies included (they take the same turns) - and a backlog to distinct chats goes at exactly
/// GlobalLimit / (GlobalPeriod + Margin).
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

    /// <summary>A send: its chat, the gap since the previous send was asked for, how long it holds its turn, and whether it gives up before its slot.</summary>
    private static readonly Gen<Request> Requests = Gen.Select(
        Gen.OneOf(Chats), Gen.Int[0, 300], Gen.Int[0, 200], Gen.Int[0, 9],
        (chat, gapMs, holdMs, die) => new Request(chat, TimeSpan.FromMilliseconds(gapMs), TimeSpan.FromMilliseconds(holdMs), GivesUp: die == 0));

    [Fact]
    public void No_interval_of_one_period_holds_more_sends_than_the_limit_per_chat_per_group_or_overall()
    {
        Gen.Select(Limits, Requests.Array[1, 150]).Sample(
            (limits, requests) =>
            {
                var sends = Simulation.Run(limits, requests, shareChanges: []);

                Assert.Equal(requests.Length, sends.Count + sends.Gaveup);
                AssertSpacing(sends.Select(s => s.At), limits.GlobalLimit, limits.GlobalPeriod + limits.Margin);
                foreach (var chat in Chats)
                {
                    var times = sends.Where(s => s.ChatId == chat).Select(s => s.At).ToList();
                    AssertSpacing(times, limits.PerChatLimit, limits.PerChatPeriod + limits.Margin);
                    if (chat < 0)
                    {
                        AssertSpacing(times, limits.PerGroupLimit, limits.PerGroupPeriod + limits.Margin);
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
                var span = limits.GlobalPeriod + limits.Margin;

                // Each send, counted with those before it within one period and margin, keeps to the share it was reserved under.
                for (var i = 0; i < sends.Count; i++)
                {
                    var inWindow = sends.Take(i + 1).Count(s => s.At > sends[i].At - span);
                    Assert.True(inWindow <= sends[i].Share, $"send {i} at {sends[i].At}: {inWindow} in its window, share {sends[i].Share}");
                }
            },
            iter: 1_000,
            threads: 1);
    }

    [Fact]
    public void A_backlog_to_distinct_chats_goes_at_the_limit_over_the_period_plus_the_margin()
    {
        var limits = new TelegramLimitsOptions { Margin = TimeSpan.FromMilliseconds(30) };
        var requests = Enumerable.Range(0, 300).Select(i => new Request(1_000 + i, TimeSpan.Zero, TimeSpan.Zero, GivesUp: false)).ToArray();

        var sends = Simulation.Run(limits, requests, shareChanges: []);

        // 30 at once, then 30 more every 1.03 s: 300 sends over 10 windows are 29.1/s.
        Assert.Equal(300, sends.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(9 * 1030), sends[^1].At);
        Assert.Equal(30, sends.Count(s => s.At == TimeSpan.Zero));
    }

    [Fact]
    public void Sends_to_one_chat_go_a_period_and_a_margin_apart_while_other_chats_keep_going()
    {
        var limits = new TelegramLimitsOptions { Margin = TimeSpan.FromMilliseconds(30) };
        var busy = Enumerable.Range(0, 5).Select(_ => new Request(7, TimeSpan.Zero, TimeSpan.Zero, GivesUp: false));
        var others = Enumerable.Range(0, 5).Select(i => new Request(100 + i, TimeSpan.Zero, TimeSpan.Zero, GivesUp: false));

        var sends = Simulation.Run(limits, [.. busy, .. others], shareChanges: []);

        Assert.Equal([0, 1030, 2060, 3090, 4120], sends.Where(s => s.ChatId == 7).Select(s => s.At.TotalMilliseconds));
        Assert.All(sends.Where(s => s.ChatId != 7), s => Assert.Equal(TimeSpan.Zero, s.At));
    }

    [Fact]
    public async Task The_send_after_the_limit_waits_for_the_oldest_to_be_one_period_and_the_margin_old()
    {
        var time = new ManualTimeProvider();
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
    public async Task A_send_given_up_before_its_slot_frees_the_slot()
    {
        var time = new ManualTimeProvider();
        using var limiter = new TelegramSendLimiter(Options.Create(new TelegramLimitsOptions { GlobalLimit = 1, Margin = TimeSpan.Zero }), time);
        (await limiter.WaitTurnAsync(1, CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();
        var abandoned = limiter.WaitTurnAsync(2, cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        var next = limiter.WaitTurnAsync(3, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(1));

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

    /// <summary>Any limit + 1 consecutive sends span at least <paramref name="span"/>: no interval shorter than it holds more than the limit.</summary>
    private static void AssertSpacing(IEnumerable<TimeSpan> times, int limit, TimeSpan span)
    {
        var sorted = times.Order().ToList();
        for (var i = 0; i + limit < sorted.Count; i++)
        {
            Assert.True(sorted[i + limit] - sorted[i] >= span, $"{limit + 1} sends within {sorted[i + limit] - sorted[i]}, less than {span}");
        }
    }

    private sealed record Request(long ChatId, TimeSpan Gap, TimeSpan Hold, bool GivesUp);

    private sealed record Send(long ChatId, TimeSpan At, int Share);

    private sealed class Sends : List<Send>
    {
        public int Gaveup { get; set; }
    }

    /// <summary>
    /// Runs the limiter's protocol on a simulated clock: per chat one turn at a time (first come,
    /// first served), wait for the chat's room, reserve the overall slot, send at the slot, hold
    /// the turn for the send's duration. A send that gives up does so just before its slot.
    /// </summary>
    private sealed class Simulation
    {
        private readonly SendSchedule _schedule;
        private readonly PriorityQueue<Action, (TimeSpan At, long Order)> _events = new();
        private readonly Dictionary<long, Queue<Request>> _waiting = [];
        private readonly HashSet<long> _turnTaken = [];
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
                TryChat(queue.Dequeue());
            }
        }

        private void TryChat(Request request)
        {
            var wait = _schedule.ChatWait(request.ChatId, _now);
            if (wait > TimeSpan.Zero)
            {
                At(_now + wait, () => TryChat(request));
                return;
            }

            var asked = _now;
            var slot = _schedule.Reserve(request.ChatId, _now);
            var share = _schedule.GlobalShare;
            Assert.True(slot >= asked);
            if (request.GivesUp && slot > asked)
            {
                At(slot - TimeSpan.FromTicks(1), () =>
                {
                    _schedule.Cancel(request.ChatId, slot);
                    _sends.Gaveup++;
                    EndTurn(request.ChatId);
                });
                return;
            }

            At(slot, () =>
            {
                _sends.Add(new Send(request.ChatId, slot, share));
                At(slot + request.Hold, () => EndTurn(request.ChatId));
            });
        }

        private void EndTurn(long chatId)
        {
            if (_waiting[chatId].TryDequeue(out var next))
            {
                TryChat(next);
            }
            else
            {
                _turnTaken.Remove(chatId);
            }
        }
    }
}
