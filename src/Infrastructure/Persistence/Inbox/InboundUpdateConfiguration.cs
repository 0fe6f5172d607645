using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ScheduledMessages.Infrastructure.Persistence.Inbox;

/// <summary>
/// Maps <c>inbound_updates</c>, the durable inbox of Telegram updates (ADR 0801): keyed by
/// Telegram's <c>update_id</c>, so a second copy of an update is never a second row.
/// </summary>
internal sealed class InboundUpdateConfiguration : IEntityTypeConfiguration<InboundUpdateRecord>
{
    public const string TableName = "inbound_updates";
    public const string PendingIndexName = "ix_inbound_updates_pending";
    public const string FinishedIndexName = "ix_inbound_updates_finished";
    public const string LeasedIndexName = "ix_inbound_updates_leased";

    private readonly StoreDialect _dialect;

    public InboundUpdateConfiguration(StoreDialect dialect) => _dialect = dialect;

    public void Configure(EntityTypeBuilder<InboundUpdateRecord> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(u => u.UpdateId);
        builder.Property(u => u.UpdateId).HasColumnName("update_id").ValueGeneratedNever();
        builder.Property(u => u.ChatId).HasColumnName("chat_id");
        builder.Property(u => u.Payload).HasColumnName("payload").HasColumnType(_dialect.JsonType).IsRequired();
        builder.Property(u => u.Status)
            .HasColumnName("status")
            .HasColumnType(_dialect.TextType)
            .HasDefaultValueSql($"'{InboundUpdateStatus.Pending}'")
            .ValueGeneratedNever()
            .IsRequired();
        builder.Property(u => u.Attempts).HasColumnName("attempts").HasDefaultValueSql("0").ValueGeneratedNever();
        builder.Property(u => u.NextAttemptAt)
            .HasColumnName("next_attempt_at")
            .HasColumnType(_dialect.TimestampType)
            .HasDefaultValueSql(_dialect.NowSql)
            .ValueGeneratedNever();
        builder.Property(u => u.LockedBy).HasColumnName("locked_by").HasColumnType(_dialect.TextType);
        builder.Property(u => u.LockedUntil).HasColumnName("locked_until").HasColumnType(_dialect.TimestampType);
        builder.Property(u => u.ReceivedAt)
            .HasColumnName("received_at")
            .HasColumnType(_dialect.TimestampType)
            .HasDefaultValueSql(_dialect.NowSql)
            .ValueGeneratedNever();
        builder.Property(u => u.FinishedAt).HasColumnName("finished_at").HasColumnType(_dialect.TimestampType);
        builder.Property(u => u.LastError).HasColumnName("last_error").HasColumnType(_dialect.TextType);

        // The claim: a chat's pending updates in order (and whether one of them is leased).
        builder.HasIndex(u => new { u.ChatId, u.UpdateId })
            .HasDatabaseName(PendingIndexName)
            .HasFilter($"status = '{InboundUpdateStatus.Pending}'");

        // The claim: whether a chat has an update leased (a done one keeps its lease until its reply is sent).
        builder.HasIndex(u => u.ChatId)
            .HasDatabaseName(LeasedIndexName)
            .HasFilter("locked_until IS NOT NULL");

        // Pruning, oldest first.
        builder.HasIndex(u => u.FinishedAt)
            .HasDatabaseName(FinishedIndexName)
            .HasFilter($"status IN ('{InboundUpdateStatus.Done}', '{InboundUpdateStatus.Failed}')");
    }
}
