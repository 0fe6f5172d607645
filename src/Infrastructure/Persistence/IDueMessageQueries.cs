using NodaTime;
using ScheduledMessages.Domain.ScheduledMessages;
using ScheduledMessages.Infrastructure.Persistence.Sqlite;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>
/// The worker's queries that need provider-specific SQL: the fair claim (lease a batch of due rows,
/// a few per chat, in one statement), when the next row becomes claimable, and the database's
/// current time. Everything else is shared LINQ.
/// </summary>
internal interface IDueMessageQueries
{
    /// <summary>The provider's queries.</summary>
    static IDueMessageQueries For(StoreProvider provider) => provider switch
    {
        StoreProvider.PostgreSql => PostgreSqlDueMessageQueries.Instance,
        StoreProvider.Sqlite => SqliteDueMessageQueries.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown store provider."),
    };

    /// <summary>
    /// Leases up to <paramref name="batchSize"/> due rows to <paramref name="owner"/> until
    /// <paramref name="until"/>, at most <paramref name="maxPerChat"/> of one chat, none of a chat
    /// another live lease holds (ADR 0803); untracked, in any order.
    /// </summary>
    Task<List<ScheduledMessage>> ClaimAsync(
        SchedulerDbContext db,
        string owner,
        Instant now,
        Instant until,
        int batchSize,
        int maxPerChat,
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

    /// <summary>The database's current time (ADR 0804).</summary>
    Task<Instant> NowAsync(SchedulerDbContext db, CancellationToken cancellationToken);
}
