using Microsoft.Extensions.Options;
using ScheduledMessages.Bot.Telegram.Replies;

namespace ScheduledMessages.Unit.Bot.Replies;

/// <summary>
/// The per-chat reply queue on a manual clock with a sender the test answers by hand: order within
/// a chat, chats independent, the bound, stale replies dropped, a 429 deferring only its chat, and
/// the drain on stopping.
/// </summary>
public sealed class ReplyQueueTests : IDisposable
{
    private const long ChatA = 1001;
    private const long ChatB = -2002;
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ManualTime _time = new(Start);
    private readonly ScriptedReplySender _sender = new();
    private readonly ListLogger<ReplyQueue> _logs = new();
    private readonly ReplyQueue _queue;

    public ReplyQueueTests() => _queue = Queue(new ReplyQueueOptions { MaxQueuedPerChat = 3, StaleAfter = TimeSpan.FromMinutes(2), ShutdownGrace = TimeSpan.FromSeconds(5) });

    public void Dispose() => _queue.Dispose();

    [Fact]
    public async Task A_chats_replies_are_sent_one_at_a_time_in_the_order_they_were_enqueued()
    {
        Assert.True(_queue.Enqueue(new OutgoingReply(ChatA, "a1")));
        Assert.True(_queue.Enqueue(new OutgoingReply(ChatA, "a2")));
        Assert.True(_queue.Enqueue(new OutgoingReply(ChatA, "a3")));

        var sent = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var attempt = await _sender.NextAsync();
            sent.Add(attempt.Text);

            // The next reply is not tried while this one is being sent.
            Assert.False(_sender.HasAttempt);
            attempt.Sent();
        }

        Assert.Equal(["a1", "a2", "a3"], sent);
        await _queue.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_chat_whose_send_hangs_does_not_hold_up_another_chat()
    {
        _queue.Enqueue(new OutgoingReply(ChatA, "a1"));
        var stuck = await _sender.NextAsync();
        Assert.Equal("a1", stuck.Text);

        _queue.Enqueue(new OutgoingReply(ChatA, "a2"));
        foreach (var text in new[] { "b1", "b2", "b3" })
        {
            _queue.Enqueue(new OutgoingReply(ChatB, text));
            var attempt = await _sender.NextAsync();
            Assert.Equal(text, attempt.Text);
            attempt.Sent();
        }

        stuck.Sent();
        Assert.Equal("a2", (await _sender.NextAsync()).Text);
    }

    [Fact]
    public async Task A_reply_beyond_the_chats_bound_is_dropped_with_a_log_line_and_other_chats_still_queue()
    {
        Assert.True(_queue.Enqueue(new OutgoingReply(ChatA, "a1")));
        var first = await _sender.NextAsync();
        Assert.True(_queue.Enqueue(new OutgoingReply(ChatA, "a2")));
        Assert.True(_queue.Enqueue(new OutgoingReply(ChatA, "a3")));

        Assert.False(_queue.Enqueue(new OutgoingReply(ChatA, "a4")));
        Assert.True(_queue.Enqueue(new OutgoingReply(ChatB, "b1")));
        Assert.Contains(_logs.Messages, m => m.Contains($"chat {ChatA} was dropped: 3 replies", StringComparison.Ordinal));

        first.Sent();
        var rest = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var attempt = await _sender.NextAsync();
            rest.Add(attempt.Text);
            attempt.Sent();
        }

