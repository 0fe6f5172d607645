using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Unit.Domain;

public sealed class MetadataPreservationTests
{
    [Theory]
    [InlineData("""{"recurrence":{"type":"yearly"}}""")]
    [InlineData("""{"recurrence":"daily"}""")]
    [InlineData("not json at all")]
    public void Unreadable_metadata_is_reported_and_written_back_exactly_as_it_was(string stored)
    {
        var metadata = MetadataJson.ReadPreserving(stored);

        Assert.False(metadata.IsReadable);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Problem));
        Assert.Equal(stored, MetadataJson.Write(metadata));
    }

    [Fact]
    public void Readable_metadata_reads_as_usual()
    {
        var metadata = MetadataJson.ReadPreserving("""{"recurrence":{"type":"custom","minutes":120}}""");

        Assert.True(metadata.IsReadable);
        Assert.Equal("custom", metadata.Recurrence.Kind);
    }
}
