namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>In a group, only a message's author or a chat administrator may change it (issue 8).</summary>
public sealed class GroupPermissionTests(PollingBotFixture bot) : IClassFixture<PollingBotFixture>
{
    private const long Author = 501;
    private const long Member = 502;
    private const long Administrator = 503;

    [Fact]
    public async Task A_member_cannot_cancel_pause_or_edit_someone_elses_message_but_an_administrator_can()
    {
        var group = ChatIds.NextGroup();
        bot.Api.SetAdministrators(group, 999, Administrator);
        var id = BotFixture.IdIn(await bot.AskAsync(group, "/schedule in 10m Team lunch", fromUserId: Author));

        foreach (var command in new[] { $"/cancel_schedule {id}", $"/pause {id}", $"/edit {id} Hijacked" })
        {
            var refused = await bot.AskAsync(group, command, fromUserId: Member);
            Assert.Contains("Only the person who scheduled this message or a chat administrator can change it.", refused.Text, StringComparison.Ordinal);
        }

        var row = Assert.Single(await bot.RowsOfChatAsync(group));
        Assert.Equal("pending", row["status"]);
        Assert.Equal("Team lunch", row["message_content"]);

        var paused = await bot.AskAsync(group, $"/pause {id}", fromUserId: Author);
        Assert.StartsWith("Paused", paused.Text, StringComparison.Ordinal);
        var cancelled = await bot.AskAsync(group, $"/cancel_schedule {id}", fromUserId: Administrator);
        Assert.StartsWith("Cancelled", cancelled.Text, StringComparison.Ordinal);
        Assert.Equal("cancelled", Assert.Single(await bot.RowsOfChatAsync(group))["status"]);
    }

    [Fact]
    public async Task Cancel_all_by_a_member_cancels_only_their_own_messages()
    {
        var group = ChatIds.NextGroup();
        bot.Api.SetAdministrators(group, 999);
        await bot.AskAsync(group, "/schedule in 10m Mine", fromUserId: Member);
        await bot.AskAsync(group, "/schedule in 10m Theirs", fromUserId: Author);

        var ask = await bot.AskAsync(group, "/cancel_schedule all", fromUserId: Member);
        var confirm = Assert.Single(ask.InlineButtons, b => b.Text.StartsWith("Yes", StringComparison.Ordinal));
        var before = bot.Api.Edits.Count;
        bot.Api.EnqueueCallbackQuery(group, ask.MessageId, confirm.CallbackData!, Member);
        await bot.Api.WaitUntilAsync(d => d.Edits.Count > before, BotFixture.ReplyTimeout);

        var rows = await bot.RowsOfChatAsync(group);
        Assert.Equal("cancelled", rows.Single(r => (string?)r["message_content"] == "Mine")["status"]);
        Assert.Equal("pending", rows.Single(r => (string?)r["message_content"] == "Theirs")["status"]);
    }
}
