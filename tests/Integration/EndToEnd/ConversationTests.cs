using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ScheduledMessages.Bot.Commands;
using ScheduledMessages.Integration.Fixtures;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>Chatting with the real bot over long polling: listing, cancelling, groups, help, the menu, health.</summary>
public sealed class ConversationTests(PollingBotFixture bot) : IClassFixture<PollingBotFixture>
{
    [Fact]
    public async Task Scheduled_lists_only_the_messages_of_the_chat_that_asks()
    {
        var alice = ChatIds.NextPrivate();
        var bob = ChatIds.NextPrivate();
        var alicesId = BotFixture.IdIn(await bot.AskAsync(alice, "/schedule daily 09:00 Alice's reminder"));
        var bobsId = BotFixture.IdIn(await bot.AskAsync(bob, "/schedule every 2h Bob's reminder"));

        var alicesList = await bot.AskAsync(alice, "/scheduled");
        var bobsList = await bot.AskAsync(bob, "/scheduled");

        Assert.Contains(alicesId.ToString(), alicesList.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bobsId.ToString(), alicesList.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob's reminder", alicesList.Text, StringComparison.Ordinal);
        Assert.Contains(bobsId.ToString(), bobsList.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(alicesId.ToString(), bobsList.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduled_in_a_chat_with_nothing_scheduled_says_so()
    {
        var reply = await bot.AskAsync(ChatIds.NextPrivate(), "/scheduled");

        Assert.StartsWith("Nothing is scheduled in this chat.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_schedule_cancels_the_message_and_it_leaves_the_list()
    {
        var chat = ChatIds.NextPrivate();
        var id = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule weekly mon 09:45 Team meeting"));

        var reply = await bot.AskAsync(chat, $"/cancel_schedule {id}");

        Assert.StartsWith("Cancelled every week on Mon at 09:45: Team meeting", reply.Text, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), reply.Text, StringComparison.Ordinal);
        Assert.Equal("cancelled", (await ScheduledMessageRows.ReadAsync(bot.Database, id)).Status);
        Assert.StartsWith("Nothing is scheduled", (await bot.AskAsync(chat, "/scheduled")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_chat_cannot_cancel_a_message_and_learns_only_that_it_is_not_found()
    {
        var owner = ChatIds.NextPrivate();
        var stranger = ChatIds.NextPrivate();
        var id = BotFixture.IdIn(await bot.AskAsync(owner, "/schedule daily 09:00 Good morning!"));

        var reply = await bot.AskAsync(stranger, $"/cancel_schedule {id}");
        var unknown = await bot.AskAsync(stranger, $"/cancel_schedule {Guid.NewGuid()}");

        Assert.Equal("There is no scheduled message with that id in this chat.", reply.Text);
        Assert.Equal(unknown.Text, reply.Text);
        Assert.Equal("pending", (await ScheduledMessageRows.ReadAsync(bot.Database, id)).Status);
        Assert.Contains(id.ToString(), (await bot.AskAsync(owner, "/scheduled")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_cancel_of_the_same_message_is_answered_without_error()
    {
        var chat = ChatIds.NextPrivate();
        var id = BotFixture.IdIn(await bot.AskAsync(chat, "/schedule every 30m Time for a break"));
        await bot.AskAsync(chat, $"/cancel_schedule {id}");

        var again = await bot.AskAsync(chat, $"/cancel_schedule {id}");

        Assert.StartsWith("Cancelled", again.Text, StringComparison.Ordinal);
        Assert.Equal("cancelled", (await ScheduledMessageRows.ReadAsync(bot.Database, id)).Status);
    }

    [Fact]
    public async Task In_a_group_a_command_addressed_to_this_bot_works()
    {
        var group = ChatIds.NextGroup();

        var reply = await bot.AskAsync(group, $"/schedule@{BotApiDouble.BotUsername} weekly mon,wed,fri 08:00 Stand-up");

        Assert.StartsWith("Scheduled every week on Mon, Wed, Fri at 08:00.", reply.Text, StringComparison.Ordinal);
        var row = Assert.Single(await bot.RowsOfChatAsync(group));
        Assert.Equal("Stand-up", row["message_content"]);
        Assert.Contains(
            BotFixture.IdIn(reply).ToString(),
            (await bot.AskAsync(group, $"/scheduled@{BotApiDouble.BotUsername}")).Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_group_a_command_addressed_to_another_bot_is_ignored()
    {
        var group = ChatIds.NextGroup();
        var before = bot.Api.SentTo(group).Count;
        bot.Api.EnqueueMessage(group, "/schedule@OtherBot daily 09:00 Not for us");
        bot.Api.EnqueueMessage(group, "/help@OtherBot");

        // Updates are processed in order: once this is answered, the two before it were handled.
        var reply = await bot.AskAsync(group, $"/scheduled@{BotApiDouble.BotUsername}");

        Assert.Equal(before + 1, bot.Api.SentTo(group).Count);
        Assert.StartsWith("Nothing is scheduled", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.RowsOfChatAsync(group));
    }

    [Fact]
    public async Task In_a_group_plain_chatter_gets_no_answer()
    {
        var group = ChatIds.NextGroup();
        var before = bot.Api.SentTo(group).Count;
        bot.Api.EnqueueMessage(group, "good morning everyone");

        await bot.AskAsync(group, "/help");

        Assert.Equal(before + 1, bot.Api.SentTo(group).Count);
    }

    [Theory]
    [InlineData("/shedule daily 09:00 Hi", "I don't know the command /shedule. Did you mean /schedule")]
    [InlineData("/cancel", "I don't know the command /cancel. Did you mean /cancel_schedule")]
    [InlineData("/frobnicate", "I don't know the command /frobnicate. Send /help")]
    public async Task An_unknown_command_gets_a_hint(string command, string hint)
    {
        var reply = await bot.AskAsync(ChatIds.NextPrivate(), command);

        Assert.StartsWith(hint, reply.Text, StringComparison.Ordinal);
        Assert.Contains("/help", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_text_in_a_private_chat_points_to_help()
    {
        var reply = await bot.AskAsync(ChatIds.NextPrivate(), "hello bot");

        Assert.Contains("/help", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command_class_with_its_description()
    {
        var reply = await bot.AskAsync(ChatIds.NextPrivate(), "/help");

        var commands = CommandClasses();
        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            Assert.Contains($"/{command.Name} - {command.Description}", reply.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_for_one_command_shows_its_usage()
    {
        var reply = await bot.AskAsync(ChatIds.NextPrivate(), "/help schedule");

        Assert.Contains("Usage: /schedule <when> [options] <text>", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_greets_and_lists_the_commands()
    {
        var reply = await bot.AskAsync(ChatIds.NextPrivate(), "/start");

        Assert.StartsWith("Hello!", reply.Text, StringComparison.Ordinal);
        Assert.All(CommandClasses(), c => Assert.Contains($"/{c.Name} - ", reply.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void The_command_menu_was_registered_with_every_command_class()
    {
        var expected = CommandClasses().Select(c => new BotCommandEntry(c.Name, c.Description)).OrderBy(c => c.Command, StringComparer.Ordinal);

        Assert.Equal(expected, bot.Api.Commands.OrderBy(c => c.Command, StringComparer.Ordinal));
        Assert.Subset(
            bot.Api.Commands.Select(c => c.Command).ToHashSet(),
            new HashSet<string> { "start", "help", "schedule", "scheduled", "cancel_schedule" });
    }

    [Fact]
    public async Task Liveness_answers_200()
    {
        using var response = await bot.Host.Http.GetAsync(new Uri("health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_answers_200_while_the_database_is_up()
    {
        using var response = await bot.Host.Http.GetAsync(new Uri("health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_logs_never_contain_the_bot_token()
    {
        await bot.AskAsync(ChatIds.NextPrivate(), "/help");

        Assert.NotEmpty(bot.Host.Logs.Lines);
        Assert.DoesNotContain(bot.Host.Logs.Lines, line => line.Contains(bot.Api.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Host.Logs.Lines, line => line.Contains(bot.Api.Token.Split(':')[1], StringComparison.Ordinal));
    }

    /// <summary>
    /// Every command class of the bot: the classes are found by their type, independently of the
    /// host's registration, and must all be among the host's commands (which supply the instances).
    /// </summary>
    private List<IBotCommand> CommandClasses()
    {
        var classes = typeof(IBotCommand).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBotCommand).IsAssignableFrom(t))
            .ToHashSet();
        var registered = bot.Host.Services.GetServices<IBotCommand>().ToList();
        Assert.Equal(classes, registered.Select(c => c.GetType()).ToHashSet());
        return registered;
    }
}
