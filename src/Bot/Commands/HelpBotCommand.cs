using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Commands;

/// <summary>/help [command]: the list of commands, or one command's usage.</summary>
public sealed class HelpBotCommand : IBotCommand
{
    public string Name => "help";

    public string Description => "List the commands, or show how to use one";

    public string Usage => "/help\n/help schedule";

    public ValueTask<BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var name = context.Arguments.Trim().TrimStart('/').ToLowerInvariant();
        if (name.Length == 0)
        {
            return ValueTask.FromResult<BotReply>(context.Catalog.HelpText());
        }

        return ValueTask.FromResult<BotReply>(context.Catalog.Find(name) is { } command
            ? $"/{command.Name} - {command.Description}\n\nUsage:\n{command.Usage}"
            : context.Catalog.UnknownCommandReply(name));
    }
}
