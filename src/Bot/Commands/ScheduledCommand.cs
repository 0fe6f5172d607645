using System.Text;
using ScheduledMessages.Application.ScheduledMessages.List;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Commands;

/// <summary>/scheduled: this chat's active messages with their ids and next send times.</summary>
public sealed class ScheduledCommand : IBotCommand
{
    private const int PageSize = 10;

    public string Name => "scheduled";

    public string Description => "List this chat's scheduled messages";

    public string Usage => "/scheduled - this chat's scheduled messages, soonest first\n/scheduled 2 - the second page";

    public async ValueTask<BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var page = 1;
        var argument = context.Arguments.Trim();
        if (argument.Length > 0 && (!int.TryParse(argument, out page) || page < 1))
        {
            return $"'{ChatFormat.Preview(argument)}' is not a page number.\n\n{Usage}";
        }

        var result = await context.Mediator.Send(
            new ListScheduledMessages(context.ChatId, Page: page, PageSize: PageSize),
            cancellationToken);
        if (!result.IsSuccess)
        {
            return ChatFormat.Failure(result.Failure!, Usage);
        }

        var list = result.Value;
        if (list.TotalCount == 0)
        {
            return "Nothing is scheduled in this chat. Try:\n/schedule daily 09:00 Good morning!";
        }

        if (list.Items.Count == 0)
        {
            return $"There is no page {page}: this chat has {list.TotalPages} page(s) of scheduled messages.";
        }

        var text = new StringBuilder($"Scheduled messages in this chat ({list.TotalCount}):\n");
        foreach (var message in list.Items)
        {
            text.Append('\n').Append(ChatFormat.ListItem(message)).Append('\n');
        }

        if (list.TotalPages > 1)
        {
            text.Append($"\nPage {list.Page} of {list.TotalPages}.");
            if (list.HasNextPage)
            {
                text.Append($" Next: /scheduled {list.Page + 1}");
            }
        }

        text.Append("\nCancel one with /cancel_schedule <id>.");
        return text.ToString();
    }
}
