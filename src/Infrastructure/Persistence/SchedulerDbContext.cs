using Microsoft.EntityFrameworkCore;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>The scheduler's PostgreSQL database: scheduled messages and chat settings.</summary>
public sealed class SchedulerDbContext : DbContext
{
    public SchedulerDbContext(DbContextOptions<SchedulerDbContext> options)
        : base(options)
    {
    }

    public DbSet<ScheduledMessage> ScheduledMessages => Set<ScheduledMessage>();

    public DbSet<ChatSettingsRecord> ChatSettings => Set<ChatSettingsRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SchedulerDbContext).Assembly);
}
