using Ardalis.Specification;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.Abstractions;

/// <summary>
/// Stores scheduled messages for the use cases people drive: queries take specifications, changes
/// are tracked and written by <see cref="SaveChangesAsync"/>. The worker's side (leasing due
/// messages, writing their outcomes, pruning) is <see cref="IDispatchStore"/>.
/// </summary>
public interface IScheduledMessageRepository
{
    /// <summary>Adds a new message; written by <see cref="SaveChangesAsync"/>.</summary>
    void Add(ScheduledMessage message);

    /// <summary>The first match, tracked so that changes to it are written by <see cref="SaveChangesAsync"/>.</summary>
    Task<ScheduledMessage?> FirstOrDefaultAsync(ISpecification<ScheduledMessage> specification, CancellationToken cancellationToken);

    /// <summary>Matches in the specification's order and page, tracked so that changes to them are written by <see cref="SaveChangesAsync"/>.</summary>
    Task<IReadOnlyList<ScheduledMessage>> ListForUpdateAsync(ISpecification<ScheduledMessage> specification, CancellationToken cancellationToken);

    /// <summary>Matches in the specification's order and page, read-only.</summary>
    Task<IReadOnlyList<ScheduledMessage>> ListAsync(ISpecification<ScheduledMessage> specification, CancellationToken cancellationToken);

    /// <summary>How many match the specification's criteria (order and paging ignored).</summary>
    Task<int> CountAsync(ISpecification<ScheduledMessage> specification, CancellationToken cancellationToken);

    /// <summary>Writes added and changed messages.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
