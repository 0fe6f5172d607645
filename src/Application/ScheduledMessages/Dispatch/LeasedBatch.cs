using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Dispatch;

/// <summary>
/// The store's side of a dispatch round: a batch of due messages leased to one worker. While the
/// batch is processed, finished outcomes are written as they come (each row only while its lease
/// is still this worker's) and the leases of the unfinished are renewed, so a slow batch is never
/// taken over by another instance; what was not processed is released at once.
/// </summary>
public sealed partial class LeasedBatch
{
    /// <summary>The most outcomes written by one statement.</summary>
    public const int MaxOutcomesPerWrite = 500;

    private readonly IDispatchStore _store;
    private readonly IClock _clock;
    private readonly string _owner;
    private readonly Duration _lease;
    private readonly ILogger _logger;
    private int _lostLeases;

    private LeasedBatch(IDispatchStore store, IClock clock, string owner, Duration lease, ILogger logger, IReadOnlyList<ScheduledMessage> messages)
    {
        _store = store;
        _clock = clock;
        _owner = owner;
        _lease = lease;
        _logger = logger;
        Messages = messages;
    }

    /// <summary>The leased messages in <see cref="FairClaimOrder"/>.</summary>
    public IReadOnlyList<ScheduledMessage> Messages { get; }

    /// <summary>Outcomes not written because the lease had passed to another worker (or the message was cancelled meanwhile).</summary>
    public int LostLeases => _lostLeases;

    /// <summary>
    /// Leases up to <paramref name="size"/> due messages, at most <paramref name="perChat"/> of a chat,
    /// to <paramref name="owner"/> for <paramref name="lease"/>; <paramref name="clock"/> is the round's
    /// (the store's time, ADR 0804), used for the claim and every renewal.
    /// </summary>
    public static async Task<LeasedBatch> ClaimAsync(
        IDispatchStore store,
        IClock clock,
        ILogger logger,
        string owner,
        Duration lease,
        int size,
        int perChat,
        CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimDueAsync(owner, clock.GetCurrentInstant(), lease, size, perChat, cancellationToken);
        return new LeasedBatch(store, clock, owner, lease, logger, claimed);
    }

    /// <summary>
    /// Runs <paramref name="process"/>, which reports each message it finished through the action
    /// it is given, while writing the reported outcomes and renewing the leases of the rest. When
    /// the outcomes cannot be written, <paramref name="process"/> is stopped through the token it is
    /// given and awaited, and the failure rethrown: the leases expire and another instance sends
    /// those messages again, once (at-least-once). Cancelling <paramref name="cancellationToken"/>
    /// stops <paramref name="process"/> the same way, but the outcomes it finished are still written.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Action<ScheduledMessage>, CancellationToken, Task<T>> process, CancellationToken cancellationToken)
    {
        var finished = Channel.CreateUnbounded<ScheduledMessage>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = process(message => finished.Writer.TryWrite(message), stop.Token);
        _ = running.ContinueWith(_ => finished.Writer.TryComplete(), TaskScheduler.Default);

        try
        {
            await RecordAsync(finished.Reader, [.. Messages.Select(m => m.Id)]);
        }
        catch
        {
            await stop.CancelAsync();
            await running.ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }

        return await running;
    }

    /// <summary>Ends the leases of messages that were not processed, so they go back to the pool at once rather than after the lease.</summary>
    public async Task<int> ReleaseAsync(IReadOnlyCollection<Guid> ids) =>
        ids.Count == 0 ? 0 : await _store.ReleaseAsync(ids, _owner, CancellationToken.None);

    /// <summary>
    /// Writes outcomes as they finish, all that are waiting in one guarded statement (so the writes
    /// keep up however many lanes send), and renews the leases of the messages still unfinished.
    /// </summary>
    private async Task RecordAsync(ChannelReader<ScheduledMessage> finished, HashSet<Guid> open)
    {
        var renewEvery = (_lease / 3).ToTimeSpan();
        var sinceRenewal = Stopwatch.StartNew();
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
                await WriteAsync(batch);
                open.ExceptWith(batch.Select(m => m.Id));
                batch.Clear();
                continue;
            }

            var untilRenewal = renewEvery - sinceRenewal.Elapsed;
            if (untilRenewal <= TimeSpan.Zero)
            {
                if (open.Count > 0)
                {
                    await _store.RenewLeasesAsync(open, _owner, _clock.GetCurrentInstant() + _lease, CancellationToken.None);
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

    private async Task WriteAsync(List<ScheduledMessage> batch)
    {
        // The sends happened: their outcomes are written even when shutdown began meanwhile.
        var written = await _store.SaveClaimedAsync(batch, _owner, CancellationToken.None);
        foreach (var message in batch.Where(m => !written.Contains(m.Id)))
        {
            _lostLeases++;
            LogLeaseLost(_logger, message.Id, _owner);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease on message {MessageId} was lost by {Worker} before its outcome was written; the row was left as the new owner has it.")]
    private static partial void LogLeaseLost(ILogger logger, Guid messageId, string worker);
}
