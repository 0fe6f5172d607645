using Microsoft.EntityFrameworkCore;

namespace ScheduledMessages.Architecture.Violations.Grammar;

/// <summary>Breaks the grammar rule: persistence (EF Core) while reading words.</summary>
public sealed class ProductionQueryingADbContext
{
    public DbContext? Context { get; init; }
}
