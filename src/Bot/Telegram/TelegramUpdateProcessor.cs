using ScheduledMessages.Bot.Conversations;
using ScheduledMessages.Bot.Telegram.Replies;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ScheduledMessages.Bot.Telegram;

/// <summary>
/// Turns a Telegram update into a conversation turn and sends the reply. Shared by long polling
/// and the webhook; throws only for transient failures, which must not be acknowledged.
/// </summary>
/// <remarks>
/// A reply is put in its chat's line in <see cref="ReplyQueue"/> and sent from there, so an update
/// never waits for its chat's turn under Telegram's limits, nor for another chat's. A button press
/// is answered directly, each call bounded by <c>Telegram:ApiCallTimeout</c> (ADR 0802).
/// </remarks>
public sealed partial class TelegramUpdateProcessor(
    IServiceScopeFactory scopes,
    ITelegramBotClient bot,
    ReplyQueue replies,
    BotIdentity identity,
    ILogger<TelegramUpdateProcessor> logger)
{
    /// <summary>Telegram's limit on a message's text.</summary>
    public const int MaxTextLength = 4096;

    public async Task ProcessAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.CallbackQuery is { } query)
        {
            await ProcessButtonAsync(query, cancellationToken);
            return;
        }

        if (update.Message is not { Text: { } text } message)
        {
            return;
        }

        var incoming = new IncomingMessage(
            message.Chat.Id,
            message.From?.Id,
            message.Chat.Type == ChatType.Private ? ChatKind.Private : ChatKind.Group,
            text,
            message.MessageId,
            message.SenderChat?.Id);

        if (identity.Username is null)
        {
            // An update can come before start-up has learnt the bot's username; without it a
            // group's "/help@OtherBot" would be taken as ours. If Telegram fails here, the update stays unacknowledged.
            identity.Username = (await bot.GetMe(cancellationToken)).Username;
        }

        BotReply? reply;
        await using (var scope = scopes.CreateAsyncScope())
        {
            reply = await scope.ServiceProvider.GetRequiredService<ConversationHandler>().HandleAsync(incoming, cancellationToken);
        }

        if (reply is null)
        {
            return;
        }

        // Telegram refuses a longer text outright; a cut answer is better than none. The command
        // already took effect, so a reply that cannot be sent is dropped (and logged), never retried
        // by resending the update.
        replies.Enqueue(new OutgoingReply(incoming.ChatId, Fit(reply.Text), ToMarkup(reply)));
    }

    /// <summary>
    /// A button press: carried out against the chat it was pressed in, the message it was under
    /// edited in place, and always answered (Telegram shows a spinner until then). A press is not
    /// worth a redelivery, so a transient failure is answered with "press again" and acknowledged.
    /// </summary>
    /// <remarks>
    /// The edit and the answer do not wait in the chat's reply line: the edit changes the message
    /// pressed rather than adding one, and the answer is no chat message at all; both must come while
    /// the user is still looking. Each is bounded by <c>Telegram:ApiCallTimeout</c>; one that fails or
    /// times out is logged, and the press still took effect.
    /// </remarks>
    private async Task ProcessButtonAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        ButtonAnswer answer;
        if (query is not { Message: { } message, Data: { } data })
        {
            answer = ButtonAnswer.Note("This button no longer works.");
        }
        else
        {
            var incoming = new IncomingCallback(
                query.Id,
                message.Chat.Id,
                query.From.Id,
                message.Chat.Type == ChatType.Private ? ChatKind.Private : ChatKind.Group,
                message.MessageId,
                data);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                answer = await scope.ServiceProvider.GetRequiredService<ConversationHandler>().HandleButtonAsync(incoming, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && TransientFailure.IsTransient(e))
            {
                LogButtonTransient(logger, incoming.ChatId, e.GetType().Name);
                answer = ButtonAnswer.Note("The database did not answer; nothing was changed. Please press again in a moment.");
            }

            if (answer.Edit is { } edit)
            {
                try
                {
                    await bot.EditMessageText(incoming.ChatId, message.MessageId, Fit(edit.Text), replyMarkup: ToMarkup(edit), cancellationToken: cancellationToken);
                }
                catch (Exception e) when (e is RequestException or TimeoutException)
                {
                    // "message is not modified" (pressed twice), a message too old to edit or a Telegram
                    // that does not answer: the press still took effect.
                    LogEditFailed(logger, incoming.ChatId, e.Message);
                }
            }
        }

        try
        {
            var notice = answer.Notice is { Length: > ButtonAnswer.MaxNoticeLength } tooLong
                ? tooLong[..(ButtonAnswer.MaxNoticeLength - 1)] + "…"
                : answer.Notice;
            await bot.AnswerCallbackQuery(query.Id, notice, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is RequestException or TimeoutException)
        {
            // Too late to answer (Telegram waits about 15 s) or no answer from Telegram; nothing else to do.
            LogAnswerFailed(logger, e.Message);
        }
    }

    private static string Fit(string text) =>
        text.Length <= MaxTextLength ? text : text[..(MaxTextLength - 1)] + "…";

    private static InlineKeyboardMarkup? ToMarkup(BotReply reply) =>
        reply.HasButtons
            ? new InlineKeyboardMarkup(reply.Buttons!.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.CallbackData))))
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A button press in chat {ChatId} failed transiently ({Error}); asked to press again")]
    private static partial void LogButtonTransient(ILogger logger, long chatId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not edit the message a button was under in chat {ChatId}: {Error}")]
    private static partial void LogEditFailed(ILogger logger, long chatId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not answer a button press: {Error}")]
    private static partial void LogAnswerFailed(ILogger logger, string error);
}
