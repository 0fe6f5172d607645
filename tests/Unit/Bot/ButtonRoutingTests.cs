using ScheduledMessages.Application.Common;
using ScheduledMessages.Bot.Commands;

namespace ScheduledMessages.Unit.Bot;

/// <summary>Buttons are routed to command classes found the same way commands are: nothing else is registered.</summary>
public sealed class ButtonRoutingTests
{
    private static readonly IReadOnlyList<IBotCommand> Commands =
    [
        .. typeof(IBotCommand).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBotCommand).IsAssignableFrom(t))
            .Select(t => t == typeof(CancelScheduleBotCommand) ? new CancelScheduleBotCommand(new NoChatAdministrators()) : (IBotCommand)Activator.CreateInstance(t)!),
    ];

    [Fact]
    public void Every_button_handler_is_a_command_class_so_the_command_scan_finds_it()
    {
        var buttonTypes = typeof(IButtonCommand).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IButtonCommand).IsAssignableFrom(t));

        Assert.All(buttonTypes, t => Assert.True(typeof(IBotCommand).IsAssignableFrom(t), $"{t.Name} handles buttons but is no command"));
    }

    [Fact]
    public void The_catalog_routes_each_key_to_its_command()
    {
        var catalog = new CommandCatalog(Commands);

        Assert.IsType<CancelScheduleBotCommand>(catalog.FindButton("c"));
        Assert.IsType<CancelScheduleBotCommand>(catalog.FindButton("ca"));
        Assert.IsType<PauseBotCommand>(catalog.FindButton("p"));
        Assert.IsType<ResumeBotCommand>(catalog.FindButton("r"));
        Assert.IsType<ListScheduledBotCommand>(catalog.FindButton("l"));
        Assert.IsType<ListScheduledBotCommand>(catalog.FindButton("lc"));
        Assert.Null(catalog.FindButton("zz"));
    }

    [Fact]
    public void Two_commands_claiming_one_key_stop_the_bot_at_start() =>
        Assert.Throws<InvalidOperationException>(() => new CommandCatalog([.. Commands, new SecondPause()]));

    [Fact]
    public void The_new_commands_are_in_the_catalog_with_usage() =>
        Assert.All(
            new[] { "timezone", "pause", "resume", "edit" },
            name => Assert.False(string.IsNullOrWhiteSpace(new CommandCatalog(Commands).Find(name)?.Usage)));

    private sealed class SecondPause : IBotCommand, IButtonCommand
    {
        public string Name => "pause_again";

        public string Description => "Claims the pause key too";

        public string Usage => "/pause_again";

        public IReadOnlyCollection<string> ButtonKeys => ["p"];

        public ValueTask<ScheduledMessages.Bot.Conversations.BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<ScheduledMessages.Bot.Conversations.BotReply>("again");

        public ValueTask<ScheduledMessages.Bot.Conversations.ButtonAnswer> PressAsync(ButtonContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ScheduledMessages.Bot.Conversations.ButtonAnswer.Note("again"));
    }
}
