using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Commands;

/// <summary>/start: the greeting Telegram sends when someone opens the bot.</summary>
public sealed class StartBotCommand : IBotCommand
{
    public string Name => "start";

    public string Description => "Start using the bot";

    public string Usage => "/start";

    public ValueTask<BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<BotReply>(
            "Hello! I send messages to this chat at the times you choose: once, daily, weekly, monthly, or every few minutes.\n\n"
            + "Try:\n/schedule daily 09:00 Good morning!\n/schedule every 30m Time for a break\n\n"
            + context.Catalog.HelpText());
}
