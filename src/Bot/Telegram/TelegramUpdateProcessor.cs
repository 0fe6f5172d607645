using ScheduledMessages.Bot.Conversations;
using ScheduledMessages.Bot.Telegram.Replies;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ScheduledMessages.Bot.Telegram;

/// <summary>
/// Turns a Telegram update from the inbox into a conversation turn, then sends what it answers.
/// <see cref="HandleAsync"/> runs inside the inbox's processing transaction and throws only for
/// transient failures (the inbox retries the update); <see cref="DeliverAsync"/> runs after the
/// commit, so nothing is answered for effects that were rolled back.
/// </summary>
/// <remarks>
/// A reply is put in its chat's line in <see cref="ReplyQueue"/> and sent from there, so an update
/// never waits for its chat's turn under Telegram's limits, nor for another chat's; a chat's replies
/// keep the order its updates were handled in. A button press is answered directly, each call
/// bounded by <c>Telegram:ApiCallTimeout</c> (ADR 0802).
/// </remarks>
public sealed partial class TelegramUpdateProcessor(
    ITelegramBotClient bot,
    ReplyQueue replies,
    BotIdentity identity,
    ILogger<TelegramUpdateProcessor> logger)
{
    /// <summary>Telegram's limit on a message's text.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>
    /// Carries out <paramref name="update"/> with the services of <paramref name="scope"/> (whose
    /// database context is in the processing transaction); null when there is nothing to answer.
    /// </summary>
    public async Task<UpdateOutcome?> HandleAsync(Update update, IServiceProvider scope, CancellationToken cancellationToken)
    {
        if (update.CallbackQuery is { } query)
        {
            return await HandleButtonAsync(query, scope, cancellationToken);
        }

        if (update.Message is not { Text: { } text } message)
        {
            return null;
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
            // group's "/help@OtherBot" would be taken as ours. If Telegram fails here, the update is retried.
            identity.Username = (await bot.GetMe(cancellationToken)).Username;
        }

        var reply = await scope.GetRequiredService<ConversationHandler>().HandleAsync(incoming, cancellationToken);
        return reply is null ? null : new UpdateOutcome.Reply(incoming.ChatId, reply);
    }

    /// <summary>
    /// The answer to a button press whose handling failed transiently. A press is not worth a
    /// retry (Telegram stops waiting for its answer within seconds), so it is answered "press again".
    /// </summary>
    public static UpdateOutcome? PressAgain(Update update) =>
        update.CallbackQuery is { } query
            ? new UpdateOutcome.Button(
                query.Id,
                null,
                null,
                ButtonAnswer.Note("The database did not answer; nothing was changed. Please press again in a moment."))
            : null;

    /// <summary>
    /// Sends what handling an update answered: a reply joins its chat's line (Telegram refuses a
    /// longer text outright, so it is cut); a button press is answered. Failures are logged, never
    /// thrown: the update's effects are committed, and handling it again would do them twice.
    /// </summary>
    public async Task DeliverAsync(UpdateOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case UpdateOutcome.Reply(var chatId, var reply):
                replies.Enqueue(new OutgoingReply(chatId, Fit(reply.Text), ToMarkup(reply)));
                break;
            case UpdateOutcome.Button button:
                await AnswerButtonAsync(button, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// A button press: carried out against the chat it was pressed in; the message it was under is
    /// edited in place and the press answered (Telegram shows a spinner until then) once committed.
    /// </summary>
    private static async Task<UpdateOutcome> HandleButtonAsync(CallbackQuery query, IServiceProvider scope, CancellationToken cancellationToken)
    {
        if (query is not { Message: { } message, Data: { } data })
        {
            return new UpdateOutcome.Button(query.Id, null, null, ButtonAnswer.Note("This button no longer works."));
        }

        var incoming = new IncomingCallback(
            query.Id,
            message.Chat.Id,
            query.From.Id,
            message.Chat.Type == ChatType.Private ? ChatKind.Private : ChatKind.Group,
            message.MessageId,
            data);
        var answer = await scope.GetRequiredService<ConversationHandler>().HandleButtonAsync(incoming, cancellationToken);
        return new UpdateOutcome.Button(query.Id, incoming.ChatId, message.MessageId, answer);
    }

    private async Task AnswerButtonAsync(UpdateOutcome.Button button, CancellationToken cancellationToken)
    {
        var answer = button.Answer;
        if (answer.Edit is { } edit && button is { ChatId: { } chatId, MessageId: { } messageId })
        {
            try
            {
                await bot.EditMessageText(chatId, messageId, Fit(edit.Text), replyMarkup: ToMarkup(edit), cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // "message is not modified" (pressed twice), a message too old to edit, or Telegram
                // unreachable: the press took effect all the same.
                LogEditFailed(logger, chatId, e.Message);
            }
        }

        try
        {
            var notice = answer.Notice is { Length: > ButtonAnswer.MaxNoticeLength } tooLong
                ? tooLong[..(ButtonAnswer.MaxNoticeLength - 1)] + "…"
                : answer.Notice;
            await bot.AnswerCallbackQuery(button.QueryId, notice, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Too late to answer (Telegram waits about 15 s), or Telegram unreachable; nothing else to do.
            LogAnswerFailed(logger, e.Message);
        }
    }

    private static string Fit(string text) =>
        text.Length <= MaxTextLength ? text : text[..(MaxTextLength - 1)] + "…";

    private static InlineKeyboardMarkup? ToMarkup(BotReply reply) =>
        reply.HasButtons
            ? new InlineKeyboardMarkup(reply.Buttons!.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.CallbackData))))
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not edit the message a button was under in chat {ChatId}: {Error}")]
    private static partial void LogEditFailed(ILogger logger, long chatId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not answer a button press: {Error}")]
    private static partial void LogAnswerFailed(ILogger logger, string error);
}
