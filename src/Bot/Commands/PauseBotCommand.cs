using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Application.ScheduledMessages.Pause;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Commands;

/// <summary>/pause &lt;id&gt;: holds one of this chat's messages until /resume; also the Pause button.</summary>
public sealed class PauseBotCommand : IBotCommand, IButtonCommand
{
    public string Name => "pause";

    public string Description => "Pause a scheduled message until you resume it";

    public string Usage => "/pause <id> - the message is not sent until /resume; the id (or its first 8 characters) is shown by /schedule and /scheduled\nExample: /pause 1a2b3c4d";

    public IReadOnlyCollection<string> ButtonKeys => [MessageButtons.PauseKey];

    public ValueTask<BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        return OneMessage.RunOnOneIdAsync(
            context,
            Usage,
            reference => context.Mediator.Send(new PauseScheduledMessage(reference, context.ChatId, context.UserId, context.IsPrivateChat), cancellationToken),
            message => MessageButtons.Reply(Paused(message), message));
    }

    public ValueTask<ButtonAnswer> PressAsync(ButtonContext context, CancellationToken cancellationToken) =>
        OneMessage.PressAsync(
            context,
            reference => context.Mediator.Send(new PauseScheduledMessage(reference, context.ChatId, context.UserId, context.IsPrivateChat), cancellationToken),
            message => new ButtonAnswer("Paused.", MessageButtons.Reply(Paused(message), message)));

    private static string Paused(ScheduledMessageDto message) =>
        $"{ChatFormat.Changed(message, "Paused")}\nIt is not sent until you resume it: /resume {MessageIds.ShortForm(message.Id)}";
}
