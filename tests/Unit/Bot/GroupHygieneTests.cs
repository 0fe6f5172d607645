using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Bot.Access;
using ScheduledMessages.Bot.Commands;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Unit.Bot;

/// <summary>The Bot's group-hygiene rules: who the author is, members' shares of a group's rate, who answers a cancel-all, costly inputs.</summary>
public sealed class GroupHygieneTests
{
    private const long Group = -100;
    private const long Asker = 7;
    private const long Other = 8;

    private readonly FakeClock _clock = new(Instant.FromUtc(2030, 1, 1, 12, 0));

    private CommandAccessPolicy Policy(Action<AccessOptions> configure)
    {
        var options = new AccessOptions();
        configure(options);
        return new CommandAccessPolicy(
            Options.Create(options),
            new ChatAllowList(Options.Create(new ChatAllowListOptions())),
            new QuotaWindows(_clock),
            new BotIdentity { Username = "my_bot" },
            NullLogger<CommandAccessPolicy>.Instance);
    }

    private static string? Refusal(CommandAccessPolicy policy, IncomingMessage message) =>
        policy.Admits(message, out var refusal) ? "admitted" : refusal?.Text;

    [Fact]
    public void A_message_sent_on_behalf_of_a_chat_is_that_chats_not_the_shared_accounts()
    {
        Assert.Equal(-1001234, new IncomingMessage(Group, 136817688, ChatKind.Group, "/help", 1, -1001234).AuthorId);
        Assert.Equal(Group, new IncomingMessage(Group, 1087968824, ChatKind.Group, "/help", 1, Group).AuthorId);
        Assert.Equal(Asker, new IncomingMessage(Group, Asker, ChatKind.Group, "/help").AuthorId);
    }

    [Fact]
    public void A_member_may_use_half_of_the_groups_rate_and_is_told_the_limit_while_the_others_go_on()
    {
        var policy = Policy(o => { o.CommandsPerMinute = 30; o.ChatCommandsPerMinute = 10; });
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("admitted", Refusal(policy, new IncomingMessage(Group, Asker, ChatKind.Group, "/help")));
        }

