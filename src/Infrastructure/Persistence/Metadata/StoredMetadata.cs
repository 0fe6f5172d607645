using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Infrastructure.Persistence.Metadata;

/// <summary>
/// What a <c>metadata</c> value holds, read: the message's schedule (which the aggregate holds as
/// first-class state) and what only the column keeps: other tools' keys and, when the value could
/// not be read, its text as it was, so that writing the row back never loses what it held.
/// </summary>
internal sealed record StoredMetadata
{
    public static readonly StoredMetadata Empty = new();

    public Recurrence Recurrence { get; init; } = Recurrence.OneTime;

    public string? TimeZoneId { get; init; }

    public ImmutableList<DeliveryError> Errors { get; init; } = [];

    public int Deliveries { get; init; }

    /// <summary>When the current occurrence was due, stored only while a retry or deferral has moved <c>scheduled_time</c>.</summary>
    public Instant? OccurrenceTime { get; init; }

    /// <summary>Top-level keys this model does not know, as written.</summary>
    public IReadOnlyDictionary<string, JsonElement> OtherKeys { get; init; } = ImmutableDictionary<string, JsonElement>.Empty;

    /// <summary>The stored text when it could not be read; written back unchanged.</summary>
    public string? UnreadableText { get; init; }

    /// <summary>Why <see cref="UnreadableText"/> could not be read.</summary>
    public string? Problem { get; init; }

    public bool IsReadable => UnreadableText is null;

    /// <summary>An unreadable value: kept as it was, with the reason.</summary>
    public static StoredMetadata Unreadable(string text, string problem) => new() { UnreadableText = text, Problem = problem };

    /// <summary>
    /// The metadata to store for <paramref name="message"/>: its schedule, and what the column held
    /// beyond it when the message was read (<paramref name="asRead"/>): other tools' keys, or the
    /// whole text when it could not be read.
    /// </summary>
    public static StoredMetadata Of(ScheduledMessage message, StoredMetadata asRead) =>
        !asRead.IsReadable
            ? asRead
            : new StoredMetadata
            {
                Recurrence = message.Recurrence,
                TimeZoneId = message.TimeZoneId,
                Errors = message.Errors,
                Deliveries = message.Deliveries,
                // Stored while a retry or deferral has moved scheduled_time, or as the row already had it.
                OccurrenceTime = message.OccurrenceTime != message.ScheduledTime || message.OccurrenceTime == asRead.OccurrenceTime
                    ? message.OccurrenceTime
                    : null,
                OtherKeys = asRead.OtherKeys,
            };

    /// <summary>Gives a just-materialized <paramref name="message"/> this schedule (its columns are already set).</summary>
    public void RestoreTo(ScheduledMessage message)
    {
        if (!IsReadable)
        {
            message.RestoreUnreadableSchedule(Problem ?? "unknown");
        }
        else
        {
            message.RestoreSchedule(Recurrence, TimeZoneId, OccurrenceTime ?? message.ScheduledTime, Deliveries, Errors);
        }
    }
}
