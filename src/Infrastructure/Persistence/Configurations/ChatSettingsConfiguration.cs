using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ScheduledMessages.Infrastructure.Persistence.Configurations;

/// <summary>Maps <c>chat_settings</c>: one row per chat that chose something.</summary>
internal sealed class ChatSettingsConfiguration : IEntityTypeConfiguration<ChatSettingsRecord>
{
    public void Configure(EntityTypeBuilder<ChatSettingsRecord> builder)
    {
        builder.ToTable("chat_settings");
        builder.HasKey(s => s.ChatId);
        builder.Property(s => s.ChatId).HasColumnName("chat_id").ValueGeneratedNever();
        builder.Property(s => s.TimeZoneId).HasColumnName("time_zone_id").HasColumnType("text").IsRequired();
        builder.Property(s => s.UpdatedAt)
            .HasColumnName("updated_at")
            .HasColumnType("timestamp with time zone")
            .HasDefaultValueSql("now()")
            .ValueGeneratedNever();
    }
}
