using ScheduledMessages.Application.ScheduledMessages.Cancel;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Commands;

/// <summary>/cancel_schedule &lt;id&gt;: cancels one of this chat's messages.</summary>
public sealed class CancelScheduleCommand : IBotCommand
{
    public string Name => "cancel_schedule";

    public string Description => "Cancel a scheduled message by its id";

    public string Usage => "/cancel_schedule <id> - the id is shown by /schedule and /scheduled\nExample: /cancel_schedule 0193a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b";

    public async ValueTask<BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var argument = context.Arguments.Trim();
        if (argument.Length == 0)
        {
            return $"Which message? Give its id.\n\n{Usage}";
        }

        if (!Guid.TryParse(argument, out var id))
        {
            return $"'{ChatFormat.Preview(argument)}' is not a message id.\n\n{Usage}";
        }

        var result = await context.Mediator.Send(new CancelScheduledMessage(id, context.ChatId, context.UserId), cancellationToken);
        return result.IsSuccess
            ? $"Cancelled {result.Value.Description}: {ChatFormat.Preview(result.Value.Content)}\nID: {result.Value.Id}"
            : ChatFormat.Failure(result.Failure!, Usage);
    }
}
