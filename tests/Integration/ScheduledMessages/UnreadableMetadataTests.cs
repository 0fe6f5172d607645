using NodaTime;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>A row another tool wrote in a shape the bot cannot read neither stops the worker nor loses data.</summary>
public sealed class UnreadableMetadataTests : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private const long Chat = 777;
    private static readonly Instant T0 = Instant.FromUtc(2030, 1, 7, 10, 0);
    private readonly PostgresFixture _db;

    public UnreadableMetadataTests(PostgresFixture db) => _db = db;

    public Task InitializeAsync() => _db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_row_with_an_unknown_recurrence_is_failed_unsent_and_its_metadata_kept_while_others_are_sent()
    {
        const string Unknown = """{"recurrence":{"type":"yearly","month":3}}""";
        var bad = await ScheduledMessageRows.InsertAsync(_db, Chat, "odd", T0 - Duration.FromMinutes(2), Unknown, priority: 1);
        var good = await ScheduledMessageRows.InsertAsync(_db, Chat, "fine", T0 - Duration.FromMinutes(1), metadataJson: null);
        await using var host = new SchedulerTestHost(_db.ConnectionString, T0);

        var report = await host.DispatchAsync();

        Assert.Equal(1, report.Delivered);
        Assert.Equal(1, report.Failed);
        Assert.Equal([(Chat, "fine")], host.Sender.Sends);
        var badRow = await ScheduledMessageRows.ReadAsync(_db, bad);
        Assert.Equal("failed", badRow.Status);
        Assert.Equal("yearly", (string?)badRow.MetadataJson["recurrence"]!["type"]);
        Assert.Equal(3, (int?)badRow.MetadataJson["recurrence"]!["month"]);
        Assert.Equal("sent", (await ScheduledMessageRows.ReadAsync(_db, good)).Status);
    }
}
