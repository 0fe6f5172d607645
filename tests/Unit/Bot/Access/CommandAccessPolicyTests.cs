using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Bot.Access;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Unit.Bot.Access;

public sealed class CommandAccessPolicyTests
{
    private const string BotName = "my_bot";

    private readonly FakeClock _clock = new(Instant.FromUtc(2030, 1, 1, 12, 0));

    private CommandAccessPolicy Policy(Action<AccessOptions>? configure = null)
    {
        var options = new AccessOptions();
        configure?.Invoke(options);
        var wrapped = Options.Create(options);
        return new CommandAccessPolicy(
            wrapped,
            new ChatAllowList(Options.Create(AllowList(options))),
            new QuotaWindows(_clock),
            new BotIdentity { Username = BotName },
            NullLogger<CommandAccessPolicy>.Instance);
    }

    private static ChatAllowListOptions AllowList(AccessOptions options)
    {
        var allowed = new ChatAllowListOptions();
        allowed.ChatIds.UnionWith(options.ChatIds());
        return allowed;
    }

    private static IncomingMessage Private(long chat, string text = "/help") => new(chat, chat, ChatKind.Private, text);

    private static IncomingMessage Group(long chat, long user, string text) => new(chat, user, ChatKind.Group, text);

    private static (bool Admitted, string? Reply) Ask(CommandAccessPolicy policy, IncomingMessage message)
    {
        var admitted = policy.Admits(message, out var refusal);
        return (admitted, refusal?.Text);
    }

    [Fact]
    public void A_user_is_answered_once_with_the_wait_after_the_limit_and_then_dropped_silently_until_the_minute_passes()
    {
        var policy = Policy(o => o.CommandsPerMinute = 30);
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal((true, null), Ask(policy, Private(42)));
        }

        _clock.Advance(Duration.FromSeconds(15));
        Assert.Equal((false, "Too many commands; wait 45 s."), Ask(policy, Private(42)));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal((false, null), Ask(policy, Private(42)));
        }

        _clock.Advance(Duration.FromSeconds(45));
        Assert.Equal((true, null), Ask(policy, Private(42)));
    }

    [Fact]
    public void Another_user_is_not_held_up_by_one_who_floods()
    {
        var policy = Policy(o => o.CommandsPerMinute = 2);
        Ask(policy, Private(1));
        Ask(policy, Private(1));
        Assert.False(Ask(policy, Private(1)).Admitted);

        Assert.Equal((true, null), Ask(policy, Private(2)));
    }

    [Fact]
    public void A_group_is_throttled_as_a_whole_when_its_members_together_exceed_the_chat_limit()
    {
        var policy = Policy(o => { o.CommandsPerMinute = 30; o.ChatCommandsPerMinute = 5; });
        for (var user = 1; user <= 5; user++)
        {
            Assert.True(Ask(policy, Group(-100, user, "/scheduled")).Admitted);
        }

        Assert.Equal((false, "Too many commands; wait 60 s."), Ask(policy, Group(-100, 6, "/scheduled")));
        Assert.Equal((false, null), Ask(policy, Group(-100, 7, "/help")));
        Assert.True(Ask(policy, Group(-200, 7, "/help")).Admitted);
    }

    [Fact]
    public void Group_chatter_and_commands_for_other_bots_are_neither_counted_nor_refused()
    {
        var policy = Policy(o => { o.CommandsPerMinute = 1; o.AllowedChatIds.Add("-1"); });
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal((true, null), Ask(policy, Group(-100, 5, "hello everyone")));
            Assert.Equal((true, null), Ask(policy, Group(-100, 5, "/help@other_bot")));
        }

        Assert.Equal((true, null), Ask(policy, Group(-1, 5, "/help@my_bot")));
    }

    [Fact]
    public void Limits_of_zero_turn_throttling_off()
    {
        var policy = Policy(o => { o.CommandsPerMinute = 0; o.ChatCommandsPerMinute = 0; });

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(Ask(policy, Private(3)).Admitted);
        }
    }

    [Fact]
    public void With_an_allow_list_another_chat_gets_one_short_refusal_then_silence_until_the_refusal_silence_passes()
    {
        var policy = Policy(o => { o.AllowedChatIds.Add("10, -20"); o.RefusalSilence = TimeSpan.FromMinutes(30); });

        Assert.Equal((false, CommandAccessPolicy.RefusalText), Ask(policy, Private(11, "/schedule daily 09:00 Hi")));
        Assert.Equal((false, null), Ask(policy, Private(11, "/help")));
        Assert.Equal((false, null), Ask(policy, Private(11, "plain text")));
        _clock.Advance(Duration.FromMinutes(30));
        Assert.Equal((false, CommandAccessPolicy.RefusalText), Ask(policy, Private(11, "/help")));

        Assert.Equal((true, null), Ask(policy, Private(10, "/help")));
        Assert.Equal((true, null), Ask(policy, Group(-20, 7, "/help")));
        Assert.Equal((false, CommandAccessPolicy.RefusalText), Ask(policy, Group(-21, 7, "/help")));
    }

    [Fact]
    public void A_button_press_from_a_chat_outside_the_allow_list_is_refused_like_a_command()
    {
        var policy = Policy(o => o.AllowedChatIds.Add("10"));

        Assert.False(policy.Admits(new IncomingCallback("q1", 11, 11, ChatKind.Private, 5, "c:0123"), out var notice));
        Assert.Equal(CommandAccessPolicy.RefusalText, notice);
        Assert.True(policy.Admits(new IncomingCallback("q2", 10, 10, ChatKind.Private, 5, "c:0123"), out var none));
        Assert.Null(none);
    }

    [Fact]
    public void Button_presses_count_towards_the_users_limit()
    {
        var policy = Policy(o => { o.CommandsPerMinute = 2; o.ChatCommandsPerMinute = 0; });

        Assert.True(policy.Admits(Private(10), out _));
        Assert.True(policy.Admits(new IncomingCallback("q1", 10, 10, ChatKind.Private, 5, "p:0123"), out _));
        Assert.False(policy.Admits(new IncomingCallback("q2", 10, 10, ChatKind.Private, 5, "p:0123"), out var notice));
        Assert.StartsWith("Too many commands", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refusal_is_short_and_names_no_chat()
    {
        Assert.True(CommandAccessPolicy.RefusalText.Length < 100);
        Assert.DoesNotContain("1", CommandAccessPolicy.RefusalText, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_allow_list_lets_every_chat_in()
    {
        var policy = Policy();

        Assert.True(Ask(policy, Private(123_456)).Admitted);
        Assert.True(Ask(policy, Group(-987, 1, "/help")).Admitted);
    }
}
