using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScheduledMessages.Application;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Bot.Access;

namespace ScheduledMessages.Unit.Bot.Access;

public sealed class AccessOptionsTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddApplication().AddAccess(configuration).BuildServiceProvider();
    }

    private static AccessOptions Bind(params (string Key, string Value)[] settings)
    {
        using var provider = Build(settings);
        return provider.GetRequiredService<IOptions<AccessOptions>>().Value;
    }

    private static ChatAllowList AllowList(params (string Key, string Value)[] settings)
    {
        using var provider = Build(settings);
        return provider.GetRequiredService<ChatAllowList>();
    }

    [Fact]
    public void The_defaults_are_valid_everyone_allowed_30_commands_a_minute_per_user_and_60_per_chat()
    {
        var options = new AccessOptions();

        Assert.True(new AccessOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal((0, 30, 60), (options.AllowedChatIds.Count, options.CommandsPerMinute, options.ChatCommandsPerMinute));
    }

    [Fact]
    public void The_allow_list_binds_from_indexed_keys_as_environment_variables_give_them()
    {
        var settings = new[] { ("Access:AllowedChatIds:0", "42"), ("Access:AllowedChatIds:1", "-1001234567890"), ("Access:CommandsPerMinute", "5") };
        var allowList = AllowList(settings);

        Assert.True(allowList.Allows(42) && allowList.Allows(-1001234567890));
        Assert.False(allowList.Allows(43));
        Assert.Equal(5, Bind(settings).CommandsPerMinute);
    }

    [Fact]
    public void The_allow_list_also_reads_one_value_of_ids_separated_by_commas()
    {
        var allowList = AllowList(("Access:AllowedChatIds", "42, -100"));

        Assert.True(allowList.Allows(42) && allowList.Allows(-100));
        Assert.False(allowList.Allows(100));
    }

    [Fact]
    public void Each_bad_value_is_named_by_its_key()
    {
        var options = new AccessOptions { CommandsPerMinute = -1, ChatCommandsPerMinute = 1_000_000, RefusalSilence = TimeSpan.Zero };
        options.AllowedChatIds.Add("5");
        options.AllowedChatIds.Add("7, my-group");

        var failures = new AccessOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(4, failures.Count);
        foreach (var key in new[] { "Access:CommandsPerMinute ", "Access:ChatCommandsPerMinute ", "Access:RefusalSilence ", "Access:AllowedChatIds:1 " })
        {
            Assert.Contains(failures, f => f.StartsWith(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_bad_value_fails_when_options_are_read_with_a_message_naming_the_key()
    {
        var validation = Assert.Throws<OptionsValidationException>(() => Bind(("Access:CommandsPerMinute", "-3")));
        Assert.Contains("Access:CommandsPerMinute", validation.Message, StringComparison.Ordinal);

        // The binder would skip an unconvertible list item silently, opening the bot to everyone.
        var typo = Assert.Throws<OptionsValidationException>(() => Bind(("Access:AllowedChatIds:0", "my-group")));
        Assert.Contains("Access:AllowedChatIds:0 'my-group'", typo.Message, StringComparison.Ordinal);

        var zero = Assert.Throws<OptionsValidationException>(() => Bind(("Access:AllowedChatIds", "0")));
        Assert.Contains("Access:AllowedChatIds:0 '0'", zero.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_allow_list_never_becomes_an_empty_one_that_lets_everyone_in()
    {
        var typo = Assert.Throws<OptionsValidationException>(() => AllowList(("Access:AllowedChatIds:0", "42"), ("Access:AllowedChatIds:1", "my-group")));

        Assert.Contains("Access:AllowedChatIds:1 'my-group'", typo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_allow_list_every_chat_is_served_also_where_access_is_not_added()
    {
        using var withoutAccess = new ServiceCollection().AddApplication().BuildServiceProvider();

        Assert.True(AllowList().Allows(99));
        Assert.True(withoutAccess.GetRequiredService<ChatAllowList>().Allows(99));
    }

    [Fact]
    public void Adding_access_twice_registers_it_once()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Access:AllowedChatIds:0", "1")]).Build();
        var services = new ServiceCollection().AddApplication();

        services.AddAccess(configuration).AddAccess(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(CommandAccessPolicy));
        using var provider = services.BuildServiceProvider();
        Assert.False(provider.GetRequiredService<ChatAllowList>().Allows(2));
    }
}
