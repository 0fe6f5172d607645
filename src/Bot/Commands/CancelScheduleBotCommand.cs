using System.Globalization;
using System.Text;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Application.ScheduledMessages.Cancel;
using ScheduledMessages.Application.ScheduledMessages.CancelAll;
using ScheduledMessages.Application.ScheduledMessages.List;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Commands;

/// <summary>
/// /cancel_schedule &lt;id&gt; [&lt;id&gt; ...] | all: cancels this chat's messages, each id answered;
/// "all" asks for confirmation with a button first. Also the Cancel button under a message.
/// </summary>
/// <remarks>
/// The confirmation buttons carry who asked ("ca:y:&lt;author&gt;"), and in a group only that person
/// may press them; anyone else is told so and nothing changes. When an anonymous administrator
/// asked (the author is the group itself, and Telegram hides who pressed as which administrator),
/// any administrator may confirm.
/// </remarks>
public sealed class CancelScheduleBotCommand(IChatAdministrators administrators) : IBotCommand, IButtonCommand
{
    /// <summary>The note for a member who presses the confirmation another member asked for.</summary>
    public const string NotYoursNotice = "Only the person who asked can answer this.";

    /// <summary>The most ids one command cancels.</summary>
    public const int MaxIds = 20;

    private const string ConfirmAllKey = "ca";
    private const string Yes = "y";
    private const string No = "n";

    public string Name => "cancel_schedule";

    public string Description => "Cancel a scheduled message by its id";

    public string Usage =>
        "/cancel_schedule <id> - the id is shown by /schedule and /scheduled\n"
        + "/cancel_schedule <id> <id> ... - several at once; the first 8 characters of an id will do\n"
        + "/cancel_schedule all - every message of this chat still to be sent (asks first)\n"
        + "Example: /cancel_schedule 0193a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b\nExample: /cancel_schedule 1a2b3c4d 5e6f7a8b";

    public IReadOnlyCollection<string> ButtonKeys => [MessageButtons.CancelKey, ConfirmAllKey];

    public async ValueTask<BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var words = MessageReferences.Words(context.Arguments);
        if (words.Length == 0)
        {
            return $"Which message? Give its id.\n\n{Usage}";
        }

        if (string.Equals(words[0], "all", StringComparison.OrdinalIgnoreCase))
        {
            return words.Length switch
            {
                1 => await AskToCancelAllAsync(context, cancellationToken),
                2 when string.Equals(words[1], "confirm", StringComparison.OrdinalIgnoreCase) => await CancelAllAsync(context.Mediator, new CancelAllScheduledMessages(context.ChatId, context.UserId, context.IsPrivateChat), cancellationToken),
                _ => $"Write /cancel_schedule all on its own; it asks before cancelling.\n\n{Usage}",
            };
        }

        if (words.Length > MaxIds)
        {
            return $"That is {words.Length} ids; I cancel at most {MaxIds} at a time.\n\n{Usage}";
        }

        if (words.Length == 1)
        {
            return await OneMessage.RunAsync(
                context,
                words[0],
                Usage,
                reference => context.Mediator.Send(new CancelScheduledMessage(reference, context.ChatId, context.UserId, context.IsPrivateChat), cancellationToken),
                Cancelled);
        }

        // Each id answered on its own line, whatever became of the others.
        var text = new StringBuilder();
        var done = 0;
        foreach (var word in words)
        {
            var token = ChatFormat.Preview(word);
            if (!MessageReference.TryRead(word, out var reference))
            {
                text.Append($"\n{token}: not a message id.");
                continue;
            }

            var result = await context.Mediator.Send(new CancelScheduledMessage(reference, context.ChatId, context.UserId, context.IsPrivateChat), cancellationToken);
            if (result.IsSuccess)
            {
                done++;
                text.Append($"\n{token}: cancelled {result.Value.Description}: {ChatFormat.Preview(result.Value.Content)}");
            }
            else
            {
                // An ambiguous prefix lists its candidates on lines of their own, indented under the id.
                text.Append($"\n{token}: {FailureText.For(result.Failure!).ReplaceLineEndings("\n  ")}");
            }
        }

