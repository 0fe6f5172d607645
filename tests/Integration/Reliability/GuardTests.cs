using NodaTime;
using ScheduledMessages.Application.Chats;
using Microsoft.Extensions.DependencyInjection;
using ScheduledMessages.Bot.Access;
using ScheduledMessages.Bot.Telegram.Replies;
using ScheduledMessages.Integration.EndToEnd;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Reliability;

/// <summary>
/// The guards end to end through the real host: the allow-list (refused once, nothing stored,
/// nothing sent), the command rate limit, the cap on active schedules, dates absurdly far ahead,
/// and plain-text sending.
/// </summary>
public sealed class GuardTests(GuardedBotFixture bot) : IClassFixture<GuardedBotFixture>
{
    private const string BotName = "scheduled_test_bot";

    /// <summary>
    /// Every update sent so far has been handled, answered or not, and every reply sent: the way to
    /// see that something got no answer. Handling an update queues its reply in its chat's line, so
    /// the inbox drained and the reply lines idle mean nothing more is coming.
    /// </summary>
    private async Task AllHandledAsync()
    {
        await bot.AllUpdatesHandledAsync();
        await bot.Host.Services.GetRequiredService<ReplyQueue>().WhenIdleAsync().WaitAsync(BotFixture.ReplyTimeout);
    }

    [Fact]
    public async Task A_chat_outside_the_allow_list_gets_one_short_refusal_and_nothing_of_it_is_stored()
    {
        var outsider = GuardedBotFixture.NextRefused();

        bot.Api.EnqueueMessage(outsider, "/schedule daily 09:00 Let me in");
        bot.Api.EnqueueMessage(outsider, "/help");
        bot.Api.EnqueueMessage(outsider, "hello?");
        bot.Api.EnqueueMessage(outsider, "/schedule in 1m Still me");
        await AllHandledAsync();

        var refusal = Assert.Single(bot.Api.SentTo(outsider));
        Assert.Equal(CommandAccessPolicy.RefusalText, refusal.Text);
        Assert.Empty(await bot.RowsOfChatAsync(outsider));
        Assert.Empty(await bot.Database.QueryAsync("SELECT chat_id FROM chat_settings WHERE chat_id = $1", outsider));
    }

    [Fact]
    public async Task A_group_outside_the_allow_list_is_refused_once_for_a_command_and_its_chatter_is_ignored()
    {
        var group = -GuardedBotFixture.NextRefused();

        bot.Api.EnqueueMessage(group, "just chatting", fromUserId: 5);
        bot.Api.EnqueueMessage(group, $"/scheduled@{BotName}", fromUserId: 5);
        bot.Api.EnqueueMessage(group, "/help", fromUserId: 6);
        await AllHandledAsync();

        Assert.Equal([CommandAccessPolicy.RefusalText], bot.Api.SentTo(group).Select(m => m.Text));
    }

    [Fact]
    public async Task The_worker_never_sends_to_a_chat_outside_the_allow_list_even_when_its_row_was_written_by_another_tool()
    {
        var outsider = GuardedBotFixture.NextRefused();
        var insider = GuardedBotFixture.NextAllowed();
        var now = SystemClock.Instance.GetCurrentInstant();
        var refusedId = await ScheduledMessageRows.InsertAsync(bot.Database, outsider, "Written by another tool", now - Duration.FromSeconds(1));
        await ScheduledMessageRows.InsertAsync(bot.Database, insider, "For the insider", now - Duration.FromSeconds(1));

        await bot.Api.WaitForMessageAsync(insider, m => m.Text == "For the insider", BotFixture.ReplyTimeout);
        var row = await bot.WaitForRowAsync(refusedId, r => r.Status == "failed");

        Assert.Equal(1, row.Attempts);
        Assert.Contains(ChatAllowList.NotAllowedCode, row.Metadata, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Api.Calls, c => c.ChatId == outsider);
    }

    [Fact]
    public async Task A_user_flooding_commands_is_told_once_to_wait_and_then_ignored_while_others_are_still_answered()
    {
        var flooder = GuardedBotFixture.NextAllowed();

        for (var i = 0; i < GuardedBotFixture.CommandsPerMinute + 6; i++)
        {
            bot.Api.EnqueueMessage(flooder, "/help");
        }

        await AllHandledAsync();

        var replies = bot.Api.SentTo(flooder).Select(m => m.Text).ToList();
        Assert.Equal(GuardedBotFixture.CommandsPerMinute + 1, replies.Count);
        Assert.All(replies.Take(GuardedBotFixture.CommandsPerMinute), r => Assert.StartsWith("I send messages", r, StringComparison.Ordinal));
        Assert.Matches(@"^Too many commands; wait ([1-9]|[1-5][0-9]|60) s\.$", replies[^1]);
    }

