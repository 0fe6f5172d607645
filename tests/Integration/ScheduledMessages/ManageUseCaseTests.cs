using NodaTime;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Application.ScheduledMessages.Cancel;
using ScheduledMessages.Application.ScheduledMessages.CancelAll;
using ScheduledMessages.Application.ScheduledMessages.Edit;
using ScheduledMessages.Application.ScheduledMessages.List;
using ScheduledMessages.Application.ScheduledMessages.Pause;
using ScheduledMessages.Application.ScheduledMessages.Resume;
using ScheduledMessages.Application.ScheduledMessages.Create;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;
using ScheduledMessages.Infrastructure.Persistence;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>
/// Pause, resume, edit, id prefixes, cancel-all and the text filter through the mediator, on a
/// real database: one contract run against PostgreSQL and SQLite.
/// </summary>
public abstract class ManageUseCaseTests : IAsyncLifetime
{
    private const long Chat = 777;
    private const long OtherChat = 888;

    // Monday 2030-01-07 10:00 UTC.
    private static readonly Instant Now = Instant.FromUtc(2030, 1, 7, 10, 0);

    private static readonly DailyRecurrence DailyAtNine = new(1, new LocalTime(9, 0));

    private readonly TestStore _db;

    protected ManageUseCaseTests(TestStore db) => _db = db;

    public Task InitializeAsync() => _db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_paused_message_is_not_sent_and_a_resumed_one_is()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var id = await ScheduleAsync(host, "soon", Recurrence.OneTime, new LocalDateTime(2030, 1, 7, 10, 5));

        var paused = await host.SendAsync(new PauseScheduledMessage(id, Chat, null, IsPrivateChat: true));
        host.Clock.AdvanceMinutes(4);
        await host.DispatchAsync();

