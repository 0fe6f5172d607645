using System.Collections.Immutable;
using System.Text.Json.Nodes;
using CsCheck;
using NodaTime;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;
using static ScheduledMessages.Unit.Domain.Zones;

namespace ScheduledMessages.Unit.Domain;

public sealed class MetadataJsonTests
{
    // ---- the seed rows (DESIGN.md section 4), read and written exactly ----

    [Fact]
    public void Reads_the_seed_daily_row()
    {
        var metadata = MetadataJson.Read("""{"recurrence":{"type":"daily","interval":1}}""");

        Assert.Equal(new DailyRecurrence(1, null), metadata.Recurrence);
    }

    [Fact]
    public void Reads_the_seed_weekly_row_with_zero_as_monday()
    {
        var metadata = MetadataJson.Read("""{"recurrence":{"type":"weekly","interval":1,"days":[0,2,4]}}""");

        var weekly = Assert.IsType<WeeklyRecurrence>(metadata.Recurrence);
        Assert.Equal(1, weekly.Interval);
        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Friday], weekly.Days.ToArray());
        Assert.Null(weekly.TimeOfDay);
    }

    [Fact]
    public void Reads_sunday_as_six()
    {
        var weekly = Assert.IsType<WeeklyRecurrence>(MetadataJson.Read("""{"recurrence":{"type":"weekly","interval":2,"days":[6,5]}}""").Recurrence);

        Assert.Equal([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], weekly.Days.ToArray());
        Assert.Equal(2, weekly.Interval);
    }

    [Fact]
    public void Reads_the_seed_monthly_row()
    {
        var metadata = MetadataJson.Read("""{"recurrence":{"type":"monthly","interval":1,"day":15}}""");

        Assert.Equal(new MonthlyRecurrence(1, MonthDay.OnDay(15), null), metadata.Recurrence);
    }

    [Fact]
    public void Reads_the_seed_custom_row()
    {
        var metadata = MetadataJson.Read("""{"recurrence":{"type":"custom","minutes":120}}""");

        Assert.Equal(new IntervalRecurrence(120), metadata.Recurrence);
    }

    [Theory]
    [InlineData("""{"type":"daily","interval":1}""")]
    [InlineData("""{"type":"weekly","interval":1,"days":[0,2,4]}""")]
    [InlineData("""{"type":"monthly","interval":1,"day":15}""")]
    [InlineData("""{"type":"custom","minutes":120}""")]
    public void Writes_the_seed_rows_back_exactly(string seed) =>
        Assert.Equal(seed, MetadataJson.WriteRecurrence(MetadataJson.ReadRecurrence((JsonObject)JsonNode.Parse(seed)!)).ToJsonString());

    [Fact]
    public void Writes_a_recurring_message_under_the_recurrence_key() =>
        Assert.Equal(
            """{"recurrence":{"type":"weekly","interval":1,"days":[0,2,4]}}""",
            MetadataJson.Write(MessageMetadata.Empty with
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
        Assert.True(MetadataJson.TryRead(json, out var metadata, out var problem));

        Assert.Null(problem);
        Assert.Same(Recurrence.OneTime, metadata.Recurrence);
        Assert.Empty(metadata.Errors);
    }

    [Fact]
    public void A_one_time_message_without_history_writes_an_empty_object() =>
        Assert.Equal("{}", MetadataJson.Write(MessageMetadata.Empty));

    // ---- the extra keys ----

    [Fact]
    public void Writes_and_reads_time_and_time_zone()
    {
        var metadata = MessageMetadata.Empty with { Recurrence = new DailyRecurrence(2, Time(9, 5)), TimeZoneId = "Pacific/Chatham" };

        var json = MetadataJson.Write(metadata);

        Assert.Equal("""{"recurrence":{"type":"daily","interval":2,"time":"09:05","timeZone":"Pacific/Chatham"}}""", json);
        Assert.Equal(metadata, MetadataJson.Read(json));
    }

    [Fact]
    public void Writes_seconds_only_when_the_time_has_them()
    {
        var node = MetadataJson.WriteRecurrence(new DailyRecurrence(1, new LocalTime(9, 0, 30)));

        Assert.Equal("09:00:30", (string?)node["time"]);
        Assert.Equal(new LocalTime(9, 0, 30), ((DailyRecurrence)MetadataJson.ReadRecurrence(node)).TimeOfDay);
    }

    [Fact]
    public void A_one_time_message_keeps_its_time_zone_at_the_top_level()
    {
        var metadata = MessageMetadata.Empty with { TimeZoneId = "Asia/Kolkata" };

        var json = MetadataJson.Write(metadata);

        Assert.Equal("""{"timeZone":"Asia/Kolkata"}""", json);
        Assert.Equal(metadata, MetadataJson.Read(json));
    }

    [Fact]
    public void Writes_and_reads_the_last_day_as_minus_one()
    {
        var lastDay = new MonthlyRecurrence(1, MonthDay.Last, Time(20));

        var node = MetadataJson.WriteRecurrence(lastDay);

        Assert.Equal("""{"type":"monthly","interval":1,"day":-1,"time":"20:00"}""", node.ToJsonString());
        Assert.Equal(lastDay, MetadataJson.ReadRecurrence(node));
    }

    [Theory]
    [InlineData(2, IsoDayOfWeek.Tuesday, """{"type":"monthly","interval":1,"week":2,"weekday":1,"time":"09:00"}""")]
    [InlineData(-1, IsoDayOfWeek.Friday, """{"type":"monthly","interval":1,"week":-1,"weekday":4,"time":"09:00"}""")]
    [InlineData(1, IsoDayOfWeek.Sunday, """{"type":"monthly","interval":1,"week":1,"weekday":6,"time":"09:00"}""")]
    public void Writes_and_reads_the_nth_weekday_as_week_and_weekday(int week, IsoDayOfWeek weekday, string expected)
    {
        var pattern = new MonthlyRecurrence(1, MonthDay.Nth(week, weekday), Time(9));

        var node = MetadataJson.WriteRecurrence(pattern);

        Assert.Equal(expected, node.ToJsonString());
        Assert.Equal(pattern, MetadataJson.ReadRecurrence(node));
    }

    [Fact]
    public void Reads_numbers_written_as_strings_or_whole_decimals_and_any_type_case()
    {
        var metadata = MetadataJson.Read("""{"recurrence":{"type":"Monthly","interval":"3","day":15.0}}""");

        Assert.Equal(new MonthlyRecurrence(3, MonthDay.OnDay(15), null), metadata.Recurrence);
    }

    [Fact]
    public void A_missing_interval_means_every_period() =>
        Assert.Equal(new DailyRecurrence(1, null), MetadataJson.Read("""{"recurrence":{"type":"daily"}}""").Recurrence);

    // ---- keys of other tools, errors, bookkeeping ----

    [Fact]
    public void Unknown_top_level_keys_are_kept_as_written()
    {
        const string json = """{"recurrence":{"type":"daily","interval":1},"source":"crm","tags":["a","b"],"nested":{"x":1,"y":[true,null]},"nothing":null}""";

        var metadata = MetadataJson.Read(json);
        var written = MetadataJson.Write(metadata);

        Assert.Equal(["nested", "nothing", "source", "tags"], metadata.OtherKeys.Keys);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Errors_deliveries_and_occurrence_time_round_trip()
    {
        var metadata = MessageMetadata.Empty with
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

        Assert.Equal(metadata, MetadataJson.Read(json));
        Assert.Equal("2026-05-04T09:00:00Z", (string?)errors[0]!["time"]);
        Assert.Equal(1, (int?)errors[0]!["attempt"]);
        Assert.Equal("500", (string?)errors[0]!["code"]);
        Assert.Equal("Internal Server Error", (string?)errors[0]!["description"]);
    }

    [Fact]
    public void Reads_times_written_with_an_offset_by_other_tools()
    {
        var metadata = MetadataJson.Read("""{"occurrenceTime":"2026-05-04T09:00:00+02:00","errors":[{"time":"2026-05-04T09:00:00.5+00:00","attempt":1,"code":"500","description":"x"}]}""");

        Assert.Equal(Utc(2026, 5, 4, 7), metadata.OccurrenceTime);
        Assert.Equal(Utc(2026, 5, 4, 9) + Duration.FromMilliseconds(500), Assert.Single(metadata.Errors).Time);
    }

    [Fact]
    public void An_error_with_missing_fields_is_read_and_written_back()
    {
        var metadata = MetadataJson.Read("""{"errors":[{"code":"500"}]}""");

        var again = MetadataJson.Read(MetadataJson.Write(metadata));

        Assert.Equal("500", Assert.Single(metadata.Errors).Code);
        Assert.Equal(metadata, again);
    }

    [Fact]
    public void Every_metadata_survives_a_write_then_read() =>
        MetadataGen.Sample(
            metadata => Assert.Equal(metadata, MetadataJson.Read(MetadataJson.Write(metadata))),
            iter: 1000,
            print: MetadataJson.Write);

    [Fact]
    public void Every_recurrence_survives_a_write_then_read() =>
        RecurrenceGen.Recurring.Sample(
            pattern => Assert.Equal(pattern, MetadataJson.ReadRecurrence(MetadataJson.WriteRecurrence(pattern))),
            iter: 1000);

    // ---- malformed input is reported, never thrown ----

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
    public void Malformed_metadata_is_reported_with_a_message(string json)
    {
        Assert.False(MetadataJson.TryRead(json, out var metadata, out var problem));

        Assert.False(string.IsNullOrWhiteSpace(problem));
        Assert.Same(MessageMetadata.Empty, metadata);
    }

    [Fact]
    public void The_problem_names_what_is_wrong()
    {
        MetadataJson.TryRead("""{"recurrence":{"type":"weekly","interval":1,"days":[7]}}""", out _, out var weekday);
        MetadataJson.TryRead("""{"recurrence":{"type":"yearly"}}""", out _, out var type);
        MetadataJson.TryRead("""{"recurrence":{"type":"custom"}}""", out _, out var minutes);
        MetadataJson.TryRead("""{"recurrence":"daily"}""", out _, out var shape);

        Assert.Contains("Weekday 7", weekday, StringComparison.Ordinal);
        Assert.Contains("yearly", type, StringComparison.Ordinal);
        Assert.Contains("minutes", minutes, StringComparison.Ordinal);
        Assert.Contains("\"recurrence\" is not an object", shape, StringComparison.Ordinal);
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

    // Raw JSON in the compact form the reader keeps it in.
    private static readonly Gen<ImmutableSortedDictionary<string, string>> OtherKeys =
        Gen.Select(Gen.OneOf("source", "tags", "legacy_id", "note"), Gen.OneOf("1", "\"crm\"", "[1,\"a\"]", """{"a":true}""", "null", "-2.5"))
            .List[0, 4]
            .Select(pairs => pairs.GroupBy(p => p.Item1).ToImmutableSortedDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal));

    private static readonly Gen<MessageMetadata> MetadataGen = Gen.Select(
        Gen.Frequency((1, Gen.Const(Recurrence.OneTime)), (4, RecurrenceGen.Recurring)),
        ZoneIds,
        Errors.List[0, 12],
        Gen.Int[0, 1000],
        RecurrenceGen.AnyInstant.Nullable(),
        OtherKeys,
        (recurrence, zone, errors, deliveries, occurrence, other) => new MessageMetadata
        {
            Recurrence = recurrence,
            TimeZoneId = zone,
            Errors = [.. errors],
            Deliveries = deliveries,
            OccurrenceTime = occurrence,
            OtherKeys = other,
        });
}
