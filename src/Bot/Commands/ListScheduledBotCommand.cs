using System.Globalization;
using System.Text;
using Mediator;
using ScheduledMessages.Application.Chats.GetSettings;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Application.ScheduledMessages.Cancel;
using ScheduledMessages.Application.ScheduledMessages.List;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Commands;

/// <summary>
/// /scheduled [filters] [page]: this chat's messages with their short and full ids and next send
/// times, a Cancel button for each that may still be sent, and Prev/Next buttons that show another
/// page in place.
/// </summary>
public sealed class ListScheduledBotCommand : IBotCommand, IButtonCommand
{
    private const int PageSize = 10;
    private const string PageKey = "l";
    private const string CancelKey = "lc";

    // A listing's Cancel button names the message by this many hex digits: unique in practice, and
    // short enough to leave room in the 64 bytes for the listing's filters.
    private const int ButtonIdLength = 16;

    public string Name => "scheduled";

    public string Description => "List this chat's scheduled messages";

    public string Usage =>
        "/scheduled - this chat's scheduled messages, soonest first\n/scheduled 2 - the second page\n"
        + "/scheduled [filters] [page] - " + ListingQuery.FilterHelp + "\n"
        + "Examples: /scheduled daily · /scheduled paused · /scheduled sent sort:created · /scheduled text:\"stand up\" · /scheduled all text:dentist 2";

    public IReadOnlyCollection<string> ButtonKeys => [PageKey, CancelKey];

    public async ValueTask<BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (query, problem) = ListingQuery.Parse(context.Arguments);
        if (query is null)
        {
            return $"{problem}\n\n{Usage}";
        }

        return await RenderAsync(context.Mediator, context.ChatId, query, notice: null, cancellationToken);
    }

    public async ValueTask<ButtonAnswer> PressAsync(ButtonContext context, CancellationToken cancellationToken)
    {
        if (context.Key == PageKey)
        {
            var parts = CallbackData.Split(context.Payload, 2);
            if (ReadListing(parts[0], parts.Length > 1 ? parts[1] : string.Empty) is not { } page)
            {
                return ButtonAnswer.Note("This button no longer works. Send /scheduled for a fresh list.");
            }

            return new ButtonAnswer(null, await RenderAsync(context.Mediator, context.ChatId, page, notice: null, cancellationToken));
        }

        var cancel = CallbackData.Split(context.Payload, 3);
        if (cancel.Length < 2 || ReadListing(cancel[1], cancel.Length > 2 ? cancel[2] : string.Empty) is not { } shown)
        {
            return ButtonAnswer.Note("This button no longer works. Send /scheduled for a fresh list.");
        }

        // The id is looked up within the chat the button was pressed in: another chat's reads as not found.
        string note;
        if (MessageReferences.Read(cancel[0], out var reference) is { } problem)
        {
            note = problem;
        }
        else
        {
            var result = await context.Mediator.Send(new CancelScheduledMessage(reference, context.ChatId, context.UserId, context.IsPrivateChat), cancellationToken);
            note = result.IsSuccess
                ? $"Cancelled {MessageIds.ShortForm(result.Value.Id)}: {ChatFormat.Preview(result.Value.Content)}"
                : FailureText.For(result.Failure!);
        }

        var listing = await RenderAsync(context.Mediator, context.ChatId, shown, note, cancellationToken);
        return new ButtonAnswer(OneMessage.Notice(note), listing);
    }

    private static ListingQuery? ReadListing(string page, string filters)
    {
        var (query, _) = ListingQuery.Parse(filters);
        return query is not null && int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? query with { Page = number }
            : null;
    }

    /// <summary>The listing's text and buttons; <paramref name="notice"/> (what a button just did) goes first.</summary>
    private async ValueTask<BotReply> RenderAsync(IMediator mediator, long chatId, ListingQuery query, string? notice, CancellationToken cancellationToken)
    {
        var prefix = notice is null ? string.Empty : notice + "\n\n";
        var settings = await mediator.Send(new GetChatSettings(chatId), cancellationToken);
        if (!settings.IsSuccess)
        {
            return prefix + ChatFormat.Failure(settings.Failure!, Usage);
        }

        var result = await mediator.Send(Request(chatId, query), cancellationToken);
        if (!result.IsSuccess)
        {
            return prefix + ChatFormat.Failure(result.Failure!, Usage);
        }

        var list = result.Value;
        if (list.Items.Count == 0 && list.TotalCount > 0 && notice is not null)
        {
            // A button press that emptied the last page shows the page before instead.
            query = query with { Page = list.TotalPages };
            result = await mediator.Send(Request(chatId, query), cancellationToken);
            list = result.IsSuccess ? result.Value : list;
        }

        if (list.TotalCount == 0)
        {
            return prefix + (query.IsFiltered
                ? $"No messages in this chat match {query.Filters()}. Send /scheduled for everything still to be sent."
                : "Nothing is scheduled in this chat. Try:\n/schedule daily 09:00 Good morning!");
        }

        if (list.Items.Count == 0)
        {
            return $"There is no page {query.Page}: this chat has {list.TotalPages} page(s) of scheduled messages.";
        }

        var filters = query.Filters();
        var text = new StringBuilder(prefix)
            .Append($"Scheduled messages in this chat ({list.TotalCount}{(filters.Length > 0 ? ", " + filters : string.Empty)}):\n");
        var shortIds = MessageIds.ShortestUnique(list.Items.Select(m => m.Id));
        var rows = new List<IReadOnlyList<ReplyButton>>();
        foreach (var message in list.Items)
        {
            text.Append('\n').Append(ChatFormat.ListItem(message, shortIds[message.Id], settings.Value.TimeZoneId)).Append('\n');
            if (message.Status is Domain.ScheduledMessages.MessageStatus.Pending or Domain.ScheduledMessages.MessageStatus.Rescheduled or Domain.ScheduledMessages.MessageStatus.Paused
                && CallbackData.Create(CancelKey, MessageIds.Compact(message.Id)[..ButtonIdLength], Number(list.Page), filters) is { } data)
            {
                rows.Add([new ReplyButton($"Cancel {shortIds[message.Id]}", data, $"/cancel_schedule {shortIds[message.Id]}")]);
            }
        }

        var paging = new List<ReplyButton>();
        if (list.TotalPages > 1)
        {
            text.Append($"\nPage {list.Page} of {list.TotalPages}.");
            if (list.HasNextPage)
            {
                text.Append($" Next: {query.CommandFor(list.Page + 1)}");
            }

            if (list.Page > 1 && CallbackData.Create(PageKey, Number(list.Page - 1), filters) is { } previous)
            {
                paging.Add(new ReplyButton("« Prev", previous, query.CommandFor(list.Page - 1)));
            }

            if (list.HasNextPage && CallbackData.Create(PageKey, Number(list.Page + 1), filters) is { } next)
            {
                paging.Add(new ReplyButton("Next »", next, query.CommandFor(list.Page + 1)));
            }
        }

        if (paging.Count > 0)
        {
            rows.Add(paging);
        }

        text.Append("\nCancel one with /cancel_schedule <id>, pause it with /pause <id>, change its text with /edit <id> <text>.");
        return new BotReply(text.ToString(), rows.Count > 0 ? rows : null);
    }

    private static ListScheduledMessages Request(long chatId, ListingQuery query) =>
        new(chatId, query.StatusFilter, query.Kind, query.Sort, query.Page, PageSize, query.Text);

    private static string Number(int page) => page.ToString(CultureInfo.InvariantCulture);
}
