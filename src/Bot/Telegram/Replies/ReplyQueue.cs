using Microsoft.Extensions.Options;

namespace ScheduledMessages.Bot.Telegram.Replies;

/// <summary>
/// Replies to commands, one line per chat: <see cref="Enqueue"/> returns at once, and each chat's
/// replies are sent in order by that chat's own sender, so a chat that must wait (a busy group at
/// its 20 a minute, a 429's retry_after) never holds up another chat's replies (ADR 0802).
/// </summary>
/// <remarks>
/// Only chats with replies waiting hold a sender task; it ends when its line is empty. A line holds
/// at most <see cref="ReplyQueueOptions.MaxQueuedPerChat"/> replies (the one being sent included);
/// one more is dropped. A reply not sent within <see cref="ReplyQueueOptions.StaleAfter"/> of its
/// enqueueing is dropped, also while it waits for its turn. A 429 defers the chat's line by its
/// retry_after; any other failure drops the reply (the command's effect already happened, and
/// resending the update would do it twice). Every drop is logged. On stopping, the replies still
/// waiting are sent for up to <see cref="ReplyQueueOptions.ShutdownGrace"/>, then the rest are dropped.
/// </remarks>
public sealed partial class ReplyQueue : IHostedService, IDisposable
{
    private readonly IReplySender _sender;
    private readonly TimeProvider _time;
    private readonly ReplyQueueOptions _options;
    private readonly ILogger<ReplyQueue> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatLine> _lines = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Read by the senders instead of <see cref="_stopping"/>, so it stays usable after <see cref="Dispose"/>; cancelled before that.</summary>
    private readonly CancellationToken _stoppingToken;
    private TaskCompletionSource? _idle;
    private int _disposed;

    public ReplyQueue(IReplySender sender, TimeProvider time, IOptions<ReplyQueueOptions> options, ILogger<ReplyQueue> logger)
    {
        _sender = sender;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _stoppingToken = _stopping.Token;
    }

    /// <summary>
    /// Puts <paramref name="reply"/> at the end of its chat's line and returns at once: false (and a
    /// log line) when the line is full or the bot has stopped sending replies.
    /// </summary>
    public bool Enqueue(OutgoingReply reply)
    {
        var waiting = new WaitingReply(reply, _time.GetUtcNow() + _options.StaleAfter);
        lock (_gate)
        {
            if (_stoppingToken.IsCancellationRequested)
            {
                LogDroppedStopped(_logger, reply.ChatId);
                return false;
            }

            if (!_lines.TryGetValue(reply.ChatId, out var line))
            {
                line = new ChatLine();
                _lines[reply.ChatId] = line;
                line.Replies.Enqueue(waiting);
                line.Sender = Task.Run(() => SendLineAsync(reply.ChatId, line));
                return true;
            }

            if (line.Replies.Count >= _options.MaxQueuedPerChat)
            {
                LogDroppedFull(_logger, reply.ChatId, line.Replies.Count);
                return false;
            }

            line.Replies.Enqueue(waiting);
            return true;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sends what can be sent within the grace period, then drops the rest and stops the chats' senders.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync().WaitAsync(_options.ShutdownGrace, _time, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // The grace period (or the host's patience) is over: what is still waiting is dropped.
        }

        int left;
        lock (_gate)
        {
            left = _lines.Values.Sum(line => line.Replies.Count);
        }

        if (left > 0)
        {
            LogDroppedAtShutdown(_logger, left, _options.ShutdownGrace);
        }

        // Outside the lock: cancelling runs the senders' callbacks, which take it.
        if (Volatile.Read(ref _disposed) == 0)
        {
            _stopping.Cancel();
        }

        Task[] senders;
        lock (_gate)
        {
            senders = [.. _lines.Values.Select(line => line.Sender)];
        }

