using ScheduledMessages.Application.ScheduledMessages.Edit;
using ScheduledMessages.Bot.Conversations;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Bot.Commands;

/// <summary>/edit &lt;id&gt; &lt;new text&gt;: replaces the text of one of this chat's messages, keeping its schedule.</summary>
public sealed class EditBotCommand : IBotCommand
{
    public string Name => "edit";

    public string Description => "Change the text of a scheduled message";

    public string Usage =>
        "/edit <id> <new text> - keeps the schedule; the text may use " + string.Join(" ", MessageTemplate.Names) +
        "\nExample: /edit 1a2b3c4d Stand-up moved to room 4 ({weekday})";

    public ValueTask<BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        var end = 0;
        while (end < arguments.Length && !char.IsWhiteSpace(arguments[end]))
        {
            end++;
        }

        var token = arguments[..end];
        var text = arguments[end..].Trim();
        if (token.Length == 0)
        {
            return ValueTask.FromResult<BotReply>($"Which message? Give its id, then the new text.\n\n{Usage}");
        }

        if (MessageReferences.Problem(token) is null && text.Length == 0)
        {
            return ValueTask.FromResult<BotReply>($"Missing the new text after the id.\n\n{Usage}");
        }

        return OneMessage.RunAsync(
            context,
            token,
            Usage,
            reference => context.Mediator.Send(new EditScheduledMessage(reference, context.ChatId, context.UserId, context.IsPrivateChat, text), cancellationToken),
            message => MessageButtons.Reply($"{ChatFormat.Changed(message, "Edited")}\nThe schedule is unchanged.", message));
    }
}
