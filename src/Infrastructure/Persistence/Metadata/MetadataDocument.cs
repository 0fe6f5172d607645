using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScheduledMessages.Infrastructure.Persistence.Metadata;

/// <summary>
/// The <c>metadata</c> column's JSON object as stored. Keys are written in this order and only when
/// set; top-level keys this model does not know are kept in <see cref="OtherKeys"/> and written back
/// after the known ones. <see cref="TimeZone"/> is where a one-time message keeps its zone; a
/// recurring one keeps it in <see cref="RecurrenceDocument.TimeZone"/>.
/// </summary>
internal sealed class MetadataDocument
{
    [JsonPropertyName("recurrence")]
    public RecurrenceDocument? Recurrence { get; set; }

    [JsonPropertyName("timeZone")]
    public string? TimeZone { get; set; }

    [JsonPropertyName("errors")]
    [JsonConverter(typeof(ErrorListConverter))]
    public List<DeliveryErrorDocument>? Errors { get; set; }

    [JsonPropertyName("deliveries")]
    public WholeNumber? Deliveries { get; set; }

    /// <summary>ISO 8601; other tools may write an offset.</summary>
    [JsonPropertyName("occurrenceTime")]
    public string? OccurrenceTime { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherKeys { get; set; }
}

/// <summary>
/// The <c>recurrence</c> object: the seed's keys (<c>type</c>, <c>interval</c>, <c>days</c> with 0 =
/// Monday, <c>day</c>, <c>minutes</c>) and the bot's (<c>week</c>/<c>weekday</c> for the nth weekday,
/// <c>day: -1</c> for the last day, <c>time</c>, <c>timeZone</c>). Unknown keys here are not kept.
/// </summary>
internal sealed class RecurrenceDocument
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("interval")]
    public WholeNumber? Interval { get; set; }

    [JsonPropertyName("days")]
    public List<WholeNumber?>? Days { get; set; }

    [JsonPropertyName("day")]
    public WholeNumber? Day { get; set; }

    [JsonPropertyName("week")]
    public WholeNumber? Week { get; set; }

    [JsonPropertyName("weekday")]
    public WholeNumber? Weekday { get; set; }

    [JsonPropertyName("minutes")]
    public WholeNumber? Minutes { get; set; }

    /// <summary>HH:mm, or HH:mm:ss when the time has seconds.</summary>
    [JsonPropertyName("time")]
    public string? Time { get; set; }

    [JsonPropertyName("timeZone")]
    public string? TimeZone { get; set; }
}

/// <summary>One entry of <c>errors</c>; missing fields read as defaults.</summary>
internal sealed class DeliveryErrorDocument
{
    /// <summary>ISO 8601; other tools may write an offset.</summary>
    [JsonPropertyName("time")]
    public string? Time { get; set; }

    [JsonPropertyName("attempt")]
    public WholeNumber? Attempt { get; set; }

    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }
}

/// <summary>
/// The serializer for the documents, generated at build time. The encoder is the default one, so
/// text is escaped exactly as before this model existed (non-ASCII as <c>\uXXXX</c>).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MetadataDocument))]
[JsonSerializable(typeof(DeliveryErrorDocument))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;