        await Task.WhenAll(senders).WaitAsync(cancellationToken);
    }

    /// <summary>Stops the senders; safe to call more than once (the container holds it as itself and as a hosted service).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        _stopping.Dispose();
    }

    /// <summary>Completes once no chat has a reply waiting (at once when none has).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (_lines.Count == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    /// <summary>The chat's sender: sends its replies one by one, in order, until the line is empty.</summary>
    private async Task SendLineAsync(long chatId, ChatLine line)
    {
        while (true)
        {
            WaitingReply next;
            lock (_gate)
            {
                if (!line.Replies.TryPeek(out next))
                {
                    _lines.Remove(chatId);
                    if (_lines.Count == 0)
                    {
                        _idle?.TrySetResult();
                        _idle = null;
                    }

                    return;
                }
            }

            await SendOneAsync(line, next);
            lock (_gate)
            {
                line.Replies.Dequeue();
            }
        }
    }

    /// <summary>Sends one reply, waiting out the line's 429s; returns once it is sent or dropped.</summary>
    private async Task SendOneAsync(ChatLine line, WaitingReply waiting)
    {
        var chatId = waiting.Reply.ChatId;
        try
        {
            while (true)
            {
                _stoppingToken.ThrowIfCancellationRequested();
                var now = _time.GetUtcNow();
                if (line.DeferredUntil > now)
                {
                    if (waiting.Deadline <= line.DeferredUntil)
                    {
                        LogDroppedStale(_logger, chatId, _options.StaleAfter);
                        return;
                    }

                    await Task.Delay(line.DeferredUntil - now, _time, _stoppingToken);
                    now = _time.GetUtcNow();
                }

                if (waiting.Deadline <= now)
                {
                    LogDroppedStale(_logger, chatId, _options.StaleAfter);
                    return;
                }

                using var stale = new CancellationTokenSource(waiting.Deadline - now, _time);
                using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stale.Token, _stoppingToken);
                ReplySendResult result;
                try
                {
                    result = await _sender.SendAsync(waiting.Reply, cancel.Token);
                }
                catch (OperationCanceledException) when (stale.IsCancellationRequested && !_stoppingToken.IsCancellationRequested)
                {
                    LogDroppedStale(_logger, chatId, _options.StaleAfter);
                    return;
                }

                if (result.RetryAfter is { } retryAfter)
                {
                    LogDeferred(_logger, chatId, retryAfter);
                    line.DeferredUntil = _time.GetUtcNow() + retryAfter;
                    continue;
                }

                if (result.Error is { } error)
                {
                    LogDroppedFailed(_logger, chatId, error);
                }

                return;
            }
        }
        catch (OperationCanceledException) when (_stoppingToken.IsCancellationRequested)
        {
            // Dropped at shutdown; StopAsync has counted it.
        }
        catch (Exception e)
        {
            // A fault in the sender must not end the chat's line, or its later replies would wait for ever.
            LogDroppedFailed(_logger, chatId, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply to chat {ChatId} was dropped: {Count} replies to that chat are already waiting")]
    private static partial void LogDroppedFull(ILogger logger, long chatId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply to chat {ChatId} was dropped: it could not be sent within {StaleAfter}")]
    private static partial void LogDroppedStale(ILogger logger, long chatId, TimeSpan staleAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply to chat {ChatId} was dropped: {Error}")]
    private static partial void LogDroppedFailed(ILogger logger, long chatId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply to chat {ChatId} was dropped: the bot is stopping")]
    private static partial void LogDroppedStopped(ILogger logger, long chatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} replies were dropped: not sent within the shutdown grace of {Grace}")]
    private static partial void LogDroppedAtShutdown(ILogger logger, int count, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The replies to chat {ChatId} hit Telegram's rate limit; that chat's replies wait {RetryAfter}")]
    private static partial void LogDeferred(ILogger logger, long chatId, TimeSpan retryAfter);

    private readonly record struct WaitingReply(OutgoingReply Reply, DateTimeOffset Deadline);

    /// <summary>One chat's waiting replies (the head is the one being sent), its sender and its 429 deferral.</summary>
    private sealed class ChatLine
    {
        public Queue<WaitingReply> Replies { get; } = new();

        public Task Sender { get; set; } = Task.CompletedTask;

        /// <summary>Until when Telegram asked not to send to this chat; only the line's sender reads and writes it.</summary>
        public DateTimeOffset DeferredUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