    [Fact]
    public async Task A_group_whose_members_together_flood_commands_is_throttled_as_a_chat()
    {
        var group = GuardedBotFixture.AllowedGroup;

        for (var user = 1; user <= GuardedBotFixture.ChatCommandsPerMinute + 3; user++)
        {
            bot.Api.EnqueueMessage(group, $"/help@{BotName}", fromUserId: 70_000 + user);
        }

        await AllHandledAsync();

        var replies = bot.Api.SentTo(group).Select(m => m.Text).ToList();
        Assert.Equal(GuardedBotFixture.ChatCommandsPerMinute + 1, replies.Count);
        Assert.StartsWith("Too many commands; wait ", replies[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_active_schedules_than_the_configured_cap_are_refused_with_a_clear_reply_until_one_is_cancelled()
    {
        var chat = GuardedBotFixture.NextAllowed();
        var ids = new List<Guid>();
        for (var i = 1; i <= GuardedBotFixture.MaxActiveSchedules; i++)
        {
            ids.Add(BotFixture.IdIn(await bot.AskAsync(chat, $"/schedule daily 09:0{i} Reminder {i}")));
        }

        var refused = await bot.AskAsync(chat, "/schedule daily 10:00 One too many");
        Assert.Contains($"already has {GuardedBotFixture.MaxActiveSchedules} schedules still to be sent", refused.Text, StringComparison.Ordinal);
        Assert.Contains($"the most allowed is {GuardedBotFixture.MaxActiveSchedules}", refused.Text, StringComparison.Ordinal);
        Assert.Equal(GuardedBotFixture.MaxActiveSchedules, (await bot.RowsOfChatAsync(chat)).Count);

        await bot.AskAsync(chat, $"/cancel_schedule {ids[0]}");
        var accepted = await bot.AskAsync(chat, "/schedule daily 10:00 Room again");
        BotFixture.IdIn(accepted);
    }

    /// <summary>What the use case and the parser refuse as too far ahead, with the reply's key words.</summary>
    public static TheoryData<string, string> FarAhead()
    {
        var elevenYears = DateTime.UtcNow.Year + 11;
        return new TheoryData<string, string>
        {
            { $"/schedule {elevenYears}-06-01 09:00 Eleven years on", $"{elevenYears}-06-01 09:00 is more than 10 years ahead; pick an earlier time." },
            { "/schedule 9999-12-31 23:59 The end of the calendar", "9999-12-31 23:59 is more than 10 years ahead; pick an earlier time." },
            { "/schedule 10000-01-01 09:00 Year ten thousand", "I don't understand \"10000-01-01\" as a time" },
            { "/schedule in 4000d Much later", "\"4000d\" is too long: at most 366 days." },
            { "/schedule every 6000000m Every eleven years", "\"6000000m\" is too long: at most 366 days." },
        };
    }

    [Theory]
    [MemberData(nameof(FarAhead))]
    public async Task A_date_absurdly_far_ahead_is_refused_with_a_clear_reply_and_nothing_is_stored(string command, string expected)
    {
        var chat = GuardedBotFixture.NextAllowed();

        var reply = await bot.AskAsync(chat, command);

        Assert.StartsWith(expected, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Usage: /schedule", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.RowsOfChatAsync(chat));
    }

    [Fact]
    public async Task Replies_and_deliveries_are_plain_text_markup_characters_included()
    {
        var chat = GuardedBotFixture.NextAllowed();
        const string text = "<b>not bold</b> *not bold* _not italic_ [not a link](http://example.test) `not code` &amp;";

        var reply = await bot.AskAsync(chat, $"/schedule in 1h {text}");
        await bot.MakeDueAsync(BotFixture.IdIn(reply));
        var delivered = await bot.Api.WaitForMessageAsync(chat, m => m.Text == text, BotFixture.ReplyTimeout);

        Assert.Null(reply.ParseMode);
        Assert.Null(delivered.ParseMode);
        Assert.All(bot.Api.SentMessages, m => Assert.Null(m.ParseMode));
    }
}
