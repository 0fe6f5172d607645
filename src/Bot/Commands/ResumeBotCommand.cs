using ScheduledMessages.Application.ScheduledMessages.Resume;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Commands;

/// <summary>/resume &lt;id&gt;: lets a paused message be sent again; also the Resume button.</summary>
public sealed class ResumeBotCommand : IBotCommand, IButtonCommand
{
    public string Name => "resume";

    public string Description => "Resume a paused message";

    public string Usage => "/resume <id> - a repeating message continues with its next time after now; the id (or its first 8 characters) is shown by /scheduled\nExample: /resume 1a2b3c4d";

    public IReadOnlyCollection<string> ButtonKeys => [MessageButtons.ResumeKey];

    public ValueTask<BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        return OneMessage.RunOnOneIdAsync(
            context,
            Usage,
            reference => context.Mediator.Send(new ResumeScheduledMessage(reference, context.ChatId, context.UserId, context.IsPrivateChat), cancellationToken),
            message => MessageButtons.Reply(ChatFormat.Scheduled(message, "Resumed"), message));
    }

    public ValueTask<ButtonAnswer> PressAsync(ButtonContext context, CancellationToken cancellationToken) =>
        OneMessage.PressAsync(
            context,
            reference => context.Mediator.Send(new ResumeScheduledMessage(reference, context.ChatId, context.UserId, context.IsPrivateChat), cancellationToken),
            message => new ButtonAnswer("Resumed.", MessageButtons.Reply(ChatFormat.Scheduled(message, "Resumed"), message)));
}