        return $"Cancelled {done} of {words.Length}:{text}";
    }

    public async ValueTask<ButtonAnswer> PressAsync(ButtonContext context, CancellationToken cancellationToken)
    {
        if (context.Key == ConfirmAllKey)
        {
            var parts = CallbackData.Split(context.Payload, 2);
            if (parts[0] is not (Yes or No))
            {
                return ButtonAnswer.Note("This button no longer works.");
            }

            if (!await IsAskerAsync(context, parts.Length > 1 ? parts[1] : null, cancellationToken))
            {
                return ButtonAnswer.Note(NotYoursNotice);
            }

            if (parts[0] == No)
            {
                return new ButtonAnswer("Nothing was cancelled.", "Nothing was cancelled.");
            }

            var reply = await CancelAllAsync(context.Mediator, new CancelAllScheduledMessages(context.ChatId, context.UserId, context.IsPrivateChat), cancellationToken);
            return new ButtonAnswer(OneMessage.Notice(reply.Text), reply);
        }

        return await OneMessage.PressAsync(
            context,
            reference => context.Mediator.Send(new CancelScheduledMessage(reference, context.ChatId, context.UserId, context.IsPrivateChat), cancellationToken),
            message => new ButtonAnswer("Cancelled.", Cancelled(message)));
    }

    /// <summary>
    /// True when the presser may answer the confirmation <paramref name="asker"/> asked for: anyone in
    /// a private chat; in a group the asker, or an administrator when an anonymous one asked. A
    /// button of a group without an asker (shown before buttons named one) answers nobody.
    /// </summary>
    private async ValueTask<bool> IsAskerAsync(ButtonContext context, string? asker, CancellationToken cancellationToken)
    {
        if (context.IsPrivateChat)
        {
            return true;
        }

        if (!long.TryParse(asker, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var askedBy) || context.UserId is not { } presser)
        {
            return false;
        }

        return presser == askedBy
            || (askedBy == context.ChatId && await administrators.IsAdministratorAsync(context.ChatId, presser, cancellationToken));
    }

    private static BotReply Cancelled(ScheduledMessageDto message) =>
        $"Cancelled {message.Description}: {ChatFormat.Preview(message.Content)}\nID: {message.Id}";

    private async ValueTask<BotReply> AskToCancelAllAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var open = await context.Mediator.Send(
            new ListScheduledMessages(context.ChatId, ScheduledMessageStatusFilter.Open, PageSize: 1),
            cancellationToken);
        if (!open.IsSuccess)
        {
            return ChatFormat.Failure(open.Failure!, Usage);
        }

        var count = open.Value.TotalCount;
        if (count == 0)
        {
            return "Nothing is scheduled in this chat, so there is nothing to cancel.";
        }

        var what = count == 1 ? "the 1 message" : $"all {count} messages";
        var asker = (context.UserId ?? context.ChatId).ToString(CultureInfo.InvariantCulture);
        return new BotReply(
            $"Cancel {what} still to be sent in this chat (paused ones too)? This cannot be undone.",
            [[
                new ReplyButton($"Yes, cancel {(count == 1 ? "it" : $"all {count}")}", CallbackData.Create(ConfirmAllKey, Yes, asker)!, "/cancel_schedule all confirm"),
                new ReplyButton("No, keep them", CallbackData.Create(ConfirmAllKey, No, asker)!),
            ]]);
    }

    private async ValueTask<BotReply> CancelAllAsync(Mediator.IMediator mediator, CancelAllScheduledMessages command, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(command, cancellationToken);
        if (!result.IsSuccess)
        {
            return ChatFormat.Failure(result.Failure!, Usage);
        }

        return result.Value switch
        {
            0 => "Nothing was left to cancel in this chat.",
            1 => "Cancelled 1 message. Nothing is scheduled in this chat now.",
            var n => $"Cancelled {n} messages. Nothing is scheduled in this chat now.",
        };
    }
}