        Assert.True(paused.IsSuccess, paused.ToString());
        Assert.Equal("paused", (await ScheduledMessageRows.ReadAsync(_db, id)).Status);
        var resumed = await host.SendAsync(new ResumeScheduledMessage(id, Chat, null, IsPrivateChat: true));
        Assert.True(resumed.IsSuccess, resumed.ToString());
        host.Clock.AdvanceMinutes(2);
        await host.DispatchAsync();
        Assert.Equal("sent", (await ScheduledMessageRows.ReadAsync(_db, id)).Status);
        Assert.Equal(["soon"], host.Sender.Sends.Select(s => s.Text));
    }

    [Fact]
    public async Task Resuming_a_recurring_message_skips_what_was_missed_while_paused()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var id = await ScheduleAsync(host, "daily", DailyAtNine, null);
        await host.SendAsync(new PauseScheduledMessage(id, Chat, null, IsPrivateChat: true));
        host.Clock.AdvanceHours(24 * 3);

        var resumed = await host.SendAsync(new ResumeScheduledMessage(id, Chat, null, IsPrivateChat: true));

        Assert.True(resumed.IsSuccess, resumed.ToString());
        Assert.Equal(Instant.FromUtc(2030, 1, 11, 9, 0), resumed.Value.NextSendTime);
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(_db, id)).Status);
    }

    [Fact]
    public async Task A_one_time_message_whose_time_passed_while_paused_cannot_be_resumed()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var id = await ScheduleAsync(host, "missed", Recurrence.OneTime, new LocalDateTime(2030, 1, 7, 11, 0));
        await host.SendAsync(new PauseScheduledMessage(id, Chat, null, IsPrivateChat: true));
        host.Clock.AdvanceHours(2);

        var resumed = await host.SendAsync(new ResumeScheduledMessage(id, Chat, null, IsPrivateChat: true));

        var missed = Assert.IsType<UseCaseFailure.MissedWhilePaused>(resumed.Failure);
        Assert.Equal((new LocalDateTime(2030, 1, 7, 11, 0), MessageStatus.Paused), (missed.Message.NextSendLocal, missed.Message.Status));
        Assert.Equal("paused", (await ScheduledMessageRows.ReadAsync(_db, id)).Status);
    }

    [Fact]
    public async Task Resuming_a_message_that_is_not_paused_says_so()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var id = await ScheduleAsync(host, "running", DailyAtNine, null);

        var resumed = await host.SendAsync(new ResumeScheduledMessage(id, Chat, null, IsPrivateChat: true));

        Assert.Equal(MessageStatus.Pending, Assert.IsType<UseCaseFailure.WrongState>(resumed.Failure).Status);
    }

    [Fact]
    public async Task Finished_messages_cannot_be_paused_resumed_or_edited()
    {
        var sent = await ScheduledMessageRows.InsertAsync(_db, Chat, "done", Now - Duration.FromHours(1), status: "sent");
        var cancelled = await ScheduledMessageRows.InsertAsync(_db, Chat, "gone", Now + Duration.FromHours(1), status: "cancelled");
        await using var host = new SchedulerTestHost(_db, Now);

        var pause = await host.SendAsync(new PauseScheduledMessage(sent, Chat, null, IsPrivateChat: true));
        var resume = await host.SendAsync(new ResumeScheduledMessage(cancelled, Chat, null, IsPrivateChat: true));
        var edit = await host.SendAsync(new EditScheduledMessage(sent, Chat, null, IsPrivateChat: true, "new"));

        Assert.Equal(MessageStatus.Sent, Assert.IsType<UseCaseFailure.WrongState>(pause.Failure).Status);
        Assert.Equal(MessageStatus.Cancelled, Assert.IsType<UseCaseFailure.WrongState>(resume.Failure).Status);
        Assert.Equal(MessageStatus.Sent, Assert.IsType<UseCaseFailure.WrongState>(edit.Failure).Status);
        Assert.Equal("done", (await ScheduledMessageRows.ReadAsync(_db, sent)).Content);
    }

    [Fact]
    public async Task Another_chats_message_reads_as_not_found_for_every_change()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var id = await ScheduleAsync(host, "mine", DailyAtNine, null);

        var results = new[]
        {
            (await host.SendAsync(new PauseScheduledMessage(id, OtherChat, null, IsPrivateChat: true))).Failure,
            (await host.SendAsync(new ResumeScheduledMessage(id, OtherChat, null, IsPrivateChat: true))).Failure,
            (await host.SendAsync(new EditScheduledMessage(id, OtherChat, null, IsPrivateChat: true, "theirs"))).Failure,
            (await host.SendAsync(new CancelScheduledMessage(id, OtherChat, null, IsPrivateChat: true))).Failure,
            (await host.SendAsync(new CancelScheduledMessage(Reference(MessageIds.ShortForm(id)), OtherChat, null, IsPrivateChat: true))).Failure,
        };

        Assert.All(results, failure => Assert.IsType<UseCaseFailure.NotFound>(failure));
        var row = await ScheduledMessageRows.ReadAsync(_db, id);
        Assert.Equal(("pending", "mine"), (row.Status, row.Content));
    }

    [Fact]
    public async Task In_a_group_only_the_author_may_change_a_message_whatever_the_chats_number()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var id = (await host.SendAsync(new CreateScheduledMessage(Chat, 7, "ours", DailyAtNine, null))).Value.Id;

        var stranger = await host.SendAsync(new PauseScheduledMessage(id, Chat, 8, IsPrivateChat: false));
        var author = await host.SendAsync(new PauseScheduledMessage(id, Chat, 7, IsPrivateChat: false));

        Assert.IsType<UseCaseFailure.NotAllowed>(stranger.Failure);
        Assert.True(author.IsSuccess, author.ToString());
    }

    [Fact]
    public async Task Editing_replaces_the_text_and_keeps_the_schedule()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var id = await ScheduleAsync(host, "old text", DailyAtNine, null);
        await host.SendAsync(new PauseScheduledMessage(id, Chat, null, IsPrivateChat: true));

        var edited = await host.SendAsync(new EditScheduledMessage(id, Chat, null, IsPrivateChat: true, "new text {date}"));

        Assert.True(edited.IsSuccess, edited.ToString());
        var row = await ScheduledMessageRows.ReadAsync(_db, id);
        Assert.Equal(("paused", "new text {date}"), (row.Status, row.Content));
        Assert.Equal(Instant.FromUtc(2030, 1, 8, 9, 0), row.ScheduledTime);
    }

    [Fact]
    public async Task Editing_to_an_unknown_variable_is_refused_with_the_known_ones()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var id = await ScheduleAsync(host, "old text", DailyAtNine, null);

        var edited = await host.SendAsync(new EditScheduledMessage(id, Chat, null, IsPrivateChat: true, "Hi {nmae}"));

        var problem = Assert.Single(Assert.IsType<UseCaseFailure.Invalid>(edited.Failure).Messages);
        Assert.Contains("{nmae}", problem, StringComparison.Ordinal);
        Assert.Contains("{date}", problem, StringComparison.Ordinal);
        Assert.Equal("old text", (await ScheduledMessageRows.ReadAsync(_db, id)).Content);
    }

    [Fact]
    public async Task A_unique_prefix_of_eight_or_more_hex_digits_finds_the_message_in_either_case()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var id = await ScheduleAsync(host, "findable", DailyAtNine, null);
        var hex = MessageIds.Compact(id);

        foreach (var written in new[] { hex[..8], hex[..8].ToUpperInvariant(), hex[..13], hex[..20], hex[..31], hex, id.ToString(), id.ToString().ToUpperInvariant() })
        {
            var found = await host.SendAsync(new PauseScheduledMessage(Reference(written), Chat, null, IsPrivateChat: true));
            Assert.True(found.IsSuccess, $"{written}: {found}");
            Assert.Equal(id, found.Value.Id);
        }
    }

    [Fact]
    public async Task A_prefix_several_messages_share_is_answered_with_the_candidates()
    {
        var first = await InsertWithIdAsync("1a2b3c4d-1111-4000-8000-000000000001", "first one");
        var second = await InsertWithIdAsync("1a2b3c4d-2222-4000-8000-000000000002", "second one");
        await InsertWithIdAsync("1a2b3c4d-3333-4000-8000-000000000003", "elsewhere", OtherChat);
        await using var host = new SchedulerTestHost(_db, Now);

        var ambiguous = await host.SendAsync(new PauseScheduledMessage(Reference("1a2b3c4d"), Chat, null, IsPrivateChat: true));
        var longer = await host.SendAsync(new PauseScheduledMessage(Reference("1A2B3C4D2"), Chat, null, IsPrivateChat: true));

        var candidates = Assert.IsType<UseCaseFailure.Ambiguous>(ambiguous.Failure);
        Assert.Equal(("1a2b3c4d", false), (candidates.Prefix, candidates.HasMore));
        Assert.Equal(
            [("1a2b3c4d1", "first one", MessageStatus.Pending), ("1a2b3c4d2", "second one", MessageStatus.Pending)],
            candidates.Candidates.Select(c => (c.ShortId, c.Message.Content, c.Message.Status)));
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(_db, first)).Status);
        Assert.Equal(second, longer.Value.Id);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_row_id_written_in_lower_case_by_another_tool_is_found_by_its_prefix()
    {
        var id = await ScheduledMessageRows.InsertAsync(_db, Chat, "by another tool", Now + Duration.FromHours(1));
        if (_db.Provider == StoreProvider.Sqlite)
        {
            await _db.ExecuteAsync("UPDATE scheduled_messages SET id = lower(id)");
        }

        await using var host = new SchedulerTestHost(_db, Now);

        var found = await host.SendAsync(new PauseScheduledMessage(Reference(MessageIds.ShortForm(id).ToUpperInvariant()), Chat, null, IsPrivateChat: true));

        Assert.True(found.IsSuccess, found.ToString());
        Assert.Equal("by another tool", found.Value.Content);
    }

    [Fact]
    public async Task Cancel_all_cancels_every_open_message_of_the_chat_and_nothing_else()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        var pending = await ScheduleAsync(host, "pending", DailyAtNine, null);
        var paused = await ScheduleAsync(host, "paused", DailyAtNine, null);
        await host.SendAsync(new PauseScheduledMessage(paused, Chat, null, IsPrivateChat: true));
        var retrying = await ScheduledMessageRows.InsertAsync(_db, Chat, "retrying", Now + Duration.FromMinutes(5), status: "rescheduled");
        var sent = await ScheduledMessageRows.InsertAsync(_db, Chat, "sent", Now - Duration.FromHours(1), status: "sent");
        var elsewhere = await ScheduledMessageRows.InsertAsync(_db, OtherChat, "elsewhere", Now + Duration.FromHours(1));

        var result = await host.SendAsync(new CancelAllScheduledMessages(Chat, null, IsPrivateChat: true));
        var again = await host.SendAsync(new CancelAllScheduledMessages(Chat, null, IsPrivateChat: true));

        Assert.Equal((3, 0), (result.Value, again.Value));
        foreach (var id in new[] { pending, paused, retrying })
        {
            Assert.Equal("cancelled", (await ScheduledMessageRows.ReadAsync(_db, id)).Status);
        }

        Assert.Equal("sent", (await ScheduledMessageRows.ReadAsync(_db, sent)).Status);
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(_db, elsewhere)).Status);
    }

    [Fact]
    public async Task Listing_filters_by_text_ignoring_case_and_by_paused_or_open()
    {
        await using var host = new SchedulerTestHost(_db, Now);
        await ScheduleAsync(host, "Water the PLANTS", DailyAtNine, null);
        var paused = await ScheduleAsync(host, "Feed the cat", DailyAtNine, null);
        await ScheduleAsync(host, "plants 100% done_", Recurrence.OneTime, new LocalDateTime(2030, 1, 9, 9, 0));
        await host.SendAsync(new PauseScheduledMessage(paused, Chat, null, IsPrivateChat: true));
        await ScheduledMessageRows.InsertAsync(_db, OtherChat, "plants elsewhere", Now + Duration.FromHours(1));

        var plants = (await host.SendAsync(new ListScheduledMessages(Chat, Text: "plants"))).Value;
        var percent = (await host.SendAsync(new ListScheduledMessages(Chat, Text: "100%"))).Value;
        var underscore = (await host.SendAsync(new ListScheduledMessages(Chat, Text: "h_"))).Value;
        var wildcard = (await host.SendAsync(new ListScheduledMessages(Chat, Text: "s%d"))).Value;
        var pausedOnly = (await host.SendAsync(new ListScheduledMessages(Chat, ScheduledMessageStatusFilter.Paused))).Value;
        var active = (await host.SendAsync(new ListScheduledMessages(Chat))).Value;
        var open = (await host.SendAsync(new ListScheduledMessages(Chat, ScheduledMessageStatusFilter.Open))).Value;

        Assert.Equal(["Water the PLANTS", "plants 100% done_"], plants.Items.Select(i => i.Content));
        Assert.Equal(["plants 100% done_"], percent.Items.Select(i => i.Content));
        Assert.Empty(underscore.Items);
        Assert.Empty(wildcard.Items);
        Assert.Equal(["Feed the cat"], pausedOnly.Items.Select(i => i.Content));
        Assert.Equal(2, active.TotalCount);
        Assert.Equal(3, open.TotalCount);
    }

    [Fact]
    public async Task Paused_messages_count_towards_the_chats_limit()
    {
        await using var host = new SchedulerTestHost(_db, Now, o => o.MaxActiveSchedulesPerChat = 1);
        var paused = await ScheduleAsync(host, "held", DailyAtNine, null);
        await host.SendAsync(new PauseScheduledMessage(paused, Chat, null, IsPrivateChat: true));

        var second = await host.SendAsync(new CreateScheduledMessage(Chat, null, "one more", DailyAtNine, null));

        Assert.Equal(new UseCaseFailure.LimitReached(1, 1), second.Failure);
    }

    private static MessageReference Reference(string written) =>
        MessageReference.TryRead(written, out var reference) ? reference : throw new ArgumentException($"Not an id: {written}", nameof(written));

    [Fact]
    public async Task A_row_of_another_tool_keeps_its_metadata_as_written_until_its_schedule_changes()
    {
        // Legacy number forms and a key of its own: pausing and editing leave the text alone.
        const string Theirs = """{"recurrence":{"type":"Daily","interval":"1","time":"11:30"},"source":"crm"}""";
        var id = await ScheduledMessageRows.InsertAsync(_db, Chat, "theirs", Now + Duration.FromHours(1), Theirs);
        var stored = (await ScheduledMessageRows.ReadAsync(_db, id)).Metadata;
        await using var host = new SchedulerTestHost(_db, Now);

        Assert.True((await host.SendAsync(new PauseScheduledMessage(id, Chat, null, IsPrivateChat: true))).IsSuccess);
        Assert.True((await host.SendAsync(new EditScheduledMessage(id, Chat, null, IsPrivateChat: true, "edited"))).IsSuccess);
        var edited = await ScheduledMessageRows.ReadAsync(_db, id);
        Assert.Equal(("paused", "edited", stored), (edited.Status, edited.Content, edited.Metadata));

        Assert.True((await host.SendAsync(new ResumeScheduledMessage(id, Chat, null, IsPrivateChat: true))).IsSuccess);
        host.Clock.AdvanceHours(1);
        await host.DispatchAsync();

        // Delivered: the count is written in the bot's form, the other tool's key stays.
        var delivered = await ScheduledMessageRows.ReadAsync(_db, id);
        Assert.Equal(["edited"], host.Sender.Sends.Select(s => s.Text));
        Assert.Equal(1, (int?)delivered.MetadataJson["deliveries"]);
        Assert.Equal("crm", (string?)delivered.MetadataJson["source"]);
        Assert.Equal(1, (int?)delivered.MetadataJson["recurrence"]!["interval"]);
        Assert.Equal("daily", delivered.RecurrenceKind);
    }

    [Fact]
    public async Task A_row_whose_metadata_cannot_be_read_can_be_cancelled_and_keeps_its_text()
    {
        const string Unknown = """{"recurrence":{"type":"yearly","month":3},"source":"crm"}""";
        var id = await ScheduledMessageRows.InsertAsync(_db, Chat, "odd", Now + Duration.FromHours(1), Unknown);
        var stored = (await ScheduledMessageRows.ReadAsync(_db, id)).Metadata;
        await using var host = new SchedulerTestHost(_db, Now);

        var cancelled = await host.SendAsync(new CancelScheduledMessage(id, Chat, null, IsPrivateChat: true));

        Assert.True(cancelled.IsSuccess, cancelled.ToString());
        var row = await ScheduledMessageRows.ReadAsync(_db, id);
        Assert.Equal(("cancelled", stored), (row.Status, row.Metadata));
    }

    private static async Task<Guid> ScheduleAsync(SchedulerTestHost host, string text, Recurrence recurrence, LocalDateTime? at)
    {
        var result = await host.SendAsync(new CreateScheduledMessage(Chat, null, text, recurrence, at));
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value.Id;
    }

    private async Task<Guid> InsertWithIdAsync(string id, string content, long chatId = Chat)
    {
        var inserted = await ScheduledMessageRows.InsertAsync(_db, chatId, content, Now + Duration.FromHours(1));
        var wanted = Guid.Parse(id);
        await _db.ExecuteAsync("UPDATE scheduled_messages SET id = $1 WHERE id = $2", wanted, inserted);
        return wanted;
    }
}
