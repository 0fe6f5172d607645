using Microsoft.EntityFrameworkCore;
using ScheduledMessages.Domain.ScheduledMessages;
using ScheduledMessages.Infrastructure.Persistence.Configurations;
using ScheduledMessages.Infrastructure.Persistence.Inbox;
using ScheduledMessages.Infrastructure.Persistence.Metadata;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>
/// The scheduler's database: scheduled messages, chat settings and the update inbox. This type is the PostgreSQL
/// store (its migrations are in Persistence/Migrations); <see cref="Sqlite.SqliteSchedulerDbContext"/>
/// derives from it for the embedded store, with the same model and migrations of its own.
/// </summary>
public class SchedulerDbContext : DbContext
{
    public SchedulerDbContext(DbContextOptions<SchedulerDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's subclass, whose options are typed to itself.</summary>
    protected SchedulerDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The engine this context's model and migrations are made for.</summary>
    public virtual StoreProvider Provider => StoreProvider.PostgreSql;

    public DbSet<ScheduledMessage> ScheduledMessages => Set<ScheduledMessage>();

    public DbSet<ChatSettingsRecord> ChatSettings => Set<ChatSettingsRecord>();

    /// <summary>Telegram updates as received, and how their processing ended (the inbox, ADR 0801).</summary>
    public DbSet<InboundUpdateRecord> InboundUpdates => Set<InboundUpdateRecord>();

    internal StoreDialect Dialect => StoreDialect.For(Provider);

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        // Part of the model, not of a setup: without it a message would not have its schedule.
        optionsBuilder.AddInterceptors(MetadataColumn.Instance);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ScheduledMessageConfiguration(Dialect));
        modelBuilder.ApplyConfiguration(new ChatSettingsConfiguration(Dialect));
        modelBuilder.ApplyConfiguration(new InboundUpdateConfiguration(Dialect));
    }
}
