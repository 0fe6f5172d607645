using ScheduledMessages.Integration.Reliability;
using ScheduledMessages.Integration.Telegram;
using Xunit.Abstractions;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>
/// With Telegram's limits on, a group flooded with commands (twice its 20 messages a minute) does
/// not slow the replies to other chats: each chat's replies wait in their own line (ADR 0802).
/// </summary>
public sealed class ReplyIsolationTests(ReplyIsolationBotFixture bot, ITestOutputHelper output) : IClassFixture<ReplyIsolationBotFixture>
{
    private const int GroupCommands = 40;
    private const int GroupLimit = 20;
    private const int Members = 4;
    private const int OtherChats = 2;
    private const int CommandsPerOtherChat = 3;

    private static readonly TimeSpan GroupPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Generous: the group's 40 replies need two of its minutes, a loaded machine more.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The double stamps a send when it arrives, a moment after the bot spent the permit; two sends a
    /// window apart may arrive closer by that much on a busy machine.
    /// </summary>
    private static readonly TimeSpan OnTheWay = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_group_flooded_by_several_members_does_not_slow_the_replies_to_other_chats()
    {
        var group = ChatIds.NextGroup();
        var members = Enumerable.Range(0, Members).Select(_ => ChatIds.NextPrivate()).ToArray();
        var others = Enumerable.Range(0, OtherChats).Select(_ => ChatIds.NextPrivate()).ToArray();
        var floods = Enumerable.Range(1, GroupCommands).Select(i => $"Flood {i:00}").ToList();

        // The group's commands come first: every other chat's command is behind all of them.
        for (var i = 0; i < floods.Count; i++)
        {
            bot.Api.EnqueueMessage(group, $"/schedule in 1h {floods[i]}", members[i % Members]);
        }

        var asked = new Dictionary<string, DateTimeOffset>();
        foreach (var chat in others)
        {
            for (var j = 1; j <= CommandsPerOtherChat; j++)
            {
                var text = $"Other {chat} {j}";
                asked[text] = DateTimeOffset.UtcNow;
                bot.Api.EnqueueMessage(chat, $"/schedule in 1h {text}");
            }
        }

        await Eventually.HoldsAsync(
            () => others.All(chat => bot.Api.SentTo(chat).Count >= CommandsPerOtherChat),
            Drain,
            () => $"Replies to the other chats: {string.Join(", ", others.Select(c => bot.Api.SentTo(c).Count))} of {CommandsPerOtherChat} each; to the group: {bot.Api.SentTo(group).Count}.");
        var otherReplies = others.SelectMany(chat => bot.Api.SentTo(chat)).ToList();
        var lastOther = otherReplies.Max(m => m.At);
        var groupOutstanding = GroupCommands - bot.Api.SentTo(group).Count(m => m.At <= lastOther);
        foreach (var reply in otherReplies)
        {
            var text = TextOf(reply);
            output.WriteLine($"{text}: answered {(reply.At - asked[text]).TotalSeconds:0.00} s after it was sent");
        }

        output.WriteLine($"When the last reply to another chat arrived, the group still had {groupOutstanding} of {GroupCommands} replies to come.");

        // Each of the group's minutes holds at most 20 of its replies, so once more than 20 are due the
        // group has a backlog for a minute; the other chats were answered while it was still there.
        Assert.True(
            groupOutstanding >= GroupCommands / 4,
            $"The other chats' replies came only when the group had {groupOutstanding} of {GroupCommands} replies left.");

        // The group's backlog drains at the group's own pace: every reply, in order, none refused.
        await Eventually.HoldsAsync(
            () => bot.Api.SentTo(group).Count >= GroupCommands,
            Drain,
            () => $"The group has {bot.Api.SentTo(group).Count} of {GroupCommands} replies.");
        var groupReplies = bot.Api.SentTo(group);
        Assert.Equal(floods, groupReplies.Select(TextOf));
        Assert.All(groupReplies, m => Assert.StartsWith("Scheduled once.", m.Text, StringComparison.Ordinal));
        Assert.Equal(0, bot.Api.TooManyRequestsCount);
        for (var i = 0; i + GroupLimit < groupReplies.Count; i++)
        {
            var gap = groupReplies[i + GroupLimit].At - groupReplies[i].At;
            Assert.True(
                gap >= GroupPeriod - OnTheWay,
                $"Group replies {i + 1} and {i + GroupLimit + 1} came {gap.TotalSeconds:0.0} s apart: more than {GroupLimit} in a minute.");
        }

        output.WriteLine($"The group's replies took {(groupReplies[^1].At - groupReplies[0].At).TotalSeconds:0} s from first to last.");
        Assert.Equal(GroupCommands, (await bot.RowsOfChatAsync(group)).Count);
    }

    /// <summary>The scheduled text a /schedule reply shows on its last line ("Text: ...").</summary>
    private static string TextOf(SentMessage reply) =>
        reply.Text[(reply.Text.LastIndexOf("Text: ", StringComparison.Ordinal) + "Text: ".Length)..];
}
