using NodaTime;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>/pause, /resume and /edit by full or short id, only within the chat, with clear answers for finished messages.</summary>
public sealed class PauseResumeEditTests(DeliveryBotFixture bot) : IClassFixture<DeliveryBotFixture>
{
    [Fact]
    public async Task A_paused_message_is_not_sent_at_its_time_and_a_resumed_one_is_sent()
    {
        var chat = ChatIds.NextPrivate();
        var id = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule in 1h Paused for a while"));

        var paused = await bot.AskAsync(chat, $"/pause {MessageIds.ShortForm(id)}");

        Assert.StartsWith("Paused once: Paused for a while", paused.Text, StringComparison.Ordinal);
        Assert.Contains($"/resume {MessageIds.ShortForm(id)}", paused.Text, StringComparison.Ordinal);
        Assert.Equal(["Cancel", "Resume"], paused.InlineButtons.Select(b => b.Text));

        // Its time comes while it is paused. A witness in the same chat falls due just after it, and
        // a chat's due messages are sent in order: once the witness arrives, the paused one was passed over.
        var witness = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule in 1h Witness"));
        await bot.MakeDueAsync(id, witness);
        await bot.Api.WaitForMessageAsync(chat, m => m.Text == "Witness", BotFixture.ReplyTimeout);
        Assert.DoesNotContain(bot.Api.SentTo(chat), m => m.Text == "Paused for a while");
        Assert.Equal("paused", (await ScheduledMessageRows.ReadAsync(bot.Database, id)).Status);

        // Its time passed while paused: a one-time message is not sent late unasked.
        var late = await bot.AskAsync(chat, $"/resume {id}");
        Assert.Contains("passed while it was paused", late.Text, StringComparison.Ordinal);

        var fresh = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule in 1h Resumed in time"));
        await bot.AskAsync(chat, $"/pause {fresh}");
        var resumed = await bot.AskAsync(chat, $"/resume {MessageIds.ShortForm(fresh)}");
        Assert.StartsWith("Resumed once.", resumed.Text, StringComparison.Ordinal);
        Assert.Equal(["Cancel", "Pause"], resumed.InlineButtons.Select(b => b.Text));
        await bot.MakeDueAsync(fresh);
        await bot.Api.WaitForMessageAsync(chat, m => m.Text == "Resumed in time", BotFixture.ReplyTimeout);
        Assert.Equal("sent", (await bot.WaitForRowAsync(fresh, r => r.Status == "sent")).Status);
    }

