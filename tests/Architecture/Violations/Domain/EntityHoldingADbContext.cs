using Microsoft.EntityFrameworkCore;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule: persistence (EF Core) inside the model.</summary>
public sealed class EntityHoldingADbContext
{
    public DbContext? Context { get; init; }
}
