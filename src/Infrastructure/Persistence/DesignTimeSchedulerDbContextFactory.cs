using Microsoft.EntityFrameworkCore.Design;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the context without the host (for adding migrations).</summary>
public sealed class DesignTimeSchedulerDbContextFactory : IDesignTimeDbContextFactory<SchedulerDbContext>
{
    public SchedulerDbContext CreateDbContext(string[] args)
    {
        // Adding a migration needs no server; a real one is only needed to apply them.
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Scheduler")
            ?? "Host=127.0.0.1;Port=5432;Database=scheduler;Username=scheduler;Password=scheduler";
        return new SchedulerDbContext(SchedulerDatabase.CreateOptions(connectionString));
    }
}
