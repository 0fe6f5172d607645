using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ScheduledMessages.Infrastructure.Persistence.Configurations;

/// <summary>Maps <c>chat_settings</c>: one row per chat that chose something.</summary>
internal sealed class ChatSettingsConfiguration : IEntityTypeConfiguration<ChatSettingsRecord>
{
    private readonly StoreDialect _dialect;

    public ChatSettingsConfiguration(StoreDialect dialect) => _dialect = dialect;

    public void Configure(EntityTypeBuilder<ChatSettingsRecord> builder)
    {
        builder.ToTable("chat_settings");
        builder.HasKey(s => s.ChatId);
        builder.Property(s => s.ChatId).HasColumnName("chat_id").ValueGeneratedNever();
        builder.Property(s => s.TimeZoneId).HasColumnName("time_zone_id").HasColumnType(_dialect.TextType).IsRequired();
        builder.Property(s => s.UpdatedAt)
            .HasColumnName("updated_at")
            .HasColumnType(_dialect.TimestampType)
            .HasDefaultValueSql(_dialect.NowSql)
            .ValueGeneratedNever();
    }
}
