using System.Collections.Immutable;
using NodaTime;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Domain.ScheduledMessages;

/// <summary>
/// What the <c>metadata</c> column holds: the recurrence, the error history and bookkeeping of the
/// current occurrence. Keys written by other tools are kept in <see cref="OtherKeys"/>.
/// </summary>
public sealed record MessageMetadata
{
    public const int MaxErrors = 10;

    public static readonly MessageMetadata Empty = new();

    public Recurrence Recurrence { get; init; } = Recurrence.OneTime;

    /// <summary>The IANA zone the pattern's wall-clock times are in; null means the chat's zone.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>Failed deliveries, newest last, at most <see cref="MaxErrors"/>.</summary>
    public ImmutableList<DeliveryError> Errors { get; init; } = [];

    /// <summary>Occurrences delivered so far.</summary>
    public int Deliveries { get; init; }

    /// <summary>When the current occurrence was due, before any retry moved <c>scheduled_time</c>.</summary>
    public Instant? OccurrenceTime { get; init; }

    /// <summary>Top-level keys this model does not know, as raw JSON, kept as written.</summary>
    public ImmutableSortedDictionary<string, string> OtherKeys { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>
    /// The stored text when it could not be read (another tool wrote a shape this model does not
    /// know). It is written back unchanged, so reading a row never loses what it held.
    /// </summary>
    public string? UnreadableJson { get; init; }

    /// <summary>Why <see cref="UnreadableJson"/> could not be read.</summary>
    public string? Problem { get; init; }

    public bool IsReadable => UnreadableJson is null;

    public MessageMetadata WithError(DeliveryError error)
    {
        var errors = Errors.Add(error);
        return this with { Errors = errors.Count > MaxErrors ? errors.RemoveRange(0, errors.Count - MaxErrors) : errors };
    }

    public bool Equals(MessageMetadata? other) =>
        other is not null
        && Recurrence.Equals(other.Recurrence)
        && TimeZoneId == other.TimeZoneId
        && Errors.SequenceEqual(other.Errors)
        && Deliveries == other.Deliveries
        && OccurrenceTime == other.OccurrenceTime
        && OtherKeys.SequenceEqual(other.OtherKeys)
        && UnreadableJson == other.UnreadableJson;

    public override int GetHashCode() => HashCode.Combine(Recurrence, TimeZoneId, Errors.Count, Deliveries, OccurrenceTime);
}
