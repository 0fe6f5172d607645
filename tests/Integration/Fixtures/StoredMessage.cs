using System.Text.Json.Nodes;
using NodaTime;

namespace ScheduledMessages.Integration.Fixtures;

/// <summary>A <c>scheduled_messages</c> row as plain SQL reads it.</summary>
public sealed record StoredMessage(
    Guid Id,
    string Status,
    Instant ScheduledTime,
    int Attempts,
    Instant? LastAttemptTime,
    string? Metadata,
    string? LockedBy,
    Instant? LockedUntil,
    string RecurrenceKind)
{
    public long ChatId { get; init; }

    public long? CreatedBy { get; init; }

    public string Content { get; init; } = string.Empty;

    public string Platform { get; init; } = string.Empty;

    public int Priority { get; init; }

    public JsonObject MetadataJson => Metadata is null ? [] : (JsonObject)JsonNode.Parse(Metadata)!;

    public JsonArray Errors => MetadataJson["errors"] as JsonArray ?? [];
}
