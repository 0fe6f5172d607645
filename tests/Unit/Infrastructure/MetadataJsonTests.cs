using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using NodaTime;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;
using ScheduledMessages.Infrastructure.Persistence.Metadata;
using ScheduledMessages.Unit.Domain;
using static ScheduledMessages.Unit.Domain.Zones;

namespace ScheduledMessages.Unit.Infrastructure;

/// <summary>The <c>metadata</c> column's JSON: the seed's rows, the bot's keys, other tools' keys and values that cannot be read.</summary>
public sealed class MetadataJsonTests
{
    // ---- the seed rows, read and written exactly ----

    [Fact]
    public void Reads_the_seed_daily_row() =>
        Assert.Equal(new DailyRecurrence(1, null), Readable("""{"recurrence":{"type":"daily","interval":1}}""").Recurrence);

    [Fact]
    public void Reads_the_seed_weekly_row_with_zero_as_monday()
    {
        var weekly = Assert.IsType<WeeklyRecurrence>(Readable("""{"recurrence":{"type":"weekly","interval":1,"days":[0,2,4]}}""").Recurrence);

        Assert.Equal(1, weekly.Interval);
        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Friday], weekly.Days.ToArray());
        Assert.Null(weekly.TimeOfDay);
    }

    [Fact]
    public void Reads_sunday_as_six()
    {
        var weekly = Assert.IsType<WeeklyRecurrence>(Readable("""{"recurrence":{"type":"weekly","interval":2,"days":[6,5]}}""").Recurrence);

        Assert.Equal([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], weekly.Days.ToArray());
        Assert.Equal(2, weekly.Interval);
    }

    [Fact]
    public void Reads_the_seed_monthly_row() =>
        Assert.Equal(new MonthlyRecurrence(1, MonthDay.OnDay(15), null), Readable("""{"recurrence":{"type":"monthly","interval":1,"day":15}}""").Recurrence);

    [Fact]
    public void Reads_the_seed_custom_row() =>
        Assert.Equal(new IntervalRecurrence(120), Readable("""{"recurrence":{"type":"custom","minutes":120}}""").Recurrence);

    [Theory]
    [InlineData("""{"recurrence":{"type":"daily","interval":1}}""")]
    [InlineData("""{"recurrence":{"type":"weekly","interval":1,"days":[0,2,4]}}""")]
    [InlineData("""{"recurrence":{"type":"monthly","interval":1,"day":15}}""")]
    [InlineData("""{"recurrence":{"type":"custom","minutes":120}}""")]
    public void Writes_the_seed_rows_back_exactly(string seed) =>
        Assert.Equal(seed, MetadataJson.Write(Readable(seed)));

    [Fact]
    public void Writes_a_recurring_message_under_the_recurrence_key() =>
        Assert.Equal(
            """{"recurrence":{"type":"weekly","interval":1,"days":[0,2,4]}}""",
            MetadataJson.Write(StoredMetadata.Empty with
            {
                Recurrence = new WeeklyRecurrence(1, [IsoDayOfWeek.Friday, IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday], null),
            }));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"recurrence":null}""")]
    [InlineData("""{"note":"from the old system"}""")]
    public void Without_a_recurrence_the_message_is_one_time(string? json)
    {
        var metadata = Readable(json);

        Assert.Same(Recurrence.OneTime, metadata.Recurrence);
        Assert.Empty(metadata.Errors);
    }

    [Fact]
    public void A_one_time_message_without_history_writes_an_empty_object() =>
        Assert.Equal("{}", MetadataJson.Write(StoredMetadata.Empty));

    // ---- the bot's keys ----

    [Fact]
    public void Writes_and_reads_time_and_time_zone()
    {
        var metadata = StoredMetadata.Empty with { Recurrence = new DailyRecurrence(2, Time(9, 5)), TimeZoneId = "Pacific/Chatham" };

        var json = MetadataJson.Write(metadata);

        Assert.Equal("""{"recurrence":{"type":"daily","interval":2,"time":"09:05","timeZone":"Pacific/Chatham"}}""", json);
        AssertSame(metadata, MetadataJson.Read(json));
    }

    [Fact]
    public void Writes_seconds_only_when_the_time_has_them()
    {
        var metadata = StoredMetadata.Empty with { Recurrence = new DailyRecurrence(1, new LocalTime(9, 0, 30)) };

        var json = MetadataJson.Write(metadata);

        Assert.Equal("09:00:30", (string?)JsonNode.Parse(json)!["recurrence"]!["time"]);
        Assert.Equal(new LocalTime(9, 0, 30), ((DailyRecurrence)Readable(json).Recurrence).TimeOfDay);
    }

    [Fact]
    public void A_one_time_message_keeps_its_time_zone_at_the_top_level()
    {
        var metadata = StoredMetadata.Empty with { TimeZoneId = "Asia/Kolkata" };

        var json = MetadataJson.Write(metadata);

        Assert.Equal("""{"timeZone":"Asia/Kolkata"}""", json);
        AssertSame(metadata, MetadataJson.Read(json));
    }

    [Fact]
    public void Writes_and_reads_the_last_day_as_minus_one()
    {
        var lastDay = new MonthlyRecurrence(1, MonthDay.Last, Time(20));

        var json = MetadataJson.Write(StoredMetadata.Empty with { Recurrence = lastDay });

        Assert.Equal("""{"recurrence":{"type":"monthly","interval":1,"day":-1,"time":"20:00"}}""", json);
        Assert.Equal(lastDay, Readable(json).Recurrence);
    }

    [Theory]
    [InlineData(2, IsoDayOfWeek.Tuesday, """{"type":"monthly","interval":1,"week":2,"weekday":1,"time":"09:00"}""")]
    [InlineData(-1, IsoDayOfWeek.Friday, """{"type":"monthly","interval":1,"week":-1,"weekday":4,"time":"09:00"}""")]
    [InlineData(1, IsoDayOfWeek.Sunday, """{"type":"monthly","interval":1,"week":1,"weekday":6,"time":"09:00"}""")]
    public void Writes_and_reads_the_nth_weekday_as_week_and_weekday(int week, IsoDayOfWeek weekday, string expected)
    {
        var pattern = new MonthlyRecurrence(1, MonthDay.Nth(week, weekday), Time(9));

        var json = MetadataJson.Write(StoredMetadata.Empty with { Recurrence = pattern });

        Assert.Equal($$"""{"recurrence":{{expected}}}""", json);
        Assert.Equal(pattern, Readable(json).Recurrence);
    }

    // ---- the legacy number forms ----

    [Fact]
    public void Reads_numbers_written_as_strings_or_whole_decimals_and_any_type_case() =>
        Assert.Equal(
            new MonthlyRecurrence(3, MonthDay.OnDay(15), null),
            Readable("""{"recurrence":{"type":"Monthly","interval":"3","day":15.0}}""").Recurrence);

    [Theory]
    [InlineData("""{"type":"custom","minutes":"90"}""", "custom", 90)]
    [InlineData("""{"type":"custom","minutes":90.0}""", "custom", 90)]
    [InlineData("""{"type":"monthly","interval":" 2 ","week":"2","weekday":1.0}""", "monthly", 2)]
    [InlineData("""{"type":"daily","interval":4.0}""", "daily", 4)]
    public void Every_whole_number_may_be_a_string_or_a_whole_decimal(string recurrence, string kind, int number)
    {
        var read = Readable($$"""{"recurrence":{{recurrence}},"errors":[{"code":"500","attempt":"2"}]}""");

        Assert.Equal(kind, read.Recurrence.Kind);
        Assert.Equal(number, read.Recurrence switch
        {
            IntervalRecurrence custom => custom.Minutes,
            CalendarRecurrence calendar => calendar.Interval,
            _ => 0,
        });
        Assert.Equal(2, Assert.Single(read.Errors).Attempt);
    }

    [Fact]
    public void A_malformed_number_under_a_key_the_pattern_does_not_use_is_no_harm() =>
        Assert.Equal(new DailyRecurrence(1, null), Readable("""{"recurrence":{"type":"daily","interval":1,"minutes":"often","day":[1]}}""").Recurrence);

    [Fact]
    public void Legacy_forms_are_written_back_in_the_bots_form() =>
        Assert.Equal(
            """{"recurrence":{"type":"monthly","interval":3,"day":15}}""",
            MetadataJson.Write(Readable("""{"recurrence":{"type":"Monthly","interval":"3","day":15.0}}""")));

    [Fact]
    public void A_missing_interval_means_every_period() =>
        Assert.Equal(new DailyRecurrence(1, null), Readable("""{"recurrence":{"type":"daily"}}""").Recurrence);

    // ---- keys of other tools, errors, bookkeeping ----

    [Fact]
    public void Unknown_top_level_keys_are_kept_as_written()
    {
        const string json = """{"recurrence":{"type":"daily","interval":1},"source":"crm","tags":["a","b"],"nested":{"x":1,"y":[true,null]},"nothing":null}""";

        var metadata = Readable(json);
        var written = MetadataJson.Write(metadata);

        Assert.Equal(["nested", "nothing", "source", "tags"], metadata.OtherKeys.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(json, written);
    }

    [Fact]
    public void Unknown_keys_stay_when_the_bot_changes_its_own()
    {
        var metadata = Readable("""{"source":"crm","deliveries":1,"legacy_id":42}""") with { Deliveries = 2 };

        Assert.Equal("""{"deliveries":2,"source":"crm","legacy_id":42}""", MetadataJson.Write(metadata));
    }

    [Fact]
    public void Errors_deliveries_and_occurrence_time_round_trip()
    {
        var metadata = StoredMetadata.Empty with
        {
            Recurrence = new IntervalRecurrence(30),
            Errors =
            [
                new DeliveryError(Utc(2026, 5, 4, 9), 1, "500", "Internal Server Error"),
                new DeliveryError(Utc(2026, 5, 4, 9, 5) + Duration.FromNanoseconds(123_456_789), 2, "timeout", "No answer in 30 s: \"quoted\", ünïcode"),
            ],
            Deliveries = 17,
            OccurrenceTime = Utc(2026, 5, 4, 9),
        };

        var json = MetadataJson.Write(metadata);
        var errors = JsonNode.Parse(json)!["errors"]!.AsArray();

        AssertSame(metadata, MetadataJson.Read(json));
        Assert.Equal("2026-05-04T09:00:00Z", (string?)errors[0]!["time"]);
        Assert.Equal(1, (int?)errors[0]!["attempt"]);
        Assert.Equal("500", (string?)errors[0]!["code"]);
        Assert.Equal("Internal Server Error", (string?)errors[0]!["description"]);
    }

    [Fact]
    public void Writes_the_keys_in_the_order_the_table_always_had_them() =>
        Assert.Equal(
            """{"recurrence":{"type":"custom","minutes":30,"timeZone":"Europe/Berlin"},"errors":[{"time":"2026-05-04T09:00:00Z","attempt":1,"code":"500","description":"x \u0022\u00FC\u0022"}],"deliveries":3,"occurrenceTime":"2026-05-04T09:00:00Z"}""",
            MetadataJson.Write(StoredMetadata.Empty with
            {
                Recurrence = new IntervalRecurrence(30),
                TimeZoneId = "Europe/Berlin",
                Errors = [new DeliveryError(Utc(2026, 5, 4, 9), 1, "500", "x \"ü\"")],
                Deliveries = 3,
                OccurrenceTime = Utc(2026, 5, 4, 9),
            }));

    [Fact]
    public void Reads_times_written_with_an_offset_by_other_tools()
    {
        var metadata = Readable("""{"occurrenceTime":"2026-05-04T09:00:00+02:00","errors":[{"time":"2026-05-04T09:00:00.5+00:00","attempt":1,"code":"500","description":"x"}]}""");

        Assert.Equal(Utc(2026, 5, 4, 7), metadata.OccurrenceTime);
        Assert.Equal(Utc(2026, 5, 4, 9) + Duration.FromMilliseconds(500), Assert.Single(metadata.Errors).Time);
    }

    [Fact]
    public void An_error_with_missing_fields_is_read_and_written_back()
    {
        var metadata = Readable("""{"errors":[{"code":"500"}]}""");

        var again = MetadataJson.Read(MetadataJson.Write(metadata));

        Assert.Equal("500", Assert.Single(metadata.Errors).Code);
        AssertSame(metadata, again);
    }

    [Fact]
    public void Error_entries_that_are_not_objects_are_passed_over() =>
        Assert.Equal(["500"], Readable("""{"errors":[1,null,"x",{"code":"500"},[2]]}""").Errors.Select(e => e.Code));

    [Fact]
    public void Every_metadata_survives_a_write_then_read() =>
        MetadataGen.Sample(
            metadata =>
            {
                var json = MetadataJson.Write(metadata);
                AssertSame(metadata, MetadataJson.Read(json));
                Assert.Equal(json, MetadataJson.Write(MetadataJson.Read(json)));
            },
            iter: 1000,
            print: MetadataJson.Write);

    // ---- malformed input is reported and kept, never thrown ----

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("""{"recurrence":{"type":"yearly","interval":1}}""")]
    [InlineData("""{"recurrence":{"interval":1}}""")]
    [InlineData("""{"recurrence":{"type":5}}""")]
    [InlineData("""{"recurrence":{"type":"daily","interval":0}}""")]
    [InlineData("""{"recurrence":{"type":"daily","interval":1.5}}""")]
    [InlineData("""{"recurrence":{"type":"daily","interval":"often"}}""")]
    [InlineData("""{"recurrence":{"type":"daily","interval":1,"time":"25:00"}}""")]
    [InlineData("""{"recurrence":{"type":"daily","interval":1,"time":900}}""")]
    [InlineData("""{"recurrence":{"type":"weekly","interval":1}}""")]
    [InlineData("""{"recurrence":{"type":"weekly","interval":1,"days":[]}}""")]
    [InlineData("""{"recurrence":{"type":"weekly","interval":1,"days":[7]}}""")]
    [InlineData("""{"recurrence":{"type":"weekly","interval":1,"days":[-1]}}""")]
    [InlineData("""{"recurrence":{"type":"weekly","interval":1,"days":["mon"]}}""")]
    [InlineData("""{"recurrence":{"type":"weekly","interval":1,"days":[null]}}""")]
    [InlineData("""{"recurrence":{"type":"monthly","interval":1}}""")]
    [InlineData("""{"recurrence":{"type":"monthly","interval":1,"day":0}}""")]
    [InlineData("""{"recurrence":{"type":"monthly","interval":1,"day":32}}""")]
    [InlineData("""{"recurrence":{"type":"monthly","interval":1,"day":-2}}""")]
    [InlineData("""{"recurrence":{"type":"monthly","interval":1,"week":5,"weekday":1}}""")]
    [InlineData("""{"recurrence":{"type":"monthly","interval":1,"week":2}}""")]
    [InlineData("""{"recurrence":{"type":"custom"}}""")]
    [InlineData("""{"recurrence":{"type":"custom","minutes":0}}""")]
    [InlineData("""{"recurrence":"daily"}""")]
    [InlineData("""{"recurrence":[1]}""")]
    [InlineData("""{"errors":"none"}""")]
    [InlineData("""{"errors":[{"time":"yesterday"}]}""")]
    [InlineData("""{"occurrenceTime":"soon"}""")]
    [InlineData("""{"deliveries":"many"}""")]
    [InlineData("[1,2]")]
    [InlineData("\"daily\"")]
    [InlineData("not json at all")]
    public void Malformed_metadata_is_reported_and_written_back_exactly_as_it_was(string json)
    {
        var metadata = MetadataJson.Read(json);

        Assert.False(metadata.IsReadable);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Problem));
        Assert.Same(Recurrence.OneTime, metadata.Recurrence);
        Assert.Equal(json, MetadataJson.Write(metadata));
    }

    [Fact]
    public void The_problem_names_what_is_wrong()
    {
        Assert.Contains("Weekday 7", Problem("""{"recurrence":{"type":"weekly","interval":1,"days":[7]}}"""), StringComparison.Ordinal);
        Assert.Contains("yearly", Problem("""{"recurrence":{"type":"yearly"}}"""), StringComparison.Ordinal);
        Assert.Contains("minutes", Problem("""{"recurrence":{"type":"custom"}}"""), StringComparison.Ordinal);
        Assert.Contains("$.recurrence", Problem("""{"recurrence":"daily"}"""), StringComparison.Ordinal);
        Assert.Contains("\"interval\" is not a whole number: \"often\"", Problem("""{"recurrence":{"type":"daily","interval":"often"}}"""), StringComparison.Ordinal);
        Assert.Contains("\"errors\" is not a list", Problem("""{"errors":"none"}"""), StringComparison.Ordinal);
    }

    private static StoredMetadata Readable(string? json)
    {
        var metadata = MetadataJson.Read(json);
        Assert.True(metadata.IsReadable, metadata.Problem);
        return metadata;
    }

    private static string Problem(string json) => MetadataJson.Read(json).Problem ?? "(read fine)";

    private static void AssertSame(StoredMetadata expected, StoredMetadata actual)
    {
        Assert.Equal(expected.Recurrence, actual.Recurrence);
        Assert.Equal(expected.TimeZoneId, actual.TimeZoneId);
        Assert.Equal(expected.Errors, actual.Errors);
        Assert.Equal(expected.Deliveries, actual.Deliveries);
        Assert.Equal(expected.OccurrenceTime, actual.OccurrenceTime);
        Assert.Equal(expected.OtherKeys.Keys.Order(StringComparer.Ordinal), actual.OtherKeys.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected.OtherKeys, pair => Assert.True(JsonElement.DeepEquals(pair.Value, actual.OtherKeys[pair.Key]), pair.Key));
        Assert.Null(actual.Problem);
    }

    private static readonly Gen<string?> ZoneIds = Gen.OneOf<string?>(
        null, "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata", "America/Sao_Paulo");

    private static readonly Gen<DeliveryError> Errors = Gen.Select(
        RecurrenceGen.AnyInstant,
        Gen.Long[0, 999_999_999],
        Gen.Int[0, 10],
        Gen.OneOf("500", "502", "timeout", "network", "403", ScheduledMessage.DeliveryWindowMissedCode),
        Gen.String,
        (time, nanos, attempt, code, description) => new DeliveryError(time + Duration.FromNanoseconds(nanos), attempt, code, description));

    private static readonly Gen<IReadOnlyDictionary<string, JsonElement>> OtherKeys =
        Gen.Select(Gen.OneOf("source", "tags", "legacy_id", "note"), Gen.OneOf("1", "\"crm\"", "[1,\"a\"]", """{"a":true}""", "null", "-2.5"))
            .List[0, 4]
            .Select(pairs => (IReadOnlyDictionary<string, JsonElement>)pairs
                .GroupBy(p => p.Item1)
                .ToImmutableDictionary(g => g.Key, g => JsonDocument.Parse(g.First().Item2).RootElement.Clone()));

    private static readonly Gen<StoredMetadata> MetadataGen = Gen.Select(
        Gen.Frequency((1, Gen.Const(Recurrence.OneTime)), (4, RecurrenceGen.Recurring)),
        ZoneIds,
        Errors.List[0, 12],
        Gen.Int[0, 1000],
        RecurrenceGen.AnyInstant.Nullable(),
        OtherKeys,
        (recurrence, zone, errors, deliveries, occurrence, other) => new StoredMetadata
        {
            Recurrence = recurrence,
            TimeZoneId = zone,
            Errors = [.. errors],
            Deliveries = deliveries,
            OccurrenceTime = occurrence,
            OtherKeys = other,
        });
}
