using Microsoft.EntityFrameworkCore;

namespace ScheduledMessages.Architecture.Violations.DomainAdjacent;

/// <summary>
/// Would break the domain rule, but its namespace only starts with the fake domain's name: a scope
/// for ScheduledMessages.Architecture.Violations.Domain must not take it in.
/// </summary>
public sealed class EntityOutsideTheFakeDomain
{
    public DbContext? Context { get; init; }
}
