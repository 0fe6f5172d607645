namespace ScheduledMessages.Bot.Commands;

/// <summary>
/// One chat command. Implementations in this assembly are discovered automatically: registration,
/// /help and the Telegram command menu all come from these members.
/// </summary>
public interface IBotCommand
{
    /// <summary>The name after the slash: 1..32 of a-z, 0-9 and _.</summary>
    string Name { get; }

    /// <summary>One line for the command menu (1..256 characters).</summary>
    string Description { get; }

    /// <summary>How to use it, with examples; shown by /help and after a malformed command.</summary>
    string Usage { get; }

    /// <summary>Runs the command for <paramref name="context"/> and returns the answer.</summary>
    ValueTask<Conversations.BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