        Assert.Equal(["a2", "a3", "b1"], rest.Order(StringComparer.Ordinal));
        await _queue.StopAsync(CancellationToken.None);
        Assert.False(_sender.HasAttempt);
    }

    [Fact]
    public async Task A_reply_that_cannot_be_sent_before_it_goes_stale_is_dropped_and_a_fresher_one_is_still_sent()
    {
        _queue.Enqueue(new OutgoingReply(ChatA, "a1"));
        var stuck = await _sender.NextAsync();
        _queue.Enqueue(new OutgoingReply(ChatA, "a2 (as old as a1)"));
        _time.Advance(TimeSpan.FromMinutes(1));
        _queue.Enqueue(new OutgoingReply(ChatA, "a3 (a minute younger)"));

        // a1's two minutes run out while it waits for its send: it is given up, a2 is as old and
        // dropped without a try, a3 still has time.
        _time.Advance(TimeSpan.FromSeconds(61));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stuck.Result.Task.WaitAsync(stuck.CancellationToken));
        var next = await _sender.NextAsync();
        Assert.Equal("a3 (a minute younger)", next.Text);
        next.Sent();
        Assert.Equal(2, _logs.Messages.Count(m => m.Contains($"chat {ChatA} was dropped: it could not be sent within 00:02:00", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_429_defers_only_its_chat_for_retry_after_and_then_the_same_reply_is_sent_first()
    {
        _queue.Enqueue(new OutgoingReply(ChatA, "a1"));
        var limited = await _sender.NextAsync();
        limited.RateLimited(TimeSpan.FromSeconds(30));
        _queue.Enqueue(new OutgoingReply(ChatA, "a2"));
        await _time.WaitForTimerAsync(Start + TimeSpan.FromSeconds(30));

        // While chat A waits, chat B's replies go.
        _queue.Enqueue(new OutgoingReply(ChatB, "b1"));
        var other = await _sender.NextAsync();
        Assert.Equal("b1", other.Text);
        other.Sent();

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(_sender.HasAttempt);
        _time.Advance(TimeSpan.FromSeconds(1));

        var retry = await _sender.NextAsync();
        Assert.Equal("a1", retry.Text);
        retry.Sent();
        var after = await _sender.NextAsync();
        Assert.Equal("a2", after.Text);
        after.Sent();
    }

    [Fact]
    public async Task A_429_that_outlasts_a_replys_freshness_drops_it_without_waiting()
    {
        _queue.Enqueue(new OutgoingReply(ChatA, "a1"));
        var limited = await _sender.NextAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        _queue.Enqueue(new OutgoingReply(ChatA, "a2"));
        limited.RateLimited(TimeSpan.FromSeconds(90));

        // a1 would be 2.5 minutes old by then, a2 1.5: a1 is dropped at once, a2 waits out the 429.
        var deferredUntil = Start + TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(90);
        await _time.WaitForTimerAsync(deferredUntil);
        Assert.Single(_logs.Messages, m => m.Contains($"chat {ChatA} was dropped: it could not be sent", StringComparison.Ordinal));
        _time.Advance(TimeSpan.FromSeconds(90));

        var next = await _sender.NextAsync();
        Assert.Equal("a2", next.Text);
        next.Sent();
    }

    [Fact]
    public async Task A_reply_that_fails_for_another_reason_is_dropped_with_a_log_line_and_the_next_one_is_sent()
    {
        _queue.Enqueue(new OutgoingReply(ChatA, "a1"));
        _queue.Enqueue(new OutgoingReply(ChatA, "a2"));

        (await _sender.NextAsync()).Failed("403 Forbidden: bot was blocked by the user");
        var next = await _sender.NextAsync();

        Assert.Equal("a2", next.Text);
        next.Sent();
        Assert.Contains(_logs.Messages, m => m.Contains($"chat {ChatA} was dropped: 403 Forbidden", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stopping_sends_what_is_waiting_within_the_grace_period()
    {
        _queue.Enqueue(new OutgoingReply(ChatA, "a1"));
        _queue.Enqueue(new OutgoingReply(ChatA, "a2"));
        var first = await _sender.NextAsync();

        var stopping = _queue.StopAsync(CancellationToken.None);
        first.Sent();
        (await _sender.NextAsync()).Sent();
        await stopping;

        Assert.False(_queue.Enqueue(new OutgoingReply(ChatA, "after")));
        Assert.DoesNotContain(_logs.Messages, m => m.Contains("shutdown grace", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stopping_drops_what_could_not_be_sent_within_the_grace_period_and_says_how_many()
    {
        _queue.Enqueue(new OutgoingReply(ChatA, "a1"));
        _queue.Enqueue(new OutgoingReply(ChatA, "a2"));
        _queue.Enqueue(new OutgoingReply(ChatB, "b1"));
        var attempts = new[] { await _sender.NextAsync(), await _sender.NextAsync() };

        var stopping = _queue.StopAsync(CancellationToken.None);
        await _time.WaitForTimerAsync(Start + TimeSpan.FromSeconds(5));
        _time.Advance(TimeSpan.FromSeconds(5));
        await stopping;

        Assert.All(attempts, a => Assert.True(a.CancellationToken.IsCancellationRequested));
        Assert.False(_sender.HasAttempt);
        Assert.Contains(_logs.Messages, m => m.StartsWith("3 replies were dropped: not sent within the shutdown grace of 00:00:05", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disposing_twice_as_the_container_does_stops_the_senders_and_refuses_more_replies()
    {
        _queue.Enqueue(new OutgoingReply(ChatA, "a1"));
        var attempt = await _sender.NextAsync();

        _queue.Dispose();
        _queue.Dispose();

        Assert.True(attempt.CancellationToken.IsCancellationRequested);
        Assert.False(_queue.Enqueue(new OutgoingReply(ChatA, "a2")));
    }

    private ReplyQueue Queue(ReplyQueueOptions options) => new(_sender, _time, Options.Create(options), _logs);
}
