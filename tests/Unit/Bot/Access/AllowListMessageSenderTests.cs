using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Bot.Access;

namespace ScheduledMessages.Unit.Bot.Access;

public sealed class AllowListMessageSenderTests
{
    private sealed class CountingSender : IMessageSender
    {
        public List<long> Chats { get; } = [];

        public ValueTask<SendOutcome> SendAsync(long chatId, string text, CancellationToken cancellationToken)
        {
            Chats.Add(chatId);
            return ValueTask.FromResult(SendOutcome.Delivered);
        }
    }

    private static ServiceProvider Build(Action<IServiceCollection> registerSender, params long[] allowed)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(allowed.Select((id, i) => new KeyValuePair<string, string?>($"Access:AllowedChatIds:{i}", id.ToString())))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        registerSender(services);
        services.AddAccess(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_chat_outside_the_allow_list_fails_permanently_and_the_real_sender_is_never_called()
    {
        var inner = new CountingSender();
        await using var provider = Build(s => s.AddSingleton<IMessageSender>(inner), 7);
        var sender = provider.GetRequiredService<IMessageSender>();

        var refused = await sender.SendAsync(8, "hi", CancellationToken.None);
        var sent = await sender.SendAsync(7, "hi", CancellationToken.None);

        var permanent = Assert.IsType<PermanentErrorOutcome>(refused);
        Assert.Equal(AllowListMessageSender.NotAllowedCode, permanent.Code);
        Assert.IsType<DeliveredOutcome>(sent);
        Assert.Equal([7L], inner.Chats);
    }

    [Fact]
    public async Task Without_an_allow_list_every_chat_is_sent_to()
    {
        var inner = new CountingSender();
        await using var provider = Build(s => s.AddSingleton<IMessageSender>(_ => inner));

        await provider.GetRequiredService<IMessageSender>().SendAsync(99, "hi", CancellationToken.None);

        Assert.Equal([99L], inner.Chats);
    }

    [Fact]
    public async Task A_sender_registered_by_type_is_wrapped_too_and_adding_access_twice_wraps_once()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Access:AllowedChatIds:0", "1")])
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IMessageSender, CountingSender>();
        services.AddAccess(configuration);
        services.AddAccess(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IMessageSender));
        var sender = provider.GetRequiredService<IMessageSender>();
        Assert.IsType<AllowListMessageSender>(sender);
        Assert.IsType<PermanentErrorOutcome>(await sender.SendAsync(2, "hi", CancellationToken.None));
    }
}
