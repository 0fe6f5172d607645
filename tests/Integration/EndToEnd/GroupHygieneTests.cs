using ScheduledMessages.Bot.Access;
using ScheduledMessages.Bot.Commands;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>
/// Group hygiene (issue 12): one member cannot use up a group's caps, only administrators set a
/// group's time zone, a message sent on behalf of a chat (sender_chat) is that chat's, and the
/// cancel-all confirmation answers only the person who asked.
/// </summary>
public sealed class GroupHygieneTests(GroupHygieneTests.SmallCapsFixture bot) : IClassFixture<GroupHygieneTests.SmallCapsFixture>
{
    private const long Alice = 601;
    private const long Bob = 602;
    private const long Administrator = 603;

    /// <summary>Telegram's account behind an anonymous administrator's messages (sender_chat is the group).</summary>
    private const long GroupAnonymousBot = 1087968824;

    /// <summary>Telegram's account behind messages a member sends as a channel (sender_chat is the channel).</summary>
    private const long ChannelBot = 136817688;

    [Fact]
    public async Task A_member_holds_at_most_half_of_the_groups_schedules_and_another_member_still_has_room()
    {
        var group = ChatIds.NextGroup();

        var batch = await bot.AskAsync(group, "/schedule\nin 10m One\nin 10m Two\nin 10m Three", fromUserId: Alice);
        var bobs = await bot.AskAsync(group, "/schedule in 10m Bob's", fromUserId: Bob);

        Assert.StartsWith("Scheduled 2 of 3", batch.Text, StringComparison.Ordinal);
        Assert.Contains("one member may have at most 2 of the group's 4", batch.Text, StringComparison.Ordinal);
        Assert.StartsWith("Scheduled", bobs.Text, StringComparison.Ordinal);
        Assert.Equal(["One", "Two", "Bob's"], (await bot.RowsOfChatAsync(group)).Select(r => (string?)r["message_content"]));
    }

