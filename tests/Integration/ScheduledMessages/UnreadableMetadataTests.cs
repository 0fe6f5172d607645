using NodaTime;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Application.ScheduledMessages.List;
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

    [Fact]
    public async Task A_row_in_a_status_the_bot_does_not_know_is_neither_listed_nor_sent_nor_changed()
    {
        var foreign = await ScheduledMessageRows.InsertAsync(_db, Chat, "theirs", T0 - Duration.FromMinutes(1), metadataJson: null);
        await _db.ExecuteAsync("UPDATE scheduled_messages SET status = 'processing' WHERE id = $1", foreign);
        await ScheduledMessageRows.InsertAsync(_db, Chat, "ours", T0 + Duration.FromHours(1), metadataJson: null);
        await using var host = new SchedulerTestHost(_db.ConnectionString, T0);

        var listed = await host.SendAsync(new ListScheduledMessages(Chat, ScheduledMessageStatusFilter.All));
        var report = await host.DispatchAsync();

        Assert.True(listed.IsSuccess, listed.ToString());
        Assert.Equal(["ours"], listed.Value.Items.Select(m => m.Content));
        Assert.Equal(0, report.Claimed);
        Assert.Equal("processing", (await ScheduledMessageRows.ReadAsync(_db, foreign)).Status);
    }
}
