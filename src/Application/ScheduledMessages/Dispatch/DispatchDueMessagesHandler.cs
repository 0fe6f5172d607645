using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Dispatch;

/// <summary>
/// Claims a batch of due messages under a lease, sends them (several chats at once, each chat's
/// messages in order) and applies each outcome to the aggregate, then writes the outcomes in
/// batches, each row only while the lease is still this worker's. Leases of unfinished messages
/// are renewed while the batch runs, so a slow batch is never taken over by another instance.
/// </summary>
public sealed class DispatchDueMessagesHandler : ICommandHandler<DispatchDueMessages, UseCaseResult<DispatchReport>>
{
    /// <summary>The most outcomes written by one statement.</summary>
    public const int MaxOutcomesPerWrite = 500;

    private const string SenderExceptionCode = "sender_exception";
    private const string UnreadableMetadataCode = "metadata_unreadable";

    private readonly IScheduledMessageRepository _repository;
    private readonly IMessageSender _sender;
    private readonly ChatTimeZones _zones;
    private readonly IClock _clock;
    private readonly SchedulerOptions _options;
    private readonly ILogger<DispatchDueMessagesHandler> _logger;

    public DispatchDueMessagesHandler(
        IScheduledMessageRepository repository,
        IMessageSender sender,
        ChatTimeZones zones,
        IClock clock,
        IOptions<SchedulerOptions> options,
        ILogger<DispatchDueMessagesHandler> logger)
    {
        _repository = repository;
        _sender = sender;
        _zones = zones;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    public async ValueTask<UseCaseResult<DispatchReport>> Handle(DispatchDueMessages command, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return DispatchReport.Empty;
        }

        var owner = command.WorkerId;
        var lease = Duration.FromTimeSpan(_options.LeaseDuration);
        var claimed = await _repository.ClaimDueAsync(owner, _clock.GetCurrentInstant(), lease, _options.BatchSize, cancellationToken);
        var tally = new Tally();
        var released = 0;
        if (claimed.Count > 0)
        {
            var chatZones = await _zones.ForChatsAsync(
                [.. claimed.Where(m => TimeZones.Find(m.TimeZoneId) is null).Select(m => m.ChatId).Distinct()],
                CancellationToken.None);
            var unsent = await SendAndRecordAsync(claimed, chatZones, owner, lease, tally, cancellationToken);
            released = unsent.Count == 0 ? 0 : await _repository.ReleaseAsync(unsent, owner, CancellationToken.None);
        }

        var nextDue = await _repository.NextDueTimeAsync(CancellationToken.None);
        return new DispatchReport(
            claimed.Count,
            tally.Delivered,
            tally.Retried,
            tally.Failed,
            tally.Deferred,
            tally.Expired,
            tally.LostLeases,
            released,
            claimed.Count >= _options.BatchSize,
            nextDue);
    }

    /// <summary>
    /// Sends the batch in lanes, one per chat, at most <see cref="SchedulerOptions.SendConcurrency"/>
    /// at a time, while this flow writes finished outcomes as they come and renews the rest's leases.
    /// Returns the ids of messages not sent in this round: the round was cancelled (shutdown), or
    /// their chat's lane used up its time budget; both go back to the pool at once.
    /// </summary>
    private async Task<IReadOnlyCollection<Guid>> SendAndRecordAsync(
        IReadOnlyList<ScheduledMessage> claimed,
        IReadOnlyDictionary<long, DateTimeZone> chatZones,
        string owner,
        Duration lease,
        Tally tally,
        CancellationToken cancellationToken)
    {
        var backoff = new BackoffPolicy(Duration.FromTimeSpan(_options.RetryBaseDelay), _options.MaxAttempts);
        var finished = Channel.CreateUnbounded<ScheduledMessage>(new UnboundedChannelOptions { SingleReader = true });
        var unsent = new ConcurrentQueue<Guid>();
        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Claim order is priority then time; grouping keeps it within each chat and starts lanes in it.
        var lanes = claimed.GroupBy(m => m.ChatId).ToList();
        var sending = Parallel.ForEachAsync(
            lanes,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Min(_options.SendConcurrency, lanes.Count) },
            async (lane, _) =>
            {
                var zone = chatZones.GetValueOrDefault(lane.Key) ?? _zones.Default;
                var started = Stopwatch.GetTimestamp();
                foreach (var message in lane)
                {
                    // Shutdown: stop sending; the rest go back to the pool at once rather than after the lease.
                    // A chat with many messages due (Telegram allows it one a second) would hold the whole
                    // round back: after its time budget the rest go back too, first in line for the next round.
                    if (stopSending.IsCancellationRequested || Stopwatch.GetElapsedTime(started) > _options.LaneTimeBudget)
                    {
                        unsent.Enqueue(message.Id);
                        continue;
                    }

                    await ProcessAsync(message, TimeZones.Find(message.TimeZoneId) ?? zone, backoff, tally);
                    finished.Writer.TryWrite(message);
                }
            });
        _ = sending.ContinueWith(_ => finished.Writer.TryComplete(), TaskScheduler.Default);

        try
        {
            await RecordAsync(finished.Reader, [.. claimed.Select(m => m.Id)], owner, lease, tally);
        }
        catch
        {
            // The outcomes cannot be written: send no more. Their leases expire and another
            // instance sends them again, once (at-least-once).
            await stopSending.CancelAsync();
            await sending.ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }

        await sending;
        return unsent;
    }

    /// <summary>
    /// Writes outcomes as they finish, all that are waiting in one guarded statement (so the writes
    /// keep up however many lanes send), and renews the leases of the messages still unfinished.
    /// </summary>
    private async Task RecordAsync(ChannelReader<ScheduledMessage> finished, HashSet<Guid> open, string owner, Duration lease, Tally tally)
    {
        var renewEvery = (lease / 3).ToTimeSpan();
        var sinceRenewal = System.Diagnostics.Stopwatch.StartNew();
        var batch = new List<ScheduledMessage>();
        Task<bool>? more = null;
        while (true)
        {
            while (batch.Count < MaxOutcomesPerWrite && finished.TryRead(out var message))
            {
                batch.Add(message);
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch, owner, tally);
                open.ExceptWith(batch.Select(m => m.Id));
                batch.Clear();
                continue;
            }

            var untilRenewal = renewEvery - sinceRenewal.Elapsed;
            if (untilRenewal <= TimeSpan.Zero)
            {
                if (open.Count > 0)
                {
                    await _repository.RenewLeasesAsync(open, owner, _clock.GetCurrentInstant() + lease, CancellationToken.None);
                }

                sinceRenewal.Restart();
                continue;
            }

            more ??= finished.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(more, Task.Delay(untilRenewal)) == more)
            {
                if (!await more)
                {
                    return;
                }

                more = null;
            }
        }
    }

    private async Task WriteAsync(List<ScheduledMessage> batch, string owner, Tally tally)
    {
        // The sends happened: their outcomes are written even when shutdown began meanwhile.
        var written = await _repository.SaveClaimedAsync(batch, owner, CancellationToken.None);
        foreach (var message in batch.Where(m => !written.Contains(m.Id)))
        {
            tally.LostLease();
            _logger.LogWarning(
                "Lease on message {MessageId} was lost by {Worker} before its outcome was written; the row was left as the new owner has it.",
                message.Id,
                owner);
        }
    }

    private async Task ProcessAsync(ScheduledMessage message, DateTimeZone zone, BackoffPolicy backoff, Tally tally)
    {
        var now = _clock.GetCurrentInstant();
        if (message.UnreadableReason is { } unreadable)
        {
            // Its recurrence is unknown, so sending could repeat it wrongly: fail it, keeping the row's data.
            message.RecordPermanentFailure(now, UnreadableMetadataCode, $"Its metadata could not be read: {unreadable}");
            tally.Fail();
            _logger.LogWarning("Message {MessageId} has unreadable metadata ({Problem}); marked failed, not sent.", message.Id, unreadable);
            return;
        }

        if (message.IsPastDeliveryWindow(now))
        {
            message.SkipExpired(now, zone);
            tally.Expire();
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Message {MessageId} missed its delivery window; not sent.", message.Id);
            }

            return;
        }

        SendOutcome outcome;
        try
        {
            // Not cancelled by shutdown: a send in flight finishes so its outcome can be recorded.
            outcome = await _sender.SendAsync(message.ChatId, message.RenderContent(zone), CancellationToken.None);
        }
        catch (Exception e)
        {
            // The port promises outcomes, not exceptions; an adapter that throws anyway is treated as a passing fault.
            _logger.LogError(e, "Sending message {MessageId} threw; treated as a transient failure.", message.Id);
            outcome = SendOutcome.Transient(SenderExceptionCode, e.Message);
        }

        now = _clock.GetCurrentInstant();
        switch (outcome)
        {
            case DeliveredOutcome:
                message.MarkDelivered(now, zone);
                tally.Deliver();
                break;
            case RateLimitedOutcome limited:
                message.Defer(now + Duration.FromTimeSpan(limited.RetryAfter));
                tally.Defer();
                break;
            case TransientErrorOutcome transient:
                message.RecordTransientFailure(now, transient.Code, transient.Description, backoff, zone);
                if (message.Status == MessageStatus.Rescheduled)
                {
                    tally.Retry();
                }
                else
                {
                    tally.Fail();
                }

                break;
            case PermanentErrorOutcome permanent:
                message.RecordPermanentFailure(now, permanent.Code, permanent.Description);
                tally.Fail();
                break;
            default:
                throw new InvalidOperationException($"Unknown send outcome {outcome}.");
        }
    }

    /// <summary>Counts of one round; lanes add to it at once.</summary>
    private sealed class Tally
    {
        private int _delivered;
        private int _retried;
        private int _failed;
        private int _deferred;
        private int _expired;
        private int _lostLeases;

        public int Delivered => _delivered;

        public int Retried => _retried;

        public int Failed => _failed;

        public int Deferred => _deferred;

        public int Expired => _expired;

        public int LostLeases => _lostLeases;

        public void Deliver() => Interlocked.Increment(ref _delivered);

        public void Retry() => Interlocked.Increment(ref _retried);

        public void Fail() => Interlocked.Increment(ref _failed);

        public void Defer() => Interlocked.Increment(ref _deferred);

        public void Expire() => Interlocked.Increment(ref _expired);

        public void LostLease() => Interlocked.Increment(ref _lostLeases);
    }
}
