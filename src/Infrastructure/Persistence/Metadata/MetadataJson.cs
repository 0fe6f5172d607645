using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Infrastructure.Persistence.Metadata;

/// <summary>
/// Reads and writes the <c>metadata</c> JSON in the table's format (<see cref="MetadataDocument"/>).
/// Rows that carry only the seed's keys read as well, numbers may be written as <c>3</c>,
/// <c>3.0</c> or <c>"3"</c>, times with an offset; what is written is the bot's own form.
/// </summary>
internal static class MetadataJson
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern LongTimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss");

    /// <summary>The text to store; an unreadable value's own text, unchanged.</summary>
    public static string Write(StoredMetadata metadata)
    {
        if (metadata.UnreadableText is { } unreadable)
        {
            return unreadable;
        }

        var recurrence = metadata.Recurrence.IsRecurring ? WriteRecurrence(metadata.Recurrence) : null;
        if (recurrence is not null)
        {
            recurrence.TimeZone = metadata.TimeZoneId;
        }

        var document = new MetadataDocument
        {
            Recurrence = recurrence,
            TimeZone = recurrence is null ? metadata.TimeZoneId : null,
            Errors = metadata.Errors.IsEmpty ? null : [.. metadata.Errors.Select(WriteError)],
            Deliveries = metadata.Deliveries > 0 ? metadata.Deliveries : null,
            OccurrenceTime = metadata.OccurrenceTime is { } occurrence ? InstantPattern.ExtendedIso.Format(occurrence) : null,
            OtherKeys = metadata.OtherKeys.Count == 0 ? null : new Dictionary<string, JsonElement>(metadata.OtherKeys),
        };
        return JsonSerializer.Serialize(document, MetadataJsonContext.Default.MetadataDocument);
    }

    /// <summary>
    /// Reads a stored value without ever throwing: null or blank is a one-time message with no
    /// history; what cannot be read comes back unreadable, keeping its text and saying why.
    /// </summary>
    public static StoredMetadata Read(string? json)
    {
        try
        {
            return ReadOrThrow(json);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return StoredMetadata.Unreadable(json ?? string.Empty, e.Message);
        }
    }

    private static StoredMetadata ReadOrThrow(string? json)
    {
        // A value of the wrong shape is reported rather than read as "no recurrence": writing the row
        // back would otherwise turn a recurring message into a one-time one and lose the data.
        if (string.IsNullOrWhiteSpace(json)
            || JsonSerializer.Deserialize(json, MetadataJsonContext.Default.MetadataDocument) is not { } document)
        {
            return StoredMetadata.Empty;
        }

        return new StoredMetadata
        {
            Recurrence = document.Recurrence is { } recurrence ? ReadRecurrence(recurrence) : Recurrence.OneTime,
            TimeZoneId = document.Recurrence?.TimeZone ?? document.TimeZone,
            Errors = document.Errors is { } errors ? [.. errors.Select(ReadError)] : [],
            Deliveries = document.Deliveries?.Read("deliveries") ?? 0,
            OccurrenceTime = document.OccurrenceTime is { } occurrence ? ParseInstant(occurrence) : null,
            OtherKeys = document.OtherKeys ?? (IReadOnlyDictionary<string, JsonElement>)ImmutableDictionary<string, JsonElement>.Empty,
        };
    }

    private static RecurrenceDocument WriteRecurrence(Recurrence recurrence)
    {
        var document = new RecurrenceDocument { Type = recurrence.Kind };
        switch (recurrence)
        {
            case DailyRecurrence daily:
                document.Interval = daily.Interval;
                break;
            case WeeklyRecurrence weekly:
                document.Interval = weekly.Interval;
                document.Days = [.. weekly.Days.Select(d => (WholeNumber?)((int)d - 1))];
                break;
            case MonthlyRecurrence monthly:
                document.Interval = monthly.Interval;
                switch (monthly.Day)
                {
                    case DayOfMonth day:
                        document.Day = day.Day;
                        break;
                    case LastDayOfMonth:
                        document.Day = -1;
                        break;
                    case NthWeekdayOfMonth nth:
                        document.Week = nth.Week;
                        document.Weekday = (int)nth.Weekday - 1;
                        break;
                }

                break;
            case IntervalRecurrence custom:
                document.Minutes = custom.Minutes;
                break;
            default:
                throw new ArgumentException($"Recurrence '{recurrence.Kind}' has no JSON form.", nameof(recurrence));
        }

        if (recurrence is CalendarRecurrence { TimeOfDay: { } time })
        {
            document.Time = (time.Second == 0 ? TimePattern : LongTimePattern).Format(time);
        }

        return document;
    }

    /// <summary>Reads a <c>recurrence</c> object; throws <see cref="FormatException"/> naming what is wrong.</summary>
    private static Recurrence ReadRecurrence(RecurrenceDocument document)
    {
        var type = document.Type?.Trim().ToLowerInvariant();
        var interval = document.Interval?.Read("interval") ?? 1;
        var time = document.Time is { } text ? ParseTime(text) : (LocalTime?)null;
        try
        {
            return type switch
            {
                "daily" => new DailyRecurrence(interval, time),
                "weekly" => new WeeklyRecurrence(interval, ReadDays(document), time),
                "monthly" => new MonthlyRecurrence(interval, ReadMonthDay(document), time),
                "custom" => new IntervalRecurrence(document.Minutes?.Read("minutes")
                    ?? throw new FormatException("A custom recurrence needs \"minutes\".")),
                _ => throw new FormatException($"Unknown recurrence type '{type}'."),
            };
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Invalid {type} recurrence: {e.Message}", e);
        }
    }

    private static IEnumerable<IsoDayOfWeek> ReadDays(RecurrenceDocument document) =>
        document.Days is { } days
            ? days.Select(d => d is { } day ? ToIsoDay(day.Read("days")) : throw new FormatException("A weekday is null."))
            : throw new FormatException("A weekly recurrence needs \"days\".");

    private static MonthDay ReadMonthDay(RecurrenceDocument document)
    {
        if (document.Week?.Read("week") is { } week)
        {
            var weekday = document.Weekday?.Read("weekday") ?? throw new FormatException("An nth-weekday recurrence needs \"weekday\".");
            return MonthDay.Nth(week, ToIsoDay(weekday));
        }

        var day = document.Day?.Read("day") ?? throw new FormatException("A monthly recurrence needs \"day\".");
        return day == -1 ? MonthDay.Last : MonthDay.OnDay(day);
    }

    private static IsoDayOfWeek ToIsoDay(int zeroIsMonday) => zeroIsMonday is >= 0 and <= 6
        ? (IsoDayOfWeek)(zeroIsMonday + 1)
        : throw new FormatException($"Weekday {zeroIsMonday} is not 0 (Monday) to 6 (Sunday).");

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

    private static DeliveryErrorDocument WriteError(DeliveryError error) => new()
    {
        Time = InstantPattern.ExtendedIso.Format(error.Time),
        Attempt = error.Attempt,
        Code = error.Code,
        Description = error.Description,
    };

    private static DeliveryError ReadError(DeliveryErrorDocument document) => new(
        document.Time is { } time ? ParseInstant(time) : Instant.MinValue,
        document.Attempt?.Read("attempt") ?? 0,
        document.Code ?? "unknown",
        document.Description ?? string.Empty);
}