    [Fact]
    public async Task A_member_over_their_share_of_the_groups_command_rate_is_told_so_and_another_member_is_still_answered()
    {
        var group = ChatIds.NextGroup();
        for (var i = 0; i < SmallCapsFixture.MemberCommands; i++)
        {
            Assert.StartsWith("This chat's time zone", (await bot.AskAsync(group, "/timezone", fromUserId: Alice)).Text, StringComparison.Ordinal);
        }

        var refused = await bot.AskAsync(group, "/timezone", fromUserId: Alice);
        var other = await bot.AskAsync(group, "/timezone", fromUserId: Bob);

        Assert.StartsWith(
            $"Too many commands from you in this group: one member may send {SmallCapsFixture.MemberCommands} of its {SmallCapsFixture.ChatCommands} a minute; wait ",
            refused.Text,
            StringComparison.Ordinal);
        Assert.StartsWith("This chat's time zone", other.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_administrator_named_or_anonymous_sets_a_groups_time_zone_while_anyone_may_read_it()
    {
        var group = ChatIds.NextGroup();
        bot.Api.SetAdministrators(group, Administrator);

        var refused = await bot.AskAsync(group, "/timezone Europe/Berlin", fromUserId: Alice);
        var shown = await bot.AskAsync(group, "/timezone", fromUserId: Alice);
        var set = await bot.AskAsync(group, "/timezone Europe/Berlin", fromUserId: Administrator);
        var anonymous = await AskOnBehalfOfAsync(group, "/timezone Asia/Tokyo", senderChat: group, from: GroupAnonymousBot);

        Assert.Equal("Only an administrator of this group can change its time zone.", refused.Text);
        Assert.Contains($"is {SmallCapsFixture.ZoneId}", shown.Text, StringComparison.Ordinal);
        Assert.StartsWith("Time zone set to Europe/Berlin.", set.Text, StringComparison.Ordinal);
        Assert.StartsWith("Time zone set to Asia/Tokyo.", anonymous.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_sent_as_a_channel_belongs_to_that_channel_not_to_the_shared_account_behind_it()
    {
        var group = ChatIds.NextGroup();
        var channel = ChatIds.NextGroup() - 1_000_000_000_000;
        var otherChannel = ChatIds.NextGroup() - 1_000_000_000_000;
        bot.Api.SetAdministrators(group, Administrator);

        var id = BotFixture.IdIn(await AskOnBehalfOfAsync(group, "/schedule in 10m From the channel", senderChat: channel, from: ChannelBot));
        var byOtherChannel = await AskOnBehalfOfAsync(group, $"/cancel_schedule {id}", senderChat: otherChannel, from: ChannelBot);
        var byTheAccount = await bot.AskAsync(group, $"/cancel_schedule {id}", fromUserId: ChannelBot);
        var stored = await bot.Database.QueryAsync("SELECT created_by FROM scheduled_messages WHERE id = $1", id);
        var byAnonymousAdministrator = await AskOnBehalfOfAsync(group, $"/cancel_schedule {id}", senderChat: group, from: GroupAnonymousBot);

        Assert.Equal(channel, Assert.Single(stored)["created_by"]);
        Assert.Equal(FailureText.For(new Application.Common.UseCaseFailure.NotAllowed()), byOtherChannel.Text);
        Assert.Equal(FailureText.For(new Application.Common.UseCaseFailure.NotAllowed()), byTheAccount.Text);
        Assert.StartsWith("Cancelled", byAnonymousAdministrator.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cancel_all_confirmation_pressed_by_another_member_changes_nothing_and_works_for_the_one_who_asked()
    {
        var group = ChatIds.NextGroup();
        bot.Api.SetAdministrators(group, Administrator);
        await bot.AskAsync(group, "/schedule in 10m Alice's", fromUserId: Alice);
        var ask = await bot.AskAsync(group, "/cancel_schedule all", fromUserId: Alice);
        var yes = Assert.Single(ask.InlineButtons, b => b.Text.StartsWith("Yes", StringComparison.Ordinal)).CallbackData!;
        var no = Assert.Single(ask.InlineButtons, b => b.Text.StartsWith("No", StringComparison.Ordinal)).CallbackData!;

        var byBob = await PressAsync(group, ask.MessageId, yes, Bob);
        var noByAdministrator = await PressAsync(group, ask.MessageId, no, Administrator);
        var pendingAfterOthers = (await bot.RowsOfChatAsync(group)).Select(r => (string?)r["status"]).ToList();
        var byAlice = await PressAsync(group, ask.MessageId, yes, Alice);

        Assert.Equal(CancelScheduleBotCommand.NotYoursNotice, byBob.Text);
        Assert.Equal(CancelScheduleBotCommand.NotYoursNotice, noByAdministrator.Text);
        Assert.Equal(["pending"], pendingAfterOthers);
        Assert.StartsWith("Cancelled 1 message", byAlice.Text, StringComparison.Ordinal);
        Assert.Equal(["cancelled"], (await bot.RowsOfChatAsync(group)).Select(r => (string?)r["status"]));
    }

    [Fact]
    public async Task An_anonymous_administrators_cancel_all_is_confirmed_by_an_administrator_not_by_a_member()
    {
        var group = ChatIds.NextGroup();
        bot.Api.SetAdministrators(group, Administrator);
        await bot.AskAsync(group, "/schedule in 10m Bob's", fromUserId: Bob);
        var ask = await AskOnBehalfOfAsync(group, "/cancel_schedule all", senderChat: group, from: GroupAnonymousBot);
        var yes = Assert.Single(ask.InlineButtons, b => b.Text.StartsWith("Yes", StringComparison.Ordinal)).CallbackData!;

        var byBob = await PressAsync(group, ask.MessageId, yes, Bob);
        var byAdministrator = await PressAsync(group, ask.MessageId, yes, Administrator);

        Assert.Equal(CancelScheduleBotCommand.NotYoursNotice, byBob.Text);
        Assert.StartsWith("Cancelled 1 message", byAdministrator.Text, StringComparison.Ordinal);
        Assert.Equal(["cancelled"], (await bot.RowsOfChatAsync(group)).Select(r => (string?)r["status"]));
    }

    private async Task<SentMessage> AskOnBehalfOfAsync(long group, string text, long senderChat, long from)
    {
        var before = bot.Api.SentTo(group).Count;
        bot.Api.EnqueueMessageOnBehalfOf(group, text, senderChat, from);
        return await bot.NextMessageAsync(group, before);
    }

    private async Task<AnsweredCallback> PressAsync(long group, int messageId, string data, long user)
    {
        var id = bot.Api.EnqueueCallbackQuery(group, messageId, data, user);
        await bot.Api.WaitUntilAsync(d => d.AnsweredCallbacks.Any(a => a.CallbackQueryId == id), BotFixture.ReplyTimeout);
        return bot.Api.AnsweredCallbacks.Single(a => a.CallbackQueryId == id);
    }

    /// <summary>The bot with small caps, so that a member reaches their half in a few commands: 4 schedules and 8 commands a minute a chat.</summary>
    public sealed class SmallCapsFixture : BotFixture
    {
        public const string ZoneId = "Asia/Kolkata";
        public const int ChatCommands = 8;
        public const int MemberCommands = ChatCommands / 2;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Scheduler:DefaultTimeZone", ZoneId),
            new("Scheduler:MaxActiveSchedulesPerChat", "4"),
            new($"{AccessOptions.SectionName}:ChatCommandsPerMinute", ChatCommands.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
    }
}
