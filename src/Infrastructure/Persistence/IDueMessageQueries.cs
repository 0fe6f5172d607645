using NodaTime;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>
/// The worker's two queries that need provider-specific SQL: the claim (lease a batch of due rows
/// in one statement) and when the next row becomes claimable. Everything else is shared LINQ.
/// </summary>
internal interface IDueMessageQueries
{
    /// <summary>Leases up to <paramref name="batchSize"/> due rows to <paramref name="owner"/> until <paramref name="until"/>; untracked, in any order.</summary>
    Task<List<ScheduledMessage>> ClaimAsync(
        SchedulerDbContext db,
        string owner,
        Instant now,
        Instant until,
        int batchSize,
        CancellationToken cancellationToken);

    /// <summary>
    /// Writes claimed messages' outcomes in one statement, each row only while <paramref name="owner"/>
    /// holds its lease and it is still active; the ids written, or null when the provider has no such
    /// statement (the repository then writes them one by one).
    /// </summary>
    Task<IReadOnlySet<Guid>?> SaveClaimedAsync(
        SchedulerDbContext db,
        IReadOnlyList<ScheduledMessage> messages,
        string owner,
        CancellationToken cancellationToken);

    /// <summary>The earliest time an active row becomes claimable (its time, or its lease's end if later).</summary>
    Task<Instant?> NextDueTimeAsync(SchedulerDbContext db, CancellationToken cancellationToken);
}