        Assert.Equal(
            "Too many commands from you in this group: one member may send 5 of its 10 a minute; wait 60 s.",
            Refusal(policy, new IncomingMessage(Group, Asker, ChatKind.Group, "/help")));
        Assert.Null(Refusal(policy, new IncomingMessage(Group, Asker, ChatKind.Group, "/help")));
        Assert.Equal("admitted", Refusal(policy, new IncomingMessage(Group, Other, ChatKind.Group, "/help")));
        Assert.Equal("admitted", Refusal(policy, new IncomingMessage(-200, Asker, ChatKind.Group, "/help")));
    }

    [Fact]
    public void Two_channels_behind_one_shared_account_have_a_share_each()
    {
        var policy = Policy(o => { o.CommandsPerMinute = 0; o.ChatCommandsPerMinute = 4; });
        Assert.Equal("admitted", Refusal(policy, new IncomingMessage(Group, 136817688, ChatKind.Group, "/help", 1, -1001)));
        Assert.Equal("admitted", Refusal(policy, new IncomingMessage(Group, 136817688, ChatKind.Group, "/help", 2, -1001)));
        Assert.StartsWith("Too many commands from you", Refusal(policy, new IncomingMessage(Group, 136817688, ChatKind.Group, "/help", 3, -1001)), StringComparison.Ordinal);

        Assert.Equal("admitted", Refusal(policy, new IncomingMessage(Group, 136817688, ChatKind.Group, "/help", 4, -1002)));
    }

    [Fact]
    public void A_private_chat_and_a_share_of_100_percent_have_no_member_limit()
    {
        var policy = Policy(o => { o.CommandsPerMinute = 0; o.ChatCommandsPerMinute = 4; });
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("admitted", Refusal(policy, new IncomingMessage(42, 42, ChatKind.Private, "/help")));
        }

        var whole = Policy(o => { o.CommandsPerMinute = 0; o.ChatCommandsPerMinute = 4; o.MemberSharePercent = 100; });
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("admitted", Refusal(whole, new IncomingMessage(Group, Asker, ChatKind.Group, "/help")));
        }

        Assert.Equal("Too many commands; wait 60 s.", Refusal(whole, new IncomingMessage(Group, Asker, ChatKind.Group, "/help")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_share_outside_1_to_100_percent_stops_the_host_naming_the_key(int percent) =>
        Assert.Contains(
            "Access:MemberSharePercent must be 1 to 100",
            string.Join(" ", new AccessOptionsValidator().Validate(null, new AccessOptions { MemberSharePercent = percent }).Failures!),
            StringComparison.Ordinal);

    [Theory]
    [InlineData(Asker, false, "Nothing was cancelled.")]
    [InlineData(Other, false, CancelScheduleBotCommand.NotYoursNotice)]
    [InlineData(Other, true, CancelScheduleBotCommand.NotYoursNotice)]
    public async Task A_cancel_all_answer_is_taken_only_from_the_member_who_asked(long presser, bool presserIsAdministrator, string notice)
    {
        var answer = await Press($"ca:n:{Asker}", presser, presserIsAdministrator);

        Assert.Equal(notice, answer.Notice);
    }

    [Theory]
    [InlineData(true, "Nothing was cancelled.")]
    [InlineData(false, CancelScheduleBotCommand.NotYoursNotice)]
    public async Task An_anonymous_administrators_cancel_all_is_answered_by_any_administrator(bool presserIsAdministrator, string notice)
    {
        var answer = await Press($"ca:n:{Group}", Other, presserIsAdministrator);

        Assert.Equal(notice, answer.Notice);
    }

    [Theory]
    [InlineData("ca:y")]
    [InlineData("ca:n")]
    [InlineData("ca:y:x")]
    public async Task A_group_confirmation_that_names_no_asker_answers_nobody(string data) =>
        Assert.Equal(CancelScheduleBotCommand.NotYoursNotice, (await Press(data, Asker, true)).Notice);

    [Fact]
    public async Task In_a_private_chat_the_confirmation_works_as_before()
    {
        var command = new CancelScheduleBotCommand(new Administrators(false));
        var press = new IncomingCallback("q", 42, 42, ChatKind.Private, 5, "ca:n");

        var answer = await command.PressAsync(new ButtonContext(press, "ca", "n", null!, null!), CancellationToken.None);

        Assert.Equal("Nothing was cancelled.", answer.Notice);
    }

    [Fact]
    public async Task A_message_longer_than_any_telegram_delivers_is_answered_without_running_the_command()
    {
        var handler = new ConversationHandler(
            new CommandCatalog([]),
            null!,
            new BotIdentity { Username = "my_bot" },
            Policy(o => { o.CommandsPerMinute = 0; o.ChatCommandsPerMinute = 0; }),
            NullLogger<ConversationHandler>.Instance);
        var text = "/schedule daily 09:00 " + new string('x', ConversationHandler.MaxTextLength);

        var reply = await handler.HandleAsync(new IncomingMessage(42, 42, ChatKind.Private, text), CancellationToken.None);

        Assert.Equal($"That message has {text.Length:N0} characters; I read at most 8,192. Send a shorter one, e.g. /schedule daily 09:00 Good morning!", reply!.Text);
    }

    [Theory]
    [InlineData("1000000000", "There is no page 1000000000: pages go from 1 to at most 10,000, e.g. /scheduled 2.")]
    [InlineData("page:99999999999", "There is no page 99999999999: pages go from 1 to at most 10,000, e.g. /scheduled 2.")]
    [InlineData("٣", "\"٣\" is written with digits other than 0-9; I read only 0-9: write 3.")]
    [InlineData("page:１２", "\"１２\" is written with digits other than 0-9; I read only 0-9: write 12.")]
    public void A_page_past_the_most_or_in_other_digits_is_answered_before_any_query(string arguments, string problem)
    {
        var (query, answer) = ListingQuery.Parse(arguments);

        Assert.Null(query);
        Assert.Equal(problem, answer);
    }

    [Fact]
    public void The_last_page_there_may_be_is_still_read() =>
        Assert.Equal(10_000, ListingQuery.Parse("10000").Query!.Page);

    [Fact]
    public void An_id_in_other_digits_gets_the_same_id_in_0_to_9() =>
        Assert.Equal(
            "\"١٢٣٤٥٦٧٨\" is written with digits other than 0-9; I read only 0-9: write 12345678.",
            MessageReferences.Problem("١٢٣٤٥٦٧٨"));

    private static async Task<ButtonAnswer> Press(string data, long presser, bool presserIsAdministrator)
    {
        var command = new CancelScheduleBotCommand(new Administrators(presserIsAdministrator));
        Assert.True(CallbackData.TryParse(data, out var key, out var payload));
        var press = new IncomingCallback("q", Group, presser, ChatKind.Group, 5, data);

        // The mediator is never reached: a "No" changes nothing, a refused press neither.
        return await command.PressAsync(new ButtonContext(press, key, payload, null!, null!), CancellationToken.None);
    }

    private sealed class Administrators(bool answer) : IChatAdministrators
    {
        public ValueTask<bool> IsAdministratorAsync(long chatId, long userId, CancellationToken cancellationToken) => ValueTask.FromResult(answer);
    }
}