    [Fact]
    public async Task A_recurring_message_resumes_at_its_next_time()
    {
        var chat = ChatIds.NextPrivate();
        var id = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule daily 09:00 Every morning"));
        await bot.AskAsync(chat, $"/pause {id}");
        var before = SystemClock.Instance.GetCurrentInstant().InUtc();

        var resumed = await bot.AskAsync(chat, $"/resume {id}");

        // 09:00 may pass while the bot answers: then either day is right.
        var after = SystemClock.Instance.GetCurrentInstant().InUtc();
        var (shown, zone) = ExpectedTimes.NextSend(resumed.Text);
        Assert.Equal("UTC", zone);
        Assert.Contains(shown, new[] { before, after }.Select(now => ExpectedTimes.NextWallClock(now, _ => true, new LocalTime(9, 0))));
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(bot.Database, id)).Status);
    }

    [Fact]
    public async Task Edit_changes_the_text_that_is_sent_and_keeps_the_time()
    {
        var chat = ChatIds.NextPrivate();
        var reply = await bot.AskAsync(chat, "/schedule in 1h Old text");
        var id = BotFixture.IdIn(reply);
        var before = await ScheduledMessageRows.ReadAsync(bot.Database, id);

        var edited = await bot.AskAsync(chat, $"/edit {MessageIds.ShortForm(id)} New text, line one\nline two");

        Assert.StartsWith("Edited once: New text, line one line two", edited.Text, StringComparison.Ordinal);
        Assert.Equal(before.ScheduledTime, (await ScheduledMessageRows.ReadAsync(bot.Database, id)).ScheduledTime);
        await bot.MakeDueAsync(id);
        var delivered = await bot.Api.WaitForMessageAsync(chat, m => m.Text.StartsWith("New text", StringComparison.Ordinal), BotFixture.ReplyTimeout);
        Assert.Equal("New text, line one\nline two", delivered.Text);
        Assert.DoesNotContain(bot.Api.SentTo(chat), m => m.Text == "Old text");
    }

    [Theory]
    [InlineData("/edit", "Which message? Give its id, then the new text.")]
    [InlineData("/edit 1a2b3c4d", "Missing the new text after the id.")]
    [InlineData("/edit 12345 New", "'12345' is not a message id.")]
    [InlineData("/pause", "Which message? Give its id.")]
    [InlineData("/pause 1a2b3c4d 5e6f7a8b", "Give one id.")]
    [InlineData("/resume not-an-id", "'not-an-id' is not a message id.")]
    public async Task A_malformed_pause_resume_or_edit_is_answered_with_the_problem_and_the_usage(string command, string problem)
    {
        var chat = ChatIds.NextPrivate();

        var reply = await bot.AskAsync(chat, command);

        Assert.StartsWith(problem, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Example: /" + command.Split(' ')[0].TrimStart('/') + " 1a2b3c4d", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_chats_id_reads_as_not_found_for_pause_resume_and_edit()
    {
        var owner = ChatIds.NextPrivate();
        var stranger = ChatIds.NextPrivate();
        var id = BotFixture.IdIn(await bot.AskAsync(owner, "/schedule daily 09:00 Mine"));

        foreach (var command in new[] { $"/pause {id}", $"/resume {MessageIds.ShortForm(id)}", $"/edit {MessageIds.ShortForm(id)} Theirs" })
        {
            var reply = await bot.AskAsync(stranger, command);
            Assert.Equal("There is no scheduled message with that id in this chat.", reply.Text);
        }

        var row = await ScheduledMessageRows.ReadAsync(bot.Database, id);
        Assert.Equal(("pending", "Mine"), (row.Status, row.Content));
    }

    [Fact]
    public async Task Finished_messages_get_a_clear_answer()
    {
        var chat = ChatIds.NextPrivate();
        var id = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule in 1h Soon done"));
        await bot.MakeDueAsync(id);
        await bot.WaitForRowAsync(id, r => r.Status == "sent");
        var cancelled = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule daily 09:00 Soon gone"));
        await bot.AskAsync(chat, $"/cancel_schedule {cancelled}");

        Assert.Equal("This message was already sent, so it can no longer be paused.", (await bot.AskAsync(chat, $"/pause {id}")).Text);
        Assert.Equal("This message was already sent, so its text can no longer be changed.", (await bot.AskAsync(chat, $"/edit {id} Again")).Text);
        Assert.Equal("This message was already cancelled, so it can no longer be resumed.", (await bot.AskAsync(chat, $"/resume {cancelled}")).Text);
        Assert.Equal("This message is not paused; it is still scheduled.", (await bot.AskAsync(chat, $"/resume {BotFixture.IdIn(await bot.AskAsync(chat, "/schedule daily 10:00 Running"))}")).Text);
    }

    [Fact]
    public async Task Editing_to_an_unknown_variable_is_refused_with_the_known_ones()
    {
        var chat = ChatIds.NextPrivate();
        var id = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule daily 09:00 Fine"));

        var reply = await bot.AskAsync(chat, $"/edit {id} Hi {{nmae}}");

        Assert.StartsWith("Unknown variable {nmae}. Variables: {date}", reply.Text, StringComparison.Ordinal);
        Assert.Equal("Fine", (await ScheduledMessageRows.ReadAsync(bot.Database, id)).Content);
    }

    [Fact]
    public async Task A_short_id_several_messages_share_is_answered_with_the_candidates()
    {
        var chat = ChatIds.NextPrivate();
        var first = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule daily 09:00 First twin"));
        var second = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule daily 10:00 Second twin"));
        await bot.Database.ExecuteAsync("UPDATE scheduled_messages SET id = $1 WHERE id = $2", Guid.Parse("abcdef12-1111-4000-8000-000000000001"), first);
        await bot.Database.ExecuteAsync("UPDATE scheduled_messages SET id = $1 WHERE id = $2", Guid.Parse("abcdef12-2222-4000-8000-000000000002"), second);

        var ambiguous = await bot.AskAsync(chat, "/pause abcdef12");
        var precise = await bot.AskAsync(chat, "/pause abcdef122");

        Assert.StartsWith("2 messages in this chat have ids starting with abcdef12:", ambiguous.Text, StringComparison.Ordinal);
        Assert.Contains("abcdef121 - every day at 09:00, pending: First twin", ambiguous.Text, StringComparison.Ordinal);
        Assert.Contains("abcdef122 - every day at 10:00, pending: Second twin", ambiguous.Text, StringComparison.Ordinal);
        Assert.StartsWith("Paused every day at 10:00: Second twin", precise.Text, StringComparison.Ordinal);
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(bot.Database, Guid.Parse("abcdef12-1111-4000-8000-000000000001"))).Status);
    }
}
