using NodaTime;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;
using ScheduledMessages.Infrastructure.Persistence.Metadata;
using static ScheduledMessages.Unit.Domain.Zones;

namespace ScheduledMessages.Unit.Infrastructure;

/// <summary>The column's metadata and the aggregate's schedule, both ways (ADR 0700).</summary>
public sealed class StoredMetadataTests
{
    private static readonly Instant Now = Utc(2026, 5, 4, 8);
    private static readonly Instant Nine = Utc(2026, 5, 4, 9);

    private static ScheduledMessage Message() =>
        ScheduledMessage.Create(Guid.NewGuid(), 1, null, "Hello", Recurrence.OneTime, Nine, Now).Value;

    [Fact]
    public void A_stored_schedule_becomes_the_aggregates_state()
    {
        var message = Message();

        MetadataJson.Read("""{"recurrence":{"type":"custom","minutes":30,"timeZone":"Asia/Kolkata"},"deliveries":4,"errors":[{"code":"500"}]}""").RestoreTo(message);

        Assert.Equal(new IntervalRecurrence(30), message.Recurrence);
        Assert.Equal("Asia/Kolkata", message.TimeZoneId);
        Assert.Equal(4, message.Deliveries);
        Assert.Equal("500", Assert.Single(message.Errors).Code);
        Assert.Equal(message.ScheduledTime, message.OccurrenceTime);
        Assert.Null(message.UnreadableReason);
    }

    [Fact]
    public void A_stored_occurrence_time_is_the_occurrence_a_retry_moved_away_from()
    {
        var message = Message();

        MetadataJson.Read("""{"occurrenceTime":"2026-05-04T08:30:00Z"}""").RestoreTo(message);

        Assert.Equal(Utc(2026, 5, 4, 8, 30), message.OccurrenceTime);
        Assert.Equal(Nine, message.ScheduledTime);
    }

    [Fact]
    public void The_occurrence_time_is_stored_only_while_it_differs_from_the_scheduled_time()
    {
        var message = ScheduledMessage.Create(Guid.NewGuid(), 1, null, "Hello", new IntervalRecurrence(60), Nine, Now).Value;

        Assert.Null(StoredMetadata.Of(message, StoredMetadata.Empty).OccurrenceTime);

        message.RecordTransientFailure(Nine, "500", "oops", BackoffPolicy.Default, DateTimeZone.Utc);

        Assert.Equal(Nine, StoredMetadata.Of(message, StoredMetadata.Empty).OccurrenceTime);
    }

    [Fact]
    public void A_stored_occurrence_time_equal_to_the_scheduled_time_stays_until_the_occurrence_changes()
    {
        // Another tool wrote the occurrence although nothing moved the scheduled time.
        var message = ScheduledMessage.Create(Guid.NewGuid(), 1, null, "Hello", new IntervalRecurrence(60), Nine, Now).Value;
        var asRead = MetadataJson.Read("""{"recurrence":{"type":"custom","minutes":60},"occurrenceTime":"2026-05-04T09:00:00Z"}""");
        asRead.RestoreTo(message);

        Assert.Equal(Nine, StoredMetadata.Of(message, asRead).OccurrenceTime);

        message.MarkDelivered(Nine, DateTimeZone.Utc);

        Assert.Null(StoredMetadata.Of(message, asRead).OccurrenceTime);
    }

    [Fact]
    public void The_aggregates_schedule_is_written_with_the_keys_the_row_held_beyond_it()
    {
        var message = Message();
        var asRead = MetadataJson.Read("""{"source":"crm","deliveries":1}""");
        asRead.RestoreTo(message);

        message.MarkDelivered(Nine, DateTimeZone.Utc);

        Assert.Equal("""{"deliveries":2,"source":"crm"}""", MetadataJson.Write(StoredMetadata.Of(message, asRead)));
    }

    [Fact]
    public void An_unreadable_schedule_says_why_and_its_text_is_written_back_whatever_happened_to_the_message()
    {
        const string Stored = """{"recurrence":{"type":"yearly","month":3}}""";
        var message = Message();
        var asRead = MetadataJson.Read(Stored);

        asRead.RestoreTo(message);
        message.RecordPermanentFailure(Nine, "metadata_unreadable", "Its metadata could not be read.");

        Assert.Contains("yearly", message.UnreadableReason, StringComparison.Ordinal);
        Assert.Same(Recurrence.OneTime, message.Recurrence);
        Assert.Equal(Stored, MetadataJson.Write(StoredMetadata.Of(message, asRead)));
    }
}
