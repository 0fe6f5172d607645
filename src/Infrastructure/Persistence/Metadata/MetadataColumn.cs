using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ScheduledMessages.Domain.ScheduledMessages;
using ScheduledMessages.Infrastructure.Persistence.Configurations;

namespace ScheduledMessages.Infrastructure.Persistence.Metadata;

/// <summary>
/// Keeps the aggregate's schedule and the <c>metadata</c> column in step (ADR 0700). The column is
/// the shadow property <see cref="ScheduledMessageConfiguration.Metadata"/>; the aggregate's
/// recurrence, zone, occurrence, deliveries and errors are not mapped. When EF materializes a
/// message (tracked, untracked or from the claim's raw SQL) its schedule is read from the column;
/// when it saves tracked ones the column is written from the schedule, only if that changed.
/// Untracked messages (the claim's) are written by the repository with <see cref="ToStore"/>.
/// </summary>
internal sealed class MetadataColumn : SaveChangesInterceptor, IMaterializationInterceptor
{
    public static readonly MetadataColumn Instance = new();

    // What each materialized message's column held, read: other tools' keys, or the text that could
    // not be read. Untracked messages have no entry in a change tracker to keep it in; this table
    // lets it go with the message.
    private static readonly ConditionalWeakTable<ScheduledMessage, StoredMetadata> AsRead = [];

    private MetadataColumn()
    {
    }

    /// <summary>The column's text for <paramref name="message"/> now: its schedule, plus what the row held beyond it when read.</summary>
    public static string ToStore(ScheduledMessage message) =>
        MetadataJson.Write(StoredMetadata.Of(message, AsRead.TryGetValue(message, out var asRead) ? asRead : StoredMetadata.Empty));

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is ScheduledMessage message)
        {
            var stored = MetadataJson.Read(materializationData.GetPropertyValue<string?>(ScheduledMessageConfiguration.Metadata));
            stored.RestoreTo(message);
            AsRead.AddOrUpdate(message, stored);
        }

        return entity;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        WriteTracked(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        WriteTracked(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void WriteTracked(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<ScheduledMessage>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Unchanged))
            {
                continue;
            }

            // The original value is what the row holds; a schedule that did not change leaves it as written.
            var column = entry.Property<string?>(ScheduledMessageConfiguration.Metadata);
            var asRead = MetadataJson.Read(column.OriginalValue);
            var text = MetadataJson.Write(StoredMetadata.Of(entry.Entity, asRead));
            if (entry.State == EntityState.Added || text != MetadataJson.Write(asRead))
            {
                column.CurrentValue = text;
            }

            if (entry.State == EntityState.Added)
            {
                var platform = entry.Property<string?>(ScheduledMessageConfiguration.Platform);
                platform.CurrentValue ??= ScheduledMessageConfiguration.TelegramPlatform;
            }
        }
    }
}
