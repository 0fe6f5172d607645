using NodaTime;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.Abstractions;

/// <summary>
/// The dispatch worker's side of the message store: leases due messages so that several
/// dispatchers never send the same occurrence, writes their outcomes only while the lease is
/// still held, and deletes finished messages past their retention. The use cases' side is
/// <see cref="IScheduledMessageRepository"/>.
/// </summary>
public interface IDispatchStore
{
    /// <summary>
    /// Leases due messages (pending or rescheduled, due at <paramref name="now"/>, not leased by a
    /// live claim) to <paramref name="owner"/> until <paramref name="now"/> + <paramref name="lease"/>,
    /// in one statement, fairly (ADR 0803): up to <paramref name="batchSize"/> in all and at most
    /// <paramref name="maxPerChat"/> of one chat, breadth first (every chat's first message before any
    /// chat's second), chats in order of their earliest due message, a chat's own messages by priority
    /// then time; a chat any of whose messages another live lease holds is passed over, so one chat is
    /// sent by one instance at a time. Returned in
    /// <see cref="ScheduledMessages.Dispatch.FairClaimOrder"/>. The returned messages are not tracked:
    /// complete them with <see cref="SaveClaimedAsync(ScheduledMessage, string, CancellationToken)"/>.
    /// <paramref name="now"/> is the store's time (<see cref="IDispatchClock"/>).
    /// </summary>
    Task<IReadOnlyList<ScheduledMessage>> ClaimDueAsync(string owner, Instant now, Duration lease, int batchSize, int maxPerChat, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a claimed message's new state and ends its lease, only while <paramref name="owner"/>
    /// still holds the lease and the row is still active; false when it no longer does (the lease
    /// expired and another claimed it, or the message was cancelled meanwhile): nothing is written.
    /// </summary>
    Task<bool> SaveClaimedAsync(ScheduledMessage message, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="SaveClaimedAsync(ScheduledMessage, string, CancellationToken)"/> for many messages in
    /// few statements, each row guarded by its own lease as there; returns the ids that were written.
    /// </summary>
    Task<IReadOnlySet<Guid>> SaveClaimedAsync(IReadOnlyList<ScheduledMessage> messages, string owner, CancellationToken cancellationToken);

    /// <summary>Extends <paramref name="owner"/>'s leases on these messages to <paramref name="until"/>; returns how many it still held.</summary>
    Task<int> RenewLeasesAsync(IReadOnlyCollection<Guid> ids, string owner, Instant until, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="limit"/> sent or cancelled messages that finished (were last
    /// due, attempted or created) before <paramref name="finishedBefore"/>; returns how many.
    /// </summary>
    Task<int> PruneFinishedAsync(Instant finishedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>Ends <paramref name="owner"/>'s leases on these messages without changing them; returns how many.</summary>
    Task<int> ReleaseAsync(IReadOnlyCollection<Guid> ids, string owner, CancellationToken cancellationToken);

    /// <summary>When the earliest active message becomes claimable (its time, or its lease's end), or null when none.</summary>
    Task<Instant?> NextDueTimeAsync(CancellationToken cancellationToken);
}
