using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Domain.ScheduledMessages;

/// <summary>
/// Reads and writes the <c>metadata</c> JSON in the table's format. <c>recurrence</c> keeps the
/// seed's keys (<c>type</c>, <c>interval</c>, <c>days</c> 0 = Monday, <c>day</c>, <c>minutes</c>) and
/// adds <c>time</c>, <c>timeZone</c>, <c>week</c>/<c>weekday</c> (nth weekday) and <c>day: -1</c> (last day);
/// rows that carry only the seed's keys read as well.
/// </summary>
public static class MetadataJson
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern LongTimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss");
    private static readonly string[] KnownKeys = ["recurrence", "errors", "deliveries", "occurrenceTime", "timeZone"];

    public static string Write(MessageMetadata metadata)
    {
        if (metadata.UnreadableJson is { } unreadable)
        {
            return unreadable;
        }

        var root = new JsonObject();
        if (metadata.Recurrence.IsRecurring)
        {
            var recurrence = WriteRecurrence(metadata.Recurrence);
            if (metadata.TimeZoneId is { } zone)
            {
                recurrence["timeZone"] = zone;
            }

            root["recurrence"] = recurrence;
        }
        else if (metadata.TimeZoneId is { } zone)
        {
            root["timeZone"] = zone;
        }

        if (!metadata.Errors.IsEmpty)
        {
            root["errors"] = new JsonArray([.. metadata.Errors.Select(e => (JsonNode)new JsonObject
            {
                ["time"] = InstantPattern.ExtendedIso.Format(e.Time),
                ["attempt"] = e.Attempt,
                ["code"] = e.Code,
                ["description"] = e.Description,
            })]);
        }

        if (metadata.Deliveries > 0)
        {
            root["deliveries"] = metadata.Deliveries;
        }

        if (metadata.OccurrenceTime is { } occurrence)
        {
            root["occurrenceTime"] = InstantPattern.ExtendedIso.Format(occurrence);
        }

        foreach (var (key, raw) in metadata.OtherKeys)
        {
            root[key] = JsonNode.Parse(raw);
        }

        return root.ToJsonString();
    }

    /// <summary>
    /// Reads a <c>metadata</c> value; null or empty is a one-time message with no history. Throws
    /// <see cref="FormatException"/> (or <see cref="JsonException"/>) for a value of the wrong shape.
    /// </summary>
    public static MessageMetadata Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || JsonNode.Parse(json) is not { } parsed)
        {
            return MessageMetadata.Empty;
        }

        // A value of the wrong shape is reported rather than read as "no recurrence": writing the row
        // back would otherwise turn a recurring message into a one-time one and lose the data.
        var root = parsed as JsonObject
            ?? throw new FormatException($"The metadata is not a JSON object but {Kind(parsed)}.");
        var recurrenceNode = root["recurrence"] switch
        {
            null => null,
            JsonObject node => node,
            var other => throw new FormatException($"\"recurrence\" is not an object but {Kind(other)}."),
        };
        var errors = root["errors"] switch
        {
            null => [],
            JsonArray array => array.OfType<JsonObject>().Select(ReadError).ToImmutableList(),
            var other => throw new FormatException($"\"errors\" is not a list but {Kind(other)}."),
        };

        return new MessageMetadata
        {
            Recurrence = recurrenceNode is null ? Recurrence.OneTime : ReadRecurrence(recurrenceNode),
            TimeZoneId = (string?)recurrenceNode?["timeZone"] ?? (string?)root["timeZone"],
            Errors = errors,
            Deliveries = (int?)root["deliveries"] ?? 0,
            OccurrenceTime = root["occurrenceTime"] is { } occurrence ? ParseInstant((string)occurrence!) : null,
            OtherKeys = root
                .Where(p => !KnownKeys.Contains(p.Key))
                .ToImmutableSortedDictionary(p => p.Key, p => p.Value?.ToJsonString() ?? "null", StringComparer.Ordinal),
        };
    }

    /// <summary>The <c>recurrence</c> object alone, e.g. <c>{"type":"daily","interval":1,"time":"09:00"}</c>.</summary>
    public static JsonObject WriteRecurrence(Recurrence recurrence)
    {
        var node = new JsonObject { ["type"] = recurrence.Kind };
        switch (recurrence)
        {
            case DailyRecurrence daily:
                node["interval"] = daily.Interval;
                break;
            case WeeklyRecurrence weekly:
                node["interval"] = weekly.Interval;
                node["days"] = new JsonArray([.. weekly.Days.Select(d => (JsonNode)((int)d - 1))]);
                break;
            case MonthlyRecurrence monthly:
                node["interval"] = monthly.Interval;
                switch (monthly.Day)
                {
                    case DayOfMonth day:
                        node["day"] = day.Day;
                        break;
                    case LastDayOfMonth:
                        node["day"] = -1;
                        break;
                    case NthWeekdayOfMonth nth:
                        node["week"] = nth.Week;
                        node["weekday"] = (int)nth.Weekday - 1;
                        break;
                }

                break;
            case IntervalRecurrence custom:
                node["minutes"] = custom.Minutes;
                break;
            default:
                throw new ArgumentException($"Recurrence '{recurrence.Kind}' has no JSON form.", nameof(recurrence));
        }

        if (recurrence is CalendarRecurrence { TimeOfDay: { } time })
        {
            node["time"] = (time.Second == 0 ? TimePattern : LongTimePattern).Format(time);
        }

        return node;
    }

    /// <summary>Reads a <c>recurrence</c> object; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static Recurrence ReadRecurrence(JsonObject node)
    {
        var type = ((string?)node["type"])?.Trim().ToLowerInvariant();
        var interval = ReadInt(node, "interval") ?? 1;
        var time = node["time"] is { } timeNode ? ParseTime((string)timeNode!) : (LocalTime?)null;
        try
        {
            return type switch
            {
                "daily" => new DailyRecurrence(interval, time),
                "weekly" => new WeeklyRecurrence(interval, ReadDays(node), time),
                "monthly" => new MonthlyRecurrence(interval, ReadMonthDay(node), time),
                "custom" => new IntervalRecurrence(ReadInt(node, "minutes")
                    ?? throw new FormatException("A custom recurrence needs \"minutes\".")),
                _ => throw new FormatException($"Unknown recurrence type '{type}'."),
            };
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Invalid recurrence {node.ToJsonString()}: {e.Message}", e);
        }
    }

    private static IEnumerable<IsoDayOfWeek> ReadDays(JsonObject node) =>
        node["days"] is JsonArray days
            ? days.Select(d => d is null ? throw new FormatException("A weekday is null.") : ToIsoDay(d.GetValue<int>()))
            : throw new FormatException("A weekly recurrence needs \"days\".");

    private static MonthDay ReadMonthDay(JsonObject node)
    {
        if (ReadInt(node, "week") is { } week)
        {
            var weekday = ReadInt(node, "weekday") ?? throw new FormatException("An nth-weekday recurrence needs \"weekday\".");
            return MonthDay.Nth(week, ToIsoDay(weekday));
        }

        var day = ReadInt(node, "day") ?? throw new FormatException("A monthly recurrence needs \"day\".");
        return day == -1 ? MonthDay.Last : MonthDay.OnDay(day);
    }

    private static string Kind(JsonNode node) => node.GetValueKind().ToString().ToLowerInvariant();

    private static IsoDayOfWeek ToIsoDay(int zeroIsMonday) => zeroIsMonday is >= 0 and <= 6
        ? (IsoDayOfWeek)(zeroIsMonday + 1)
        : throw new FormatException($"Weekday {zeroIsMonday} is not 0 (Monday) to 6 (Sunday).");

    private static int? ReadInt(JsonObject node, string key) => node[key] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<int>(out var i) => i,
        JsonValue value when value.TryGetValue<double>(out var d) && d == Math.Floor(d) => (int)d,
        JsonValue value when value.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        var other => throw new FormatException($"\"{key}\" is not a whole number: {other.ToJsonString()}."),
    };

    private static LocalTime ParseTime(string text)
    {
        var result = TimePattern.Parse(text);
        if (!result.Success)
        {
            result = LongTimePattern.Parse(text);
        }

        return result.Success ? result.Value : throw new FormatException($"\"time\" is not HH:mm: '{text}'.");
    }

    private static Instant ParseInstant(string text)
    {
        var result = InstantPattern.ExtendedIso.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }

        // Other tools may write offsets ("+00:00"); accept any ISO 8601 date-time with an offset.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto)
            ? Instant.FromDateTimeOffset(dto)
            : throw new FormatException($"Not an ISO 8601 time: '{text}'.");
    }

    private static DeliveryError ReadError(JsonObject node) => new(
        node["time"] is { } time ? ParseInstant((string)time!) : Instant.MinValue,
        ReadInt(node, "attempt") ?? 0,
        (string?)node["code"] ?? "unknown",
        (string?)node["description"] ?? string.Empty);

    /// <summary>
    /// Reads a stored value without ever throwing: what cannot be read comes back as metadata that
    /// keeps the text as it was (<see cref="MessageMetadata.UnreadableJson"/>) and says why.
    /// </summary>
    public static MessageMetadata ReadPreserving(string? json) =>
        TryRead(json, out var metadata, out var problem)
            ? metadata
            : MessageMetadata.Empty with { UnreadableJson = json, Problem = problem };

    /// <summary>Reads metadata that may be malformed; an unreadable value is reported, never thrown.</summary>
    public static bool TryRead(string? json, out MessageMetadata metadata, out string? problem)
    {
        try
        {
            metadata = Read(json);
            problem = null;
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            metadata = MessageMetadata.Empty;
            problem = e.Message;
            return false;
        }
    }
}
