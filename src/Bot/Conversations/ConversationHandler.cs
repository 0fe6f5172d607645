using Mediator;
using ScheduledMessages.Bot.Access;
using ScheduledMessages.Bot.Commands;

namespace ScheduledMessages.Bot.Conversations;

/// <summary>
/// Answers what people send, whatever the transport (Telegram polling, webhook, console): finds
/// the command, runs it, and turns every failure into a reply. A transient failure (database
/// down) is rethrown so that the transport does not acknowledge the update.
/// </summary>
public sealed partial class ConversationHandler(
    CommandCatalog catalog,
    IMediator mediator,
    BotIdentity identity,
    CommandAccessPolicy access,
    ILogger<ConversationHandler> logger)
{
    /// <summary>
    /// The longest message read: twice what Telegram delivers (4,096 characters), so no real message
    /// is refused, while a longer text (another transport, a forged update) costs no work.
    /// </summary>
    public const int MaxTextLength = 8192;

    /// <summary>The reply to <paramref name="message"/>, or null when it is not for this bot.</summary>
    public async ValueTask<BotReply?> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (!access.Admits(message, out var refusal))
        {
            return refusal;
        }

        if (CommandLine.Parse(message.Text) is not { } line)
        {
            // In groups the bot only listens to commands; in a private chat it points to /help.
            return message.ChatKind == ChatKind.Private
                ? new BotReply("I understand commands. Send /help to see them, or try:\n/schedule daily 09:00 Good morning!")
                : null;
        }

        if (!line.IsFor(identity.Username))
        {
            // Only this bot reads a private chat, so a command there for another bot gets a hint, not silence.
            return message.ChatKind == ChatKind.Private ? new BotReply("That command is addressed to another bot. Send /help to see mine.") : null;
        }

        if (message.Text.Length > MaxTextLength)
        {
            return $"That message has {message.Text.Length:N0} characters; I read at most {MaxTextLength:N0}. Send a shorter one, e.g. /schedule daily 09:00 Good morning!";
        }

        if (catalog.Find(line.Name) is not { } command)
        {
            return catalog.UnknownCommandReply(line.Name);
        }

        try
        {
            return await command.ExecuteAsync(new CommandContext(message, line.Arguments, mediator, catalog), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && !TransientFailure.IsTransient(e))
        {
            LogCommandFailed(logger, e, command.Name, message.ChatId);
            return $"Sorry, something went wrong on my side while running /{command.Name}. Please try again; if it keeps happening, send /help.";
        }
    }

    /// <summary>
    /// What a press of one of the bot's buttons does. A button of an unknown kind (an old message,
    /// forged data) only gets a note; a transient failure is rethrown for the transport to answer.
    /// </summary>
    public async ValueTask<ButtonAnswer> HandleButtonAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        if (!access.Admits(callback, out var notice))
        {
            return ButtonAnswer.Note(notice ?? "Too many presses; wait a moment.");
        }

        if (!Commands.CallbackData.TryParse(callback.Data, out var key, out var payload) || catalog.FindButton(key) is not { } command)
        {
            return ButtonAnswer.Note("This button no longer works. Send /scheduled for a fresh list.");
        }

        try
        {
            return await command.PressAsync(new ButtonContext(callback, key, payload, mediator, catalog), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && !TransientFailure.IsTransient(e))
        {
            LogButtonFailed(logger, e, key, callback.ChatId);
            return ButtonAnswer.Note("Sorry, something went wrong on my side. Please try again, or use the command instead.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Button '{Key}' failed in chat {ChatId}")]
    private static partial void LogButtonFailed(ILogger logger, Exception exception, string key, long chatId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command /{Command} failed in chat {ChatId}")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception, string command, long chatId);
}
