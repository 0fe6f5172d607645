using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Infrastructure.Persistence.Configurations;

/// <summary>
/// <see cref="MessageMetadata"/> to and from the <c>metadata</c> jsonb in the table's format (unknown
/// keys kept). It converts nulls too: rows written by other tools may hold no metadata, which
/// reads as a one-time message with no history.
/// </summary>
internal sealed class MetadataConverter : ValueConverter<MessageMetadata, string?>
{
#pragma warning disable EF1001 // Null conversion is marked internal because null comparisons in queries break; metadata is never compared in queries.
    public MetadataConverter()
        : base(metadata => MetadataJson.Write(metadata), json => MetadataJson.ReadPreserving(json), convertsNulls: true)
    {
    }
#pragma warning restore EF1001

    /// <summary>Metadata is immutable: equal by value, snapshot by reference.</summary>
    public static readonly ValueComparer<MessageMetadata> Comparer = new(
        (a, b) => a == null ? b == null : a.Equals(b),
        metadata => metadata.GetHashCode(),
        metadata => metadata);
}
