using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using ScheduledMessages.Domain.ScheduledMessages;
using ScheduledMessages.Infrastructure.Persistence.Metadata;

namespace ScheduledMessages.Infrastructure.Persistence.Configurations;

/// <summary>
/// Maps the aggregate onto <c>scheduled_messages</c> exactly as the existing table has it, plus the
/// bot's columns. The lease, <c>patient_id</c>, <c>platform</c> and the <c>metadata</c> text are not
/// domain concepts: their columns are shadow properties. The aggregate's schedule (recurrence,
/// zone, occurrence, deliveries, errors) lives in <c>metadata</c> and is kept in step with it by
/// <see cref="MetadataColumn"/> (ADR 0700). Column types come from the provider's
/// <see cref="StoreDialect"/>; names, keys and indexes are shared.
/// </summary>
internal sealed class ScheduledMessageConfiguration : IEntityTypeConfiguration<ScheduledMessage>
{
    public const string TableName = "scheduled_messages";
    public const string LockedBy = "LockedBy";
    public const string LockedUntil = "LockedUntil";
    public const string RecurrenceKind = "RecurrenceKind";
    public const string Metadata = "Metadata";
    public const string PatientId = "PatientId";
    public const string Platform = "Platform";

    /// <summary>What the bot writes to <c>platform</c>, which the existing table requires.</summary>
    public const string TelegramPlatform = "telegram";
    public const string DueIndexName = "ix_scheduled_messages_due";
    public const string DueStatusFilter = "status IN ('pending', 'rescheduled')";
    public const string FinishedStatusFilter = "status IN ('sent', 'cancelled')";

    private readonly StoreDialect _dialect;

    public ScheduledMessageConfiguration(StoreDialect dialect) => _dialect = dialect;

    public void Configure(EntityTypeBuilder<ScheduledMessage> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(m => m.Id);

        var id = builder.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        if (_dialect.IdCollation is { } collation)
        {
            id.UseCollation(collation);
        }

        // Kept for the existing table; unused by the bot.
        builder.Property<Guid?>(PatientId).HasColumnName("patient_id");
        builder.Property(m => m.ScheduledTime).HasColumnName("scheduled_time").HasColumnType(_dialect.TimestampType);
        builder.Property(m => m.Content).HasColumnName("message_content").HasColumnType(_dialect.TextType).IsRequired();
        builder.Property(m => m.Status)
            .HasColumnName("status")
            .HasColumnType(_dialect.TextType)
            .HasConversion(status => StatusText(status), text => Enum.Parse<MessageStatus>(text, true))
            .IsRequired();
        builder.Property<string>(Platform)
            .HasColumnName("platform")
            .HasColumnType(_dialect.TextType)
            .HasDefaultValueSql("'telegram'")
            .ValueGeneratedNever()
            .IsRequired();
        builder.Property(m => m.CreatedAt)
            .HasColumnName("created_at")
            .HasColumnType(_dialect.TimestampType)
            .HasDefaultValueSql(_dialect.NowSql)
            .ValueGeneratedNever();
        builder.Property(m => m.Attempts).HasColumnName("attempts").HasDefaultValueSql("0").ValueGeneratedNever();
        builder.Property(m => m.LastAttemptTime).HasColumnName("last_attempt_time").HasColumnType(_dialect.TimestampType);
        builder.Property(m => m.Priority).HasColumnName("priority").HasDefaultValueSql("3").ValueGeneratedNever();
        builder.Property<string?>(Metadata)
            .HasColumnName("metadata")
            .HasColumnType(_dialect.JsonType)
            .IsRequired(false);
        builder.Property(m => m.DeliveryWindow)
            .HasColumnName("delivery_window_seconds")
            .HasColumnType(_dialect.IntegerType)
            // Whole seconds: the validator keeps windows well inside an int.
            .HasConversion(new ValueConverter<Duration, int>(window => (int)window.TotalSeconds, seconds => Duration.FromSeconds(seconds)));

        builder.Property(m => m.ChatId).HasColumnName("chat_id").IsRequired();
        builder.Property(m => m.CreatedBy).HasColumnName("created_by");

        builder.Property<Instant?>(LockedUntil).HasColumnName("locked_until").HasColumnType(_dialect.TimestampType);
        builder.Property<string?>(LockedBy).HasColumnName("locked_by").HasColumnType(_dialect.TextType);

        // Stored so that listing by kind is plain SQL, and filled for rows other tools insert.
        builder.Property<string>(RecurrenceKind)
            .HasColumnName("recurrence_kind")
            .HasColumnType(_dialect.TextType)
            .HasComputedColumnSql(_dialect.RecurrenceKindSql, stored: true);

        builder.Ignore(m => m.Recurrence);
        builder.Ignore(m => m.TimeZoneId);
        builder.Ignore(m => m.OccurrenceTime);
        builder.Ignore(m => m.Deliveries);
        builder.Ignore(m => m.Errors);
        builder.Ignore(m => m.UnreadableReason);
        builder.Ignore(m => m.IsRecurring);
        builder.Ignore(m => m.IsActive);

        builder.HasIndex(m => new { m.ChatId, m.Status }).HasDatabaseName("ix_scheduled_messages_chat_id_status");
        builder.HasIndex(m => new { m.Priority, m.ScheduledTime })
            .HasDatabaseName(DueIndexName)
            .HasFilter(DueStatusFilter);

        // Serve the worker's "when is the next one due" without scanning the active rows.
        builder.HasIndex(m => m.ScheduledTime)
            .HasDatabaseName("ix_scheduled_messages_next_due")
            .HasFilter(DueStatusFilter);
        builder.HasIndex(LockedUntil)
            .HasDatabaseName("ix_scheduled_messages_leased")
            .HasFilter("locked_until IS NOT NULL");

        // Lets the pruner find the oldest finished rows without reading the rest of the table.
        // (Named: the next-due index is on the same column with another filter.)
        builder.HasIndex(m => m.ScheduledTime, "ix_scheduled_messages_finished")
            .HasDatabaseName("ix_scheduled_messages_finished")
            .HasFilter(FinishedStatusFilter);
    }

    /// <summary>A status as the <c>status</c> column holds it.</summary>
    public static string StatusText(MessageStatus status) => status switch
    {
        MessageStatus.Pending => "pending",
        MessageStatus.Sent => "sent",
        MessageStatus.Failed => "failed",
        MessageStatus.Cancelled => "cancelled",
        MessageStatus.Rescheduled => "rescheduled",
        MessageStatus.Paused => "paused",
        _ => status.ToString().ToLowerInvariant(),
    };
}
