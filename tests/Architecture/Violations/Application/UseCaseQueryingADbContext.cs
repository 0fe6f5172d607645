using Microsoft.EntityFrameworkCore;

namespace ScheduledMessages.Architecture.Violations.Application;

/// <summary>Breaks the application rule: EF Core instead of a port.</summary>
public sealed class UseCaseQueryingADbContext
{
    public DbContext? Context { get; init; }
}
